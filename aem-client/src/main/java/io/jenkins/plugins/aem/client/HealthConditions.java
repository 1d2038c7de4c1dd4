package io.jenkins.plugins.aem.client;

import java.time.Duration;

/**
 * What a health wait ({@link AemClient#awaitHealth}) waits for. Every condition given must hold at the same read of
 * the task's details. With none given, the wait is for the task to be RUNNING.
 *
 * <ul>
 *   <li>{@code state}: the task is in this state, {@link TaskState#RUNNING} or {@link TaskState#STOPPED}.</li>
 *   <li>{@code fullLoadCompleted}: the full load completed, as {@link TaskStatus#loadCompleted()} says: AEM's
 *       {@code full_load_completed} with no table queued, loading or in error, or a full-load-only task that stopped
 *       with {@code FULL_LOAD_ONLY_FINISHED} (Compose: {@code loading_completed}). A table in error keeps it from
 *       holding even when AEM says the load completed.</li>
 *   <li>{@code maxLatency}: the task is RUNNING and its total CDC latency is at most this, read from AEM's
 *       {@code hh:mm:ss}; with {@code latencyHeldFor}, every read over at least that long showed it so. A latency AEM
 *       did not send, or sent in a form that cannot be read, never holds.</li>
 *   <li>{@code noTableErrors}: AEM reports no table in error; unknown counters never hold.</li>
 * </ul>
 *
 * @param state             the state the task must be in, or {@code null} for any
 * @param fullLoadCompleted the full load must have completed
 * @param maxLatency        the highest total CDC latency allowed, or {@code null} for no latency condition
 * @param latencyHeldFor    how long the latency must stay at or below {@code maxLatency}; zero (or {@code null}) for
 *                          once
 * @param noTableErrors     no table may be in error
 */
public record HealthConditions(TaskState state, boolean fullLoadCompleted, Duration maxLatency, Duration latencyHeldFor,
                               boolean noTableErrors) {

    /**
     * Checks the conditions; with none given, {@code state} becomes {@link TaskState#RUNNING}.
     *
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) for a condition that cannot be waited for
     */
    public HealthConditions {
        latencyHeldFor = latencyHeldFor == null ? Duration.ZERO : latencyHeldFor;
        if (state != null && state != TaskState.RUNNING && state != TaskState.STOPPED) {
            throw AemException.invalidInput("state", state + " is not a state to wait for. Give RUNNING or STOPPED; "
                    + "a wait fails by itself when the task goes to ERROR.");
        }
        if (maxLatency != null && maxLatency.isNegative()) {
            throw AemException.invalidInput("max latency", "must be 0 seconds or more (was " + maxLatency.toSeconds()
                    + "). Give the highest total CDC latency, in seconds, that counts as caught up.");
        }
        if (maxLatency != null && maxLatency.compareTo(Timeouts.MAX) > 0) {
            throw AemException.invalidInput("max latency", "must be at most " + Timeouts.MAX.toSeconds() + " seconds "
                    + "(7 days); was " + maxLatency.toSeconds() + ".");
        }
        if (latencyHeldFor.isNegative()) {
            throw AemException.invalidInput("latency hold", "must be 0 seconds or more (was " + latencyHeldFor.toSeconds()
                    + "). Give how long, in seconds, the latency must stay at or below the max latency.");
        }
        if (!latencyHeldFor.isZero() && maxLatency == null) {
            throw AemException.invalidInput("latency hold", "was given without a max latency. Give the max latency "
                    + "that the task must stay at or below for that long, or leave the hold out.");
        }
        if (state == TaskState.STOPPED && maxLatency != null) {
            throw AemException.invalidInput("max latency", "cannot be combined with state STOPPED: the CDC latency is "
                    + "only measured while the task runs. Wait for RUNNING, or leave the max latency out.");
        }
        if (state == null && !fullLoadCompleted && maxLatency == null && !noTableErrors) {
            state = TaskState.RUNNING;
        }
    }

    /**
     * Reads a state to wait for as a user typed it, in any case.
     *
     * @return the state, or {@code null} for a blank text (no state condition)
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) for anything but RUNNING or STOPPED
     */
    public static TaskState state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        TaskState s = TaskState.fromWire(text);
        if (s != TaskState.RUNNING && s != TaskState.STOPPED) {
            throw AemException.invalidInput("state", "'" + text.strip() + "' is not a state to wait for. Give RUNNING "
                    + "or STOPPED; a wait fails by itself when the task goes to ERROR.");
        }
        return s;
    }

    /** The task is RUNNING; nothing more. */
    public static HealthConditions running() {
        return new HealthConditions(TaskState.RUNNING, false, null, null, false);
    }

    public HealthConditions withState(TaskState newState) {
        return new HealthConditions(newState, fullLoadCompleted, maxLatency, latencyHeldFor, noTableErrors);
    }

    public HealthConditions withFullLoadCompleted(boolean required) {
        return new HealthConditions(state, required, maxLatency, latencyHeldFor, noTableErrors);
    }

    /** A total latency of at most {@code max}, held for {@code heldFor} (zero: seen once). */
    public HealthConditions withMaxLatency(Duration max, Duration heldFor) {
        return new HealthConditions(state, fullLoadCompleted, max, heldFor, noTableErrors);
    }

    public HealthConditions withNoTableErrors(boolean required) {
        return new HealthConditions(state, fullLoadCompleted, maxLatency, latencyHeldFor, required);
    }

    /**
     * {@code true} when the conditions can only hold while the task runs: state RUNNING, or a latency condition. A
     * task seen running that then stops fails such a wait.
     */
    public boolean needsRunning() {
        return state == TaskState.RUNNING || maxLatency != null;
    }

    /** The conditions in words, for example {@code RUNNING, total latency <= 5 s for 60 s, no table in error}. */
    @Override
    public String toString() {
        return HealthWording.describe(this);
    }
}
