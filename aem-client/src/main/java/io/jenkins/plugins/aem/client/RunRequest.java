package io.jenkins.plugins.aem.client;

import java.time.Duration;

/**
 * A request to run a task and wait until it is running (or, with {@code waitForCompletion}, until its load completed).
 *
 * @param task              the task
 * @param option            the run option, or {@code null} to let the client choose: {@link RunOption#RESUME_PROCESSING}
 *                          for Replicate servers, none for Compose, as AEM documents
 * @param cdcPosition       the cdc position for the options that need one, already checked; otherwise {@code null}
 * @param waitForCompletion wait until the load completed instead of until the task runs
 * @param timeout           the deadline for the whole operation: login, lookups, the command and every poll
 */
public record RunRequest(TaskRef task, RunOption option, String cdcPosition, boolean waitForCompletion, Duration timeout) {

    /**
     * Checks every field; the cdc position is normalised as {@link RunOption#checkCdcPosition} says.
     *
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) for any invalid field
     */
    public RunRequest {
        if (task == null) {
            throw AemException.invalidInput("task", "is missing. Give the server and task to run.");
        }
        if (option == null) {
            if (cdcPosition != null && !cdcPosition.isBlank()) {
                throw AemException.invalidInput("cdcPosition", "was given without a run option. Add the option it "
                        + "belongs to (RESUME_PROCESSING_FROM_TIMESTAMP, RECOVER_USING_CHECKPOINT_STORED_ON_TARGET or "
                        + "RESUME_PROCESSING_FROM_POSITION).");
            }
            cdcPosition = null;
        } else {
            cdcPosition = option.checkCdcPosition(cdcPosition);
        }
        timeout = Timeouts.check(timeout);
    }

    /** A plain run with the default option and the default timeout. */
    public static RunRequest of(TaskRef task) {
        return new RunRequest(task, null, null, false, Timeouts.DEFAULT);
    }

    public RunRequest withOption(RunOption newOption, String newCdcPosition) {
        return new RunRequest(task, newOption, newCdcPosition, waitForCompletion, timeout);
    }

    public RunRequest withWaitForCompletion(boolean wait) {
        return new RunRequest(task, option, cdcPosition, wait, timeout);
    }

    public RunRequest withTimeout(Duration newTimeout) {
        return new RunRequest(task, option, cdcPosition, waitForCompletion, newTimeout);
    }
}
