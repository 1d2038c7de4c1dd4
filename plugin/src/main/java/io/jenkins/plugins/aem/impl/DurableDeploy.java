package io.jenkins.plugins.aem.impl;

import io.jenkins.plugins.aem.client.BackupSink;
import io.jenkins.plugins.aem.client.DeployBackup;
import io.jenkins.plugins.aem.client.DeployCheckpoint;
import io.jenkins.plugins.aem.client.DeployCheckpoints;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Where a deploy in Jenkins (one task, or one task of a release) keeps its backup and checkpoints, so that it outlives the controller: the backup's portable
 * copy is archived with the build ({@link BackupArchive}); its restorable copy and each checkpoint go to the build's
 * folder ({@link DeployStore}), synced to disk before the client goes on. The client calls both synchronously before
 * the change they precede, so a checkpoint that cannot be kept keeps its change from leaving.
 *
 * <p>A pipeline's own state must hold the step before the first change leaves, so that Jenkins resumes the step after a
 * {@code kill -9} rather than running it afresh: the first checkpoint waits for that save.
 */
final class DurableDeploy implements BackupSink, DeployCheckpoints {

    /** How long the first change waits for Jenkins to save the pipeline. */
    private static final long SAVE_SECONDS = 60;

    private final DeployStore store;
    private final Keeper keeper;
    private final BackupArchive archive;
    private final Future<?> pipelineSaved;
    private final Consumer<DeployCheckpoint> seen;

    /** Records a backup, once archived, in what the deploy keeps, and writes that to the build's folder. */
    @FunctionalInterface
    interface Keeper {
        void kept(DeployBackup backup, String location) throws IOException;
    }

    /**
     * @param keeper        records each backup in the {@link KeptCall} and saves it
     * @param pipelineSaved completes once the pipeline's state holds the step (at once for a freestyle build)
     * @param seen          told of each checkpoint once it is kept (the build's page)
     */
    DurableDeploy(DeployStore store, Keeper keeper, BackupArchive archive, Future<?> pipelineSaved,
                  Consumer<DeployCheckpoint> seen) {
        this.store = store;
        this.keeper = keeper;
        this.archive = archive;
        this.pipelineSaved = pipelineSaved;
        this.seen = seen;
    }

    @Override
    public String keep(DeployBackup backup) throws Exception {
        String location = archive.keep(backup);
        keeper.kept(backup, location);
        return location;
    }

    @Override
    public String howToRestore() {
        return archive.howToRestore();
    }

    @Override
    public void checkpoint(DeployCheckpoint checkpoint) throws IOException, InterruptedException {
        if (checkpoint.changes().size() == 1 && checkpoint.changes().get(0).status() == DeployCheckpoint.Status.SENDING) {
            awaitPipelineSaved();
        }
        store.checkpoint(checkpoint);
        seen.accept(checkpoint);
    }

    private void awaitPipelineSaved() throws IOException, InterruptedException {
        try {
            pipelineSaved.get(SAVE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("Jenkins did not save the pipeline within " + SAVE_SECONDS + " s, so the step could "
                    + "not be resumed after a restart", e);
        }
    }
}
