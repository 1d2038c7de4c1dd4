package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.Computer;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.BackupSink;
import io.jenkins.plugins.aem.client.DeployCheckpoint;
import io.jenkins.plugins.aem.client.DeployCheckpoints;
import io.jenkins.plugins.aem.client.DeployTasksOutcome;
import io.jenkins.plugins.aem.client.DeployTasksRequest;
import io.jenkins.plugins.aem.client.FailureKind;
import io.jenkins.plugins.aem.client.ReleaseResume;
import io.jenkins.plugins.aem.client.ReleasedTask;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import io.jenkins.plugins.aem.report.DeployRecord;
import io.jenkins.plugins.aem.report.StepRecord;
import io.jenkins.plugins.aem.report.StepRecorder;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Releases a folder of the workspace to a Replicate server as one unit: the client checks the folder, plans every
 * task, prints the one plan, and deploys the changed tasks each as {@link DeployCall}'s deploy does, all or nothing
 * when atomic. This resolves the endpoints' credentials (in memory only), archives each changed task's backup with
 * the build, records one row per task on the build's page, and decides what the outcome does to the build (a dry run's
 * drift: {@link OnDrift}).
 *
 * <p>A release outlives the controller as a single deploy does ({@link DeployStepCall}): it is kept in the build's
 * folder ({@link DurableRelease}) with each changed task's backup (encrypted) and last checkpoint. When Jenkins stops
 * during it the client stops it where it is; after the restart a pipeline step's {@link #resume}, or for a freestyle
 * build {@link InterruptedDeploys} at startup through {@link #recover}, reads the folder again and has the client take
 * the release up ({@link AemClient#resumeDeployTasks}): each task it had reached is finished or put back (all of them
 * when atomic), no import is sent twice, and the tasks it had not reached are deployed.
 */
public final class DeployTasksCall extends StepCall<DeployTasksOutcome> implements KeptCall.Recoverable {

    private static final long serialVersionUID = 1L;

    private final TaskTarget target;
    private final FolderOptions folder;
    /** What each task is deployed with: the single deploy's options, without substitutions (the release puts its values in). */
    private final DeployOptions each;
    private final boolean atomic;
    private final boolean skipRefused;
    /** As the user gave it: checked when the step starts. */
    private final String onDrift;
    /** Names the release's files in the build's folder: saved with the call, so that a resumed step finds them. */
    private final String id = UUID.randomUUID().toString();
    /** The client's release once started: cancelling it puts back what it changed before it ends. */
    private transient volatile CompletableFuture<DeployTasksOutcome> release;
    /** Taken up at startup, with no step to report to: a release that had changed nothing is not done again. */
    private transient volatile boolean unattended;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public DeployTasksCall(TaskTarget target, FolderOptions folder, DeployOptions each, boolean atomic, boolean skipRefused,
                           @CheckForNull String onDrift) {
        this.target = target;
        this.folder = folder;
        this.each = each;
        this.atomic = atomic;
        this.skipRefused = skipRefused;
        this.onDrift = onDrift;
    }

    /**
     * The client's request: the one place where the step's options become the release's, each task's deploy options
     * through {@link DeployOptions#request} as the single deploy's are.
     */
    private DeployTasksRequest request(Map<String, String> values, Map<String, EndpointSecret> secrets, Duration timeout,
                                       Function<TaskRef, BackupSink> backups,
                                       @CheckForNull Function<TaskRef, DeployCheckpoints> checkpoints) {
        // The release deploys each task with these options; the task and definition of this stand-in are never used.
        TaskRef standIn = new TaskRef(target.serverText().isBlank() ? "?" : target.serverText().strip(), "*");
        return new DeployTasksRequest(target.serverText(), folder.patterns(), values,
                each.request(standIn, "{}", secrets, timeout).build(), atomic, skipRefused, folder.parallel(),
                backups, checkpoints);
    }

    @Override
    public CompletableFuture<DeployTasksOutcome> start(StepEnvironment env) throws AbortException {
        try {
            FilePath workspace = env.requireWorkspace();
            folder.check();
            OnDrift.parse(onDrift);
            ReleaseSession r = ReleaseSession.open(target, each, env, workspace, recorder());
            request(folder.givenValues(), r.secrets(), r.timeout(), task -> r.archive(), null); // bad input is refused here
            r.aem().console().say("Each task's deploy may take up to " + r.timeout().toSeconds() + " s");
            Future<?> saved = env.saveState().save();
            return release(r, values -> {
                if (each.dryRun()) {
                    return r.client().deployTasks(request(values, r.secrets(), r.timeout(), task -> r.archive(), null),
                            folder.folder(workspace), Computer.threadPoolForRemoting, r.aem().console());
                }
                DurableRelease durable = DurableRelease.begin(id, new KeptRelease(this, env.resumesItself()), env,
                        "The release of " + folder.dir() + " to server '" + target.serverText() + "'", r.archive(), saved,
                        seen());
                return durable.follow(() -> r.client().deployTasks(request(values, r.secrets(), r.timeout(),
                        durable.backups(), durable.checkpoints()), folder.folder(workspace), Computer.threadPoolForRemoting,
                        r.aem().console()), () -> stopping(env, r.aem()));
            });
        } catch (AemException e) {
            throw FailureReporter.toAbort(e);
        }
    }

    /**
     * Reads the values off the client's threads (the workspace may be on an agent), then starts the client's release
     * with {@code go}; cancelling what the caller holds reaches it, which then puts back what it changed.
     */
    private CompletableFuture<DeployTasksOutcome> release(ReleaseSession r,
                                                          Function<Map<String, String>, CompletableFuture<DeployTasksOutcome>> go) {
        return startAfter(CompletableFuture.supplyAsync(() -> prepare(r.workspace()), Computer.threadPoolForRemoting),
                values -> {
                    release = go.apply(values);
                    return release;
                }, o -> settle(r.env(), o));
    }

    private Consumer<DeployCheckpoint> seen() {
        return c -> recorder().update(DeployRecord.class, r -> r.checkpointed(c, each.updateSecrets()));
    }

    private void stopping(StepEnvironment env, StepClient aem) {
        aem.console().say(env.resumesItself() ? "Jenkins is stopping during " + describe() + ": the release stops where "
                + "it is, and this step takes it up when Jenkins is back."
                : "Jenkins is stopping during " + describe() + ": the release stops where it is. This build ends; when "
                + "Jenkins starts again it takes the release up (it finishes or puts back each task the release had "
                + "reached, and deploys the others) and says how on this build's AEM page and in Jenkins' log.");
    }

    /** Reads this environment's values, and sizes the page's rows by the folder's task files. */
    private Map<String, String> prepare(FilePath workspace) {
        Map<String, String> values = folder.values(workspace);
        try {
            int files = folder.taskFiles(workspace);
            recorder().update(DeployRecord.class, r -> r.expect(files));
        } catch (IOException e) {
            // Only the page's sizing: the release reads the folder itself, and says what is wrong with it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AemException.of(FailureKind.CANCELLED, "Interrupted while reading " + folder.dir()
                    + "; nothing was sent to AEM.").build();
        }
        return values;
    }

    /** Puts each task's end on the page. */
    private void record(DeployTasksOutcome outcome) {
        recorder().update(DeployRecord.class, r -> outcome.tasks().forEach(t -> r.taskEnded(t.task(), t.result().name(),
                t.error() != null ? FailureReporter.describe(t.error()) : t.note())));
    }

    /**
     * Records the rows, and decides what the outcome does to the build: a release that did not go as asked fails the
     * step after saying each task's failure; a dry run's drift does what {@link OnDrift} says.
     */
    private DeployTasksOutcome settle(StepEnvironment env, DeployTasksOutcome outcome) {
        record(outcome);
        int exit = outcome.exitCode();
        if (exit == 0) {
            return outcome;
        }
        if (exit == DeployTasksOutcome.DRIFT_EXIT_CODE) {
            OnDrift.parse(onDrift).apply(env, outcome, folder.dir());
            return outcome;
        }
        ReleaseResults.report(env.listener().getLogger(), outcome);
        throw Outcomes.failure(outcome.tasks().stream().map(ReleasedTask::error).toList(), exit,
                ReleaseResults.failure(outcome, folder.dir())).build();
    }

    /**
     * The keys are {@code server}, {@code dir}, {@code tasks} (for each task: {@code task}, {@code file},
     * {@code verdict}, {@code result}, {@code plan}, {@code actions}, {@code backup}, {@code warnings}, {@code error}
     * and {@code note}), {@code deployed} (the tasks deployed), {@code drift} (a dry run's tasks that a release would
     * create or change; empty when the server matches the folder), {@code notInFolder} (the server's tasks the folder
     * does not hold, never touched), {@code warnings}, {@code elapsedSeconds} and {@code page} (the release's page on
     * the build, for an {@code input} step's message).
     */
    @Override
    public Object pipelineResult(DeployTasksOutcome outcome) {
        return ReleaseResults.map(outcome, folder.dir(), pageUrl());
    }

    @Override
    protected StepRecord newRecord() {
        return DeployRecord.ofSet(target.connectionText(), target.serverText(), folder.tasksText(), asked(), folder.dirText(),
                each.dryRun());
    }

    /** What is asked, in words: the folder, the tasks, the values, and each deploy's options (credentials by ID). */
    private String asked() {
        return "release folder " + folder.asked() + each.options() + (atomic ? "; atomic: put back every task changed if one fails"
                : "") + (skipRefused ? "; deploy the tasks not refused even when others are" : "")
                + (each.dryRun() && onDrift != null ? "; drift makes the build " + onDrift : "");
    }

    @Override
    protected void recordSuccess(StepRecorder recorder, DeployTasksOutcome outcome) {
        recorder.update(DeployRecord.class, r -> r.released(outcome));
    }

    /**
     * The abort cancelled the release. Before any deploy started nothing more happens; after, the deploys under way put
     * their tasks back (and, when atomic, every task deployed), and the build waits for that and says how it ended.
     */
    @Override
    public CompletableFuture<?> aborted(StepEnvironment env) {
        env.listener().getLogger().println(ConsoleProgress.PREFIX + "The build was aborted during the release of "
                + folder.dir() + " to server '" + target.serverText() + "': no further task is deployed; the deploys under "
                + "way put their tasks back first" + (atomic ? ", and every task the release deployed is put back." : "."));
        return cancelAndAwait(release, env, outcome -> {
            record(outcome);
            ReleaseResults.report(env.listener().getLogger(), outcome);
        });
    }

    /**
     * Jenkins restarted during the release: takes it up from what it kept. Nothing kept, or no change sent: nothing
     * changed, so the release is done again from the start (a pipeline) or not at all (taken up at startup). Otherwise
     * the client takes it up from each task's last checkpoint, with the folder read again and the endpoints' secrets
     * resolved again.
     */
    @Override
    public CompletableFuture<DeployTasksOutcome> resume(StepEnvironment env) throws AbortException {
        DeployStore store = DeployStore.of(env.run(), id);
        KeptRelease kept;
        List<DeployCheckpoint> checkpoints;
        try {
            kept = (KeptRelease) store.read();
            checkpoints = kept == null ? List.of() : store.releaseCheckpoints();
        } catch (IOException | AemException e) {
            throw new AbortException("AEM: Jenkins restarted during " + describe() + ", and what the release kept in the "
                    + "build's folder cannot be read (" + e.getMessage() + "). Run the release again as a dry run to see "
                    + "which tasks differ from the folder, compare them with the backups archived with this build "
                    + "(aem-backups/), then release the folder again.");
        }
        if (checkpoints.stream().noneMatch(DeployCheckpoint::anyChangeSent)) {
            store.end();
            if (unattended) {
                throw new AbortException("AEM: Jenkins stopped before " + describe() + " changed anything. No task was "
                        + "changed, and the release is not done again without a build: build again to release.");
            }
            env.listener().getLogger().println(ConsoleProgress.PREFIX + "Jenkins restarted before " + describe()
                    + " changed anything: it starts again from the beginning.");
            return start(env);
        }
        FilePath workspace = env.requireWorkspace();
        ReleaseSession r;
        try {
            r = ReleaseSession.open(target, each, env, workspace, recorder());
        } catch (AemException e) {
            store.end();
            throw new AbortException("AEM: Jenkins stopped during " + describe() + ", and it cannot be taken up: "
                    + e.getMessage() + " Tasks the release had reached may be stopped or changed: run the release again "
                    + "as a dry run to see which differ from the folder, and compare them with the backups archived with "
                    + "this build (aem-backups/).");
        }
        try {
            ReleaseResume resume = new ReleaseResume(kept.resumes(checkpoints));
            DurableRelease durable = DurableRelease.resumed(id, store, kept, r.archive(), env.saveState().save(), seen());
            r.aem().console().say((unattended ? "Jenkins stopped" : "Jenkins restarted") + " during " + describe()
                    + ": taking it up from the last checkpoint of each of the " + checkpoints.size() + " task(s) it had "
                    + "reached, with the folder read again and the endpoints' secrets from their credentials again. No "
                    + "import it sent is sent again.");
            String how = (unattended ? "taken up when Jenkins started again" : "taken up after Jenkins restarted")
                    + " from its last checkpoint";
            checkpoints.forEach(c -> recorder().update(DeployRecord.class, rec -> rec.takenUp(c.taskRef(), how)));
            return release(r, values -> durable.follow(() -> r.client().resumeDeployTasks(request(values, r.secrets(),
                    r.timeout(), durable.backups(), durable.checkpoints()), resume, folder.folder(workspace),
                    Computer.threadPoolForRemoting, r.aem().console()), () -> stopping(env, r.aem())));
        } catch (AemException e) {
            throw FailureReporter.toAbort(e);
        }
    }

    /**
     * Takes up, at Jenkins' start, a release this call began in a freestyle build, which ended with the restart: as
     * {@link #resume}, in the build's workspace once its node is connected, its lines going to {@code log}.
     *
     * @throws AbortException when the workspace cannot be reached now (the release is taken up when its agent
     *                        connects), or the build is not one whose workspace is known
     */
    @Override
    public CompletableFuture<String> recover(Run<?, ?> run, TaskListener log) throws AbortException {
        if (!(run instanceof AbstractBuild<?, ?> build)) {
            DeployStore.of(run, id).end();
            throw new AbortException("AEM: " + describe() + " was interrupted when Jenkins stopped, and its step did not "
                    + "take it up, so its workspace is not known: it cannot be taken up. Run the release again as a dry "
                    + "run to see which tasks differ from the folder, and compare them with the backups archived with "
                    + "this build (aem-backups/).");
        }
        FilePath workspace = build.getWorkspace();
        Launcher launcher;
        try {
            launcher = workspace == null ? null : workspace.createLauncher(log);
        } catch (IOException e) {
            launcher = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            launcher = null;
        }
        Computer node = workspace == null ? null : workspace.toComputer();
        if (launcher == null || node == null || !node.isOnline()) {
            throw new AbortException("AEM: " + describe() + " was interrupted when Jenkins stopped; it is taken up once "
                    + "the agent that holds the build's workspace is connected again.");
        }
        unattended = true;
        return carryOn(new StepEnvironment(run, log, workspace, launcher, StepEnvironment.SaveState.NONE))
                .thenApply(ReleaseResults::tally);
    }

    @Override
    public String describe() {
        return "the release of " + folder.dir() + " to server '" + target.serverText() + "'";
    }
}
