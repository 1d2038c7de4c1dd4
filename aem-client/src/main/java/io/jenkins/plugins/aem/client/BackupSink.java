package io.jenkins.plugins.aem.client;

/**
 * Keeps a deploy's backup before the deploy changes anything: the Jenkins plugin archives its portable text with the
 * build, the {@code aem} command writes its restorable text to the file the caller named. Called once, only when the
 * task exists, on a client thread: it may write a file, and must not wait on anything else.
 */
@FunctionalInterface
public interface BackupSink {

    /**
     * Keeps the backup.
     *
     * @return where it was kept, as a failure message should tell the user (a path, "archived with build #12")
     * @throws Exception when it could not be kept: the deploy is then refused, and nothing is changed
     */
    String keep(DeployBackup backup) throws Exception;

    /**
     * How a user puts the task back from where {@link #keep} put its backup, said after the location when a restore
     * failed: by default what the {@code aem} command's restorable file needs.
     */
    default String howToRestore() {
        return "restore it from there (aem restore-task, or ImportTask in AEM)";
    }
}
