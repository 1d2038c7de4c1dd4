package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * What one operation has seen and how it ends: the last state and error, the progress events, and the completion of
 * its result, success, failure or time-out, each worded once here with the context the user needs.
 */
final class OperationRecord {

    final CompletableFuture<TaskOutcome> result = new CompletableFuture<>();

    private final ProgressListener listener;
    private final TaskRef task;
    private final WaitGoal goal;
    private final Deadline deadline;
    private volatile TaskState lastState;
    private volatile String lastRaw;
    private volatile AemException lastError;
    private volatile String commandSent = "";
    /** Whether the latest read was told as a state change: then that line is the result, said once. */
    private volatile boolean changeJustTold;

    OperationRecord(ProgressListener listener, TaskRef task, WaitGoal goal, Deadline deadline) {
        this.listener = listener == null ? ProgressListener.NONE : listener;
        this.task = task;
        this.goal = goal;
        this.deadline = deadline;
    }

    boolean isDone() {
        return result.isDone();
    }

    /** What was asked of AEM, for the outcome, for example {@code RunTask option=RELOAD_TARGET timeout=58}. */
    void commandSent(String description) {
        commandSent = description;
    }

    /** A failure the operation went on after; a time-out names it. */
    void lastError(AemException error) {
        lastError = error;
    }

    /** Tells the listener, timed from the operation's start; a listener's failure never breaks the wait. */
    void event(ProgressEvent.Kind kind, String message) {
        try {
            listener.onProgress(new ProgressEvent(kind, deadline.elapsed(), message));
        } catch (RuntimeException e) {
            // ignored on purpose: see above
        }
    }

    /** Hands the listener a fact; as with events, a listener's failure never breaks the wait. */
    void fact(ProgressFact fact) {
        try {
            listener.onFact(fact);
        } catch (RuntimeException e) {
            // ignored on purpose: see event()
        }
    }

    /** Notes a state read from AEM, telling the listener when it changed. */
    void observe(TaskState state, String raw) {
        changeJustTold = !raw.equals(lastRaw);
        if (changeJustTold) {
            event(ProgressEvent.Kind.STATE_CHANGE, task + " is " + raw);
            fact(new ProgressFact.StateSeen(task, raw));
        }
        lastRaw = raw;
        lastState = state;
    }

    /**
     * Ends the operation as successful. Its result is said once: when the read that decided it was just told as a
     * state change ("is RUNNING", timed), that line is the result; otherwise (a state seen before, taken at its word
     * once AEM's lag was waited out) a line says it was reached.
     */
    void succeed(TaskState state, String raw, StopReason reason, String message) {
        if (!changeJustTold) {
            event(ProgressEvent.Kind.STEP, task + " reached " + raw + " in " + seconds(deadline.elapsed()) + " s");
        }
        result.complete(new TaskOutcome(task, state, raw, reason, message, deadline.elapsed(), commandSent));
    }

    void fail(AemException error) {
        result.completeExceptionally(error.withContext(task, lastState, lastRaw, deadline.elapsed()));
    }

    /** Ends the operation as timed out, with the last state and error seen, unless it has ended already. */
    void timeOut() {
        if (result.isDone()) {
            return;
        }
        String seen = lastRaw;
        AemException error = lastError;
        fail(AemException.of(FailureKind.TIMED_OUT, "Timed out after " + seconds(deadline.elapsed()) + " s waiting for "
                        + task + " to be " + goal + "; last state seen: " + (seen == null ? "none" : seen)
                        + (error == null ? "" : "; last error: " + (error.errorCode() != null ? error.errorCode() : error.getMessage()))
                        + ". Raise the timeout if the task needs longer, or check it in AEM.")
                .errorCode(error == null ? null : error.errorCode()).build());
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
