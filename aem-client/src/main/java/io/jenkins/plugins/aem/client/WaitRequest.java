package io.jenkins.plugins.aem.client;

import java.time.Instant;
import java.util.Objects;

/**
 * Waiting again for an operation whose command AEM already received, for example after a Jenkins restart. Nothing is
 * sent to AEM but status reads.
 *
 * @param task          the task
 * @param goal          what the operation waits for
 * @param deadline      the operation's original deadline; when it has passed, the wait fails as timed out after one read
 * @param commandSentAt when the run or stop was sent, so the status-lag grace period is measured from there
 */
public record WaitRequest(TaskRef task, WaitGoal goal, Instant deadline, Instant commandSentAt) {

    public WaitRequest {
        if (task == null) {
            throw AemException.invalidInput("task", "is missing. Give the server and task to wait for.");
        }
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(commandSentAt, "commandSentAt");
    }
}
