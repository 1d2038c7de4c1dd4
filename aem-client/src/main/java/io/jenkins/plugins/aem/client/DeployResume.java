package io.jenkins.plugins.aem.client;

/**
 * What {@link AemClient#resumeDeploy} needs besides the request: what the interrupted deploy left behind.
 *
 * @param restorableBackup the backup's restorable text ({@link DeployBackup#restorableText()}), or {@code null} when
 *                         the task did not exist before the deploy (then there was no backup)
 * @param checkpoint       the last checkpoint the deploy's {@link DeployCheckpoints} received
 * @param backupLocation   where the caller keeps the backup, as a failure should name it (the {@link BackupSink}'s
 *                         answer), or {@code null}
 */
public record DeployResume(String restorableBackup, DeployCheckpoint checkpoint, String backupLocation) {

    /** @throws AemException ({@link FailureKind#INVALID_INPUT}) when the checkpoint is missing */
    public DeployResume {
        if (checkpoint == null) {
            throw AemException.invalidInput("checkpoint", "is missing. Give the last checkpoint the deploy's sink received.");
        }
        if (checkpoint.taskExisted() && (restorableBackup == null || restorableBackup.isBlank())) {
            throw AemException.invalidInput("restorableBackup", "is missing, and the task existed before the deploy. "
                    + "Give the backup the deploy's backup sink kept: without it the task could not be put back.");
        }
    }

    /** Names the checkpoint only: the backup holds the endpoints' ciphertext. */
    @Override
    public String toString() {
        return "DeployResume[" + checkpoint.taskRef() + ", " + checkpoint.stage() + ", " + checkpoint.changes().size()
                + " changes]";
    }
}
