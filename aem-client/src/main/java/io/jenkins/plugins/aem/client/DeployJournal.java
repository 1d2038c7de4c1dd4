package io.jenkins.plugins.aem.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a deploy tells its listener and keeps for its outcome: steps, the actions taken, and warnings, all timed from
 * the deploy's start. Events of the run and stop it uses are retimed and passed on.
 */
final class DeployJournal {

    private final ProgressListener listener;
    private final Deadline clock;
    /** The task the actions are done to, told with each as a fact; {@code null} for a journal that takes no action. */
    private final TaskRef task;
    private final List<String> actions = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    DeployJournal(ProgressListener listener, Deadline clock) {
        this(listener, clock, null);
    }

    DeployJournal(ProgressListener listener, Deadline clock, TaskRef task) {
        this.listener = listener == null ? ProgressListener.NONE : listener;
        this.clock = clock;
        this.task = task;
    }

    void step(String message) {
        event(ProgressEvent.Kind.STEP, message);
    }

    /** Something done to the task; it goes into the outcome. */
    void action(String message) {
        actions.add(message);
        event(ProgressEvent.Kind.STEP, message);
        if (task != null) {
            fact(new ProgressFact.DeployAction(task, message));
        }
    }

    /** Hands the listener a fact in structured form; a listener's failure never breaks a deploy. */
    void fact(ProgressFact fact) {
        try {
            listener.onFact(fact);
        } catch (RuntimeException e) {
            // A listener's failure never breaks a deploy.
        }
    }

    /** Something the user should know; it goes into the outcome, once. */
    void warn(String message) {
        if (!warnings.contains(message)) {
            warnings.add(message);
            event(ProgressEvent.Kind.WARNING, message);
        }
    }

    void retry(String message) {
        event(ProgressEvent.Kind.RETRY, message);
    }

    List<String> actions() {
        return List.copyOf(actions);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * A listener for the run and stop a deploy uses: their events timed from the deploy's start. Their
     * {@code COMMAND_SENT} becomes a step: a deploy is not resumed as a wait is.
     */
    ProgressListener inner() {
        return e -> event(e.kind() == ProgressEvent.Kind.COMMAND_SENT ? ProgressEvent.Kind.STEP : e.kind(), e.message());
    }

    private void event(ProgressEvent.Kind kind, String message) {
        try {
            listener.onProgress(new ProgressEvent(kind, clock.elapsed(), message));
        } catch (RuntimeException e) {
            // A listener's failure never breaks a deploy.
        }
    }
}
