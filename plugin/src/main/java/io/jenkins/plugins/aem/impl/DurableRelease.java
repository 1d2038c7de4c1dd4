package io.jenkins.plugins.aem.impl;

import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.BackupSink;
import io.jenkins.plugins.aem.client.DeployCheckpoint;
import io.jenkins.plugins.aem.client.DeployCheckpoints;
import io.jenkins.plugins.aem.client.DeployTasksOutcome;
import io.jenkins.plugins.aem.client.FailureKind;
import io.jenkins.plugins.aem.client.TaskRef;
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

    private final DeployStore store;
    private final KeptRelease kept;
    private final BackupArchive archive;
    private final Future<?> pipelineSaved;
    private final Consumer<DeployCheckpoint> seen;
    private final Map<String, DurableDeploy> tasks = new ConcurrentHashMap<>();

    private DurableRelease(DeployStore store, KeptRelease kept, BackupArchive archive, Future<?> pipelineSaved,
                           Consumer<DeployCheckpoint> seen) {
        this.store = store;
        this.kept = kept;
        this.archive = archive;
        this.pipelineSaved = pipelineSaved;
        this.seen = seen;
    }

    /**
     * Keeps a release that is about to start in the build's folder, before the client is called.
     *
     * @param what          names the release in a failure, capitalised: {@code The release of DIR to server 'S'}
     * @param pipelineSaved completes once the pipeline's state holds the step: the first change waits for it
     * @param seen          told of each checkpoint once it is kept (the build's page)
     * @throws AemException ({@link FailureKind#DEPLOY_REFUSED}) when it cannot be kept: nothing was sent
     */
    static DurableRelease begin(String id, KeptRelease kept, StepEnvironment env, String what, BackupArchive archive,
                                Future<?> pipelineSaved, Consumer<DeployCheckpoint> seen) {
        DeployStore store = DeployStore.of(env.run(), id);
        store.keep(kept, env.run(), what);
        return new DurableRelease(store, kept, archive, pipelineSaved, seen);
    }

    /** Goes on keeping a release that was kept before Jenkins stopped, now taken up. */
    static DurableRelease resumed(String id, DeployStore store, KeptRelease kept, BackupArchive archive,
                                  Future<?> pipelineSaved, Consumer<DeployCheckpoint> seen) {
        InterruptedDeploys.get().claim(id);
        return new DurableRelease(store, kept, archive, pipelineSaved, seen);
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
     * Follows the client's release: its end deletes what was kept, unless Jenkins is stopping ({@link DeployStore#follow}).
     */
    CompletableFuture<DeployTasksOutcome> follow(Supplier<CompletableFuture<DeployTasksOutcome>> sending, Runnable stopping) {
        return store.follow(sending, stopping);
    }
}
