package io.jenkins.plugins.aem.client;

import java.time.Duration;

/**
 * How a successful run or stop ended.
 *
 * @param task       the task
 * @param state      the state reached
 * @param rawState   the state as AEM spelled it
 * @param stopReason the stop reason AEM reported last
 * @param message    AEM's last message about the task, or empty
 * @param elapsed    from the start of the operation to its end
 * @param commandSent what was asked of AEM, for the log, for example {@code RunTask option=RESUME_PROCESSING timeout=58}
 */
public record TaskOutcome(TaskRef task, TaskState state, String rawState, StopReason stopReason, String message,
                          Duration elapsed, String commandSent) {

    public TaskOutcome {
        message = message == null ? "" : message;
        stopReason = stopReason == null ? StopReason.NONE : stopReason;
    }
}
