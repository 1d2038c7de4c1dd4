package io.jenkins.plugins.aem.client;

/**
 * Hears where a deploy is, so that a deploy outlives the process that runs it: the Jenkins plugin persists each
 * checkpoint with the build, and after a restart hands the last one to {@link AemClient#resumeDeploy}. Called
 * synchronously, on a client thread, before each change is sent (stop, delete, import, patch, run: the change is then
 * {@link DeployCheckpoint.Status#SENDING}) and once AEM answered it, and when the deploy starts restoring and ends.
 * The restorable backup went to the {@link BackupSink} before any of this.
 */
@FunctionalInterface
public interface DeployCheckpoints {

    /**
     * Keeps the checkpoint (it replaces the one before).
     *
     * @throws Exception when it could not be kept. Before a change this stops the deploy before the change is sent
     *                   (a change nobody could resume must not leave); the task is then restored as after any failing
     *                   step. While restoring, the restore goes on and says so.
     */
    void checkpoint(DeployCheckpoint checkpoint) throws Exception;
}
