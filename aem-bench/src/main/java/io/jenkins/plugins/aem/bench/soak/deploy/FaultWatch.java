package io.jenkins.plugins.aem.bench.soak.deploy;

import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The clock of one armed fault: actions at a moment, or once a condition on the simulator holds (watched every
 * {@value #POLL_MS} ms), all stopped at once when the deploy or release it was armed for ends.
 */
final class FaultWatch {

    private static final long POLL_MS = 2;
    /** The HTTP status of AEM's error answers. */
    private static final int AEM_ERROR = 500;

    private final ScheduledExecutorService timer;
    private final List<ScheduledFuture<?>> timers = new CopyOnWriteArrayList<>();

    FaultWatch(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** The one thread a lane's faults are armed from: a daemon, so that a lane left open never holds the JVM. */
    static ScheduledExecutorService timer(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code then} once {@code condition} holds. A task read while an import or delete hides it throws; the watch
     * then simply looks again.
     */
    void when(BooleanSupplier condition, Runnable then) {
        AtomicBoolean done = new AtomicBoolean();
        timers.add(timer.scheduleWithFixedDelay(() -> {
            try {
                if (!done.get() && condition.getAsBoolean()) {
                    then.run();
                    done.set(true);
                }
            } catch (RuntimeException notThereNow) {
                // looked at again in 2 ms
            }
        }, 0, POLL_MS, TimeUnit.MILLISECONDS));
    }

    /** Runs {@code action} after {@code delay}. */
    void at(Duration delay, Runnable action) {
        timers.add(timer.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Arms nothing more. */
    void stop() {
        timers.forEach(t -> t.cancel(false));
    }

    /** A moment drawn between {@code minMs} and {@code maxMs} from a random that lanes may share with a timer. */
    static Duration between(Random random, long minMs, long maxMs) {
        synchronized (random) {
            return Duration.ofMillis(minMs + random.nextInt((int) (maxMs - minMs + 1)));
        }
    }

    /**
     * Whether a request of {@code kind} past the journal's first {@code from} was answered with AEM's error: how both
     * soaks tell that a refusal struck. The journal keeps every answer, whereas a task's own record of its commands goes
     * when a restore deletes the task and imports it afresh, so a watch of that record races the restore.
     */
    static boolean refused(List<JournalEntry> journal, int from, RequestKind kind) {
        return answered(journal, from, kind, AEM_ERROR);
    }

    /** Whether a request of {@code kind} (any, when null) past the journal's first {@code from} ended with {@code status}. */
    static boolean answered(List<JournalEntry> journal, int from, RequestKind kind, int status) {
        return journal.stream().skip(from).anyMatch(e -> (kind == null || e.kind() == kind) && e.status() == status);
    }
}
