package io.jenkins.plugins.aem.client;

import java.time.Duration;

/**
 * A request to export a Replicate task's definition in the form kept under version control.
 *
 * @param task          the task (Replicate only: AEM exports no Compose definitions)
 * @param withEndpoints whether the export carries the task's endpoints (their secrets become placeholders)
 * @param timeout       the deadline for the whole operation
 */
public record ExportRequest(TaskRef task, boolean withEndpoints, Duration timeout) {

    /** @throws AemException ({@link FailureKind#INVALID_INPUT}) for any invalid field */
    public ExportRequest {
        if (task == null) {
            throw AemException.invalidInput("task", "is missing. Give the server and task to export.");
        }
        timeout = Timeouts.check(timeout);
    }

    /** An export without endpoints, with the default timeout. */
    public static ExportRequest of(TaskRef task) {
        return new ExportRequest(task, false, Timeouts.DEFAULT);
    }
}
