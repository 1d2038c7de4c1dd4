package io.jenkins.plugins.aem.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a release tells its listener: its own steps and warnings, each task's events with the task's name in front
 * (tasks run side by side, and their lines interleave), all timed from the release's start, and how far it has got
 * ("exported 120 of 500 tasks") at every tenth of the way; each task's facts (its plan, its deploy's actions) as they
 * are, since they name their task.
 */
final class ReleaseProgress {

    private final ProgressListener listener;
    private final DeployJournal journal;
    private final Deadline clock;
    private final java.util.Map<String, ProgressListener> tasks = new ConcurrentHashMap<>();

    ReleaseProgress(ProgressListener listener) {
        this.listener = listener == null ? ProgressListener.NONE : listener;
        this.clock = Deadline.after(Timeouts.MAX);
        this.journal = new DeployJournal(this.listener, clock);
    }

    /** The release's own journal: its steps, and its warnings, which go into its outcome. */
    DeployJournal journal() {
        return journal;
    }

    /**
     * A listener for one task: its events named after it. A warning said once for the task (in the plan) is not said
     * again (when the task is deployed, and its deploy says it afresh).
     */
    ProgressListener forTask(String task) {
        return tasks.computeIfAbsent(task, this::named);
    }

    private ProgressListener named(String task) {
        Set<String> warned = ConcurrentHashMap.newKeySet();
        return new ProgressListener() {
            @Override
            public void onProgress(ProgressEvent e) {
                if (e.kind() != ProgressEvent.Kind.WARNING || warned.add(e.message())) {
                    send(new ProgressEvent(e.kind(), clock.elapsed(), task + ": " + e.message()));
                }
            }

            /** Facts name their task already: a caller that keeps a record per task (a build's page) routes them so. */
            @Override
            public void onFact(ProgressFact fact) {
                try {
                    listener.onFact(fact);
                } catch (RuntimeException e) {
                    // A listener's failure never breaks a release.
                }
            }
        };
    }

    /** Counts tasks done and says so at every tenth of {@code total}, and at the end. */
    Counter counter(String verb, int total) {
        return new Counter(verb, total);
    }

    /** Tasks done, said now and then. */
    final class Counter {
        private final String verb;
        private final int total;
        private final AtomicInteger done = new AtomicInteger();

        private Counter(String verb, int total) {
            this.verb = verb;
            this.total = total;
        }

        void done() {
            int n = done.incrementAndGet();
            int step = Math.max(1, total / 10);
            if (total >= 10 && (n % step == 0 || n == total)) {
                journal.step(verb + " " + n + " of " + total + " tasks");
            }
        }
    }

    private void send(ProgressEvent event) {
        try {
            listener.onProgress(event);
        } catch (RuntimeException e) {
            // A listener's failure never breaks a release.
        }
    }
}
