package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.time.Instant;

/**
 * A health wait: until the task meets the conditions, or the deadline passes. Nothing but status reads is sent.
 *
 * <p>The deadline is a wall-clock instant, so a wait can be resumed after a restart: a caller that persists the
 * request (the Jenkins plugin keeps it with the build) and starts {@link AemClient#awaitHealth} again with the same
 * request waits for the same conditions until the same deadline, its elapsed time counted from the same start. What
 * the task did while nobody watched is not known: the resumed wait judges the task afresh (see
 * {@link AemClient#awaitHealth}).
 *
 * @param task       the task
 * @param conditions what to wait for; {@code null} means {@link HealthConditions#running()}
 * @param startedAt  when the wait was first started
 * @param deadline   when the wait gives up
 */
public record HealthWaitRequest(TaskRef task, HealthConditions conditions, Instant startedAt, Instant deadline) {

    /** @throws AemException ({@link FailureKind#INVALID_INPUT}) for any invalid field */
    public HealthWaitRequest {
        if (task == null) {
            throw AemException.invalidInput("task", "is missing. Give the server and task to wait for.");
        }
        conditions = conditions == null ? HealthConditions.running() : conditions;
        if (startedAt == null || deadline == null) {
            throw AemException.invalidInput("deadline", "is missing. Give the wait's start and deadline, or use "
                    + "HealthWaitRequest.of(task, conditions, timeout).");
        }
        if (deadline.isBefore(startedAt)) {
            throw AemException.invalidInput("deadline", "is before the wait's start. Give a deadline after " + startedAt + ".");
        }
    }

    /**
     * A wait starting now, for {@code timeout} (checked as {@link Timeouts#check} does).
     *
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) when the timeout is invalid, or when the latency hold
     *                      cannot fit in it
     */
    public static HealthWaitRequest of(TaskRef task, HealthConditions conditions, Duration timeout) {
        Duration t = Timeouts.check(timeout);
        if (conditions != null && conditions.latencyHeldFor().compareTo(t) >= 0) {
            throw AemException.invalidInput("latency hold", conditions.latencyHeldFor().toSeconds() + " s cannot be "
                    + "held within a timeout of " + t.toSeconds() + " s. Give a timeout longer than the hold.");
        }
        Instant now = Instant.now();
        return new HealthWaitRequest(task, conditions, now, now.plus(t));
    }

    /** The whole time the wait was given. */
    public Duration timeout() {
        return Duration.between(startedAt, deadline);
    }
}
