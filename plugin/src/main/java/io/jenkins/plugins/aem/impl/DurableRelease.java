package io.jenkins.plugins.aem.impl;

import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.BackupSink;
import io.jenkins.plugins.aem.client.DeployCheckpoint;
import io.jenkins.plugins.aem.client.DeployCheckpoints;
import io.jenkins.plugins.aem.client.DeployTasksOutcome;
import io.jenkins.plugins.aem.client.FailureKind;
import io.jenkins.plugins.aem.client.TaskRef;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A release of a folder in Jenkins, kept so that it outlives the controller: the release's record in the build's
 * folder ({@link DeployStore}, a {@link KeptRelease}), and for each task it deploys a {@link DurableDeploy} that keeps
 * the task's backup (encrypted) and its checkpoints there, synced to disk, before the change they precede leaves, as a
 * deploy of one task does. When the release ends they are deleted; when Jenkins stops during it they stay, for the
 * release to be taken up after the restart ({@link DeployTasksCall#resume}).
 */
final class DurableRelease {

    private final String id;
    private final DeployStore store;
    private final KeptRelease kept;
    private final BackupArchive archive;
    private final Future<?> pipelineSaved;
    private final Consumer<DeployCheckpoint> seen;
    private final Map<String, DurableDeploy> tasks = new ConcurrentHashMap<>();

    private DurableRelease(String id, DeployStore store, KeptRelease kept, BackupArchive archive, Future<?> pipelineSaved,
                           Consumer<DeployCheckpoint> seen) {
        this.id = id;
        this.store = store;
        this.kept = kept;
        this.archive = archive;
        this.pipelineSaved = pipelineSaved;
        this.seen = seen;
    }

    /**
     * Keeps a release that is about to start in the build's folder, before the client is called.
     *
     * @param pipelineSaved completes once the pipeline's state holds the step: the first change waits for it
     * @param seen          told of each checkpoint once it is kept (the build's page)
     * @throws AemException ({@link FailureKind#DEPLOY_REFUSED}) when it cannot be kept: nothing was sent
     */
    static DurableRelease begin(String id, KeptRelease kept, StepEnvironment env, String what, BackupArchive archive,
                                Future<?> pipelineSaved, Consumer<DeployCheckpoint> seen) {
        DeployStore store = DeployStore.of(env.run(), id);
        try {
            store.begin(kept, env.run());
        } catch (IOException e) {
            store.end();
            throw AemException.of(FailureKind.DEPLOY_REFUSED, "The release of " + what + " could not be kept in the "
                    + "build's folder (" + e.getMessage() + "), so that it could not outlive a restart of Jenkins; nothing "
                    + "was sent to AEM.").remedy("Check the controller's disk, then build again.").build();
        }
        return resumed(id, store, kept, archive, pipelineSaved, seen);
    }

    /** Goes on keeping a release that was kept before Jenkins stopped, now taken up. */
    static DurableRelease resumed(String id, DeployStore store, KeptRelease kept, BackupArchive archive,
                                  Future<?> pipelineSaved, Consumer<DeployCheckpoint> seen) {
        InterruptedDeploys.get().claim(id);
        return new DurableRelease(id, store, kept, archive, pipelineSaved, seen);
    }

    /** Where each task's deploy keeps its backup. */
    Function<TaskRef, BackupSink> backups() {
        return this::task;
    }

    /** Where each task's deploy keeps its checkpoints. */
    Function<TaskRef, DeployCheckpoints> checkpoints() {
        return this::task;
    }

    private DurableDeploy task(TaskRef task) {
        return tasks.computeIfAbsent(task.task(), name -> new DurableDeploy(store, (backup, location) -> {
            synchronized (kept) {
                kept.backupKept(name, backup.restorableText(), location);
                store.save(kept);
            }
        }, archive, pipelineSaved, seen));
    }

    /**
     * Follows the client's release: its end deletes what was kept, unless Jenkins is stopping, which stops the release
     * where it is for it to be taken up after the restart ({@code stopping} says so in the console).
     */
    CompletableFuture<DeployTasksOutcome> follow(Supplier<CompletableFuture<DeployTasksOutcome>> sending, Runnable stopping) {
        CompletableFuture<DeployTasksOutcome> started;
        try {
            started = sending.get();
        } catch (RuntimeException refused) { // a request the client refused before it started: nothing to keep
            end();
            throw refused;
        }
        started.whenComplete((outcome, failure) -> {
            if (failure != null && ClientPoolHolder.stoppedByShutdown(failure)) {
                stopping.run();
            } else {
                end();
            }
        });
        return started;
    }

    /** The release ended: what it kept goes, the encrypted backups with it. */
    void end() {
        store.end();
        InterruptedDeploys.get().release(id);
    }
}
