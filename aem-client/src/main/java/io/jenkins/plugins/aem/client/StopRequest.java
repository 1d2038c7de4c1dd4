package io.jenkins.plugins.aem.client;

import java.time.Duration;

/**
 * A request to stop a task and wait until it is stopped.
 *
 * @param task    the task
 * @param timeout the deadline for the whole operation: login, the command and every poll
 */
public record StopRequest(TaskRef task, Duration timeout) {

    /** @throws AemException ({@link FailureKind#INVALID_INPUT}) for any invalid field */
    public StopRequest {
        if (task == null) {
            throw AemException.invalidInput("task", "is missing. Give the server and task to stop.");
        }
        timeout = Timeouts.check(timeout);
    }

    /** A stop with the default timeout. */
    public static StopRequest of(TaskRef task) {
        return new StopRequest(task, Timeouts.DEFAULT);
    }
}
