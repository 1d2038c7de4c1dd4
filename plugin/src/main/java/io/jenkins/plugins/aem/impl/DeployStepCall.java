package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.DeployCheckpoint;
import io.jenkins.plugins.aem.client.DeployOutcome;
import io.jenkins.plugins.aem.client.DeployRequest;
import io.jenkins.plugins.aem.client.DeployResume;
import io.jenkins.plugins.aem.client.ProgressListener;
import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import io.jenkins.plugins.aem.report.DeployRecord;
import io.jenkins.plugins.aem.report.StepRecorder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * A step that deploys one task ({@code aemDeployTask}, {@code aemRotateSecrets}), so that the deploy outlives the
 * controller. Before the client is called the deploy is kept in the build's folder ({@link DeployStore}: the call, the
 * definition, encrypted); the client hands its backup and each checkpoint to a {@link DurableDeploy}, which keeps them
 * there, synced to disk, before the change they precede leaves. When the deploy ends they are deleted.
 *
 * <p>When Jenkins stops during the deploy, the client stops it where it is. After the restart a pipeline step's
 * {@link #resume} reads what was kept, resolves the endpoints' credentials again, and has the client take the deploy up
 * from its last checkpoint ({@link AemClient#resumeDeploy}): it finishes what is safe to finish or restores the task,
 * and never sends the deploy's import twice. A freestyle build ends with the restart: {@link InterruptedDeploys} takes
 * its deploy up at startup through {@link #recover}, without a console, recording on the build's AEM page.
 */
public abstract class DeployStepCall extends StepCall<DeployOutcome> implements KeptCall.Recoverable {

    private static final long serialVersionUID = 1L;

    protected final TaskTarget target;
    protected final DeployOptions options;
    /** Names the deploy's files in the build's folder: saved with the call, so that a resumed step finds them. */
    private final String id = UUID.randomUUID().toString();
    /** The client's deploy once started: cancelling it restores a task the deploy had changed. */
    private transient volatile CompletableFuture<DeployOutcome> deploy;
    /** Taken up at startup, with no step to report to: a deploy that had changed nothing is not done again. */
    private transient volatile boolean unattended;

    protected DeployStepCall(TaskTarget target, DeployOptions options) {
        this.target = target;
        this.options = options;
    }

    /** Checks what can be checked before anything is read or resolved. @throws AemException for bad input */
    protected abstract void check(StepEnvironment env);

    /** What the console says as the deploy starts, with its whole time. */
    protected abstract String announce(Duration timeout);

    /** The definition to deploy, read off the client's threads; {@code null} when the client reads it (a rotation). */
    protected abstract CompletableFuture<String> definition(StepEnvironment env);

    /** The client's request for this definition, with {@code durable} as backup sink and checkpoints ({@code null}: none). */
    protected abstract DeployRequest request(@CheckForNull String definition, Map<String, EndpointSecret> secrets,
                                             Duration timeout, @CheckForNull DurableDeploy durable);

    /** Starts the deploy afresh; by default the client's deploy of {@link #request}. */
    protected CompletableFuture<DeployOutcome> send(AemClient client, @CheckForNull String definition,
                                                    Map<String, EndpointSecret> secrets, Duration timeout,
                                                    @CheckForNull DurableDeploy durable, ProgressListener console) {
        return client.deploy(request(definition, secrets, timeout, durable), console);
    }

    /** Whether the deploy's definition is its backup's portable text (a rotation deploys the task's own definition). */
    protected boolean definitionFromBackup() {
        return false;
    }

    /** Whether the deploy rotates the secrets given, as the build's page says. */
    protected boolean rotates() {
        return options.updateSecrets();
    }

    @Override
    public final CompletableFuture<DeployOutcome> start(StepEnvironment env) throws AbortException {
        try {
            check(env);
            Map<String, EndpointSecret> secrets = EndpointSecrets.resolve(options.endpointCredentials(), env.run());
            StepClient aem = StepClient.open(target, env, ConnectionResolver.Purpose.RELEASE, recorder(), ProgressListener.NONE);
            Duration timeout = timeout(aem);
            aem.console().say(announce(timeout));
            Future<?> saved = env.saveState().save();
            // Cancelling what the caller holds reaches the client's deploy once started, which then restores the task.
            return startAfter(definition(env), text -> {
                DurableDeploy durable = options.dryRun() ? null : begin(env, text, saved);
                return follow(() -> send(aem.client(), text, secrets, timeout, durable, aem.console()), env, aem);
            }, outcome -> outcome);
        } catch (AemException e) {
            throw FailureReporter.toAbort(e);
        }
    }

    /** Keeps the deploy in the build's folder before the client is called. */
    private DurableDeploy begin(StepEnvironment env, @CheckForNull String text, Future<?> saved) {
        DeployStore store = DeployStore.of(env.run(), id);
        KeptDeploy kept = new KeptDeploy(this, env.resumesItself(), text);
        store.keep(kept, env.run(), "The deploy to " + target.taskRef());
        return durable(env, store, kept, saved);
    }

    private DurableDeploy durable(StepEnvironment env, DeployStore store, KeptDeploy kept, Future<?> saved) {
        BackupArchive archive = new BackupArchive(env.run(), env.workspace(), env.launcher(), env.listener(),
                (t, path) -> recorder().update(DeployRecord.class, r -> r.backupKept(t, path)));
        boolean fromBackup = definitionFromBackup();
        DurableDeploy.Keeper keeper = (backup, location) -> {
            synchronized (kept) {
                kept.backupKept(backup.restorableText(), fromBackup ? backup.portableText() : null, location);
                store.save(kept);
            }
        };
        return new DurableDeploy(store, keeper, archive, saved,
                c -> recorder().update(DeployRecord.class, r -> r.checkpointed(c, rotates())));
    }

    /**
     * Follows the client's deploy: its end deletes what was kept, unless Jenkins is stopping, which stops the deploy
     * where it is for it to be taken up after the restart.
     */
    private CompletableFuture<DeployOutcome> follow(Supplier<CompletableFuture<DeployOutcome>> sending,
                                                    StepEnvironment env, StepClient aem) {
        CompletableFuture<DeployOutcome> started = DeployStore.of(env.run(), id).follow(sending, () -> aem.console().say(
                env.resumesItself() ? "Jenkins is stopping during the deploy to " + target.taskRef()
                        + ": the deploy stops where it is, and this step takes it up when Jenkins is back."
                        : "Jenkins is stopping during the deploy to " + target.taskRef() + ": the deploy stops where it "
                        + "is. This build ends; when Jenkins starts again it takes the deploy up (it finishes it or "
                        + "restores the task) and says how on this build's AEM page and in Jenkins' log."));
        deploy = started;
        return started;
    }

    private Duration timeout(StepClient aem) {
        return target.hasTimeout() ? aem.timeout() : DeployCall.DEFAULT_TIMEOUT;
    }

    /**
     * Jenkins restarted during the deploy: takes it up from what it kept. Nothing kept, or no change sent: nothing
     * changed, so the deploy is done again from the start (a pipeline) or not at all (taken up at startup). Otherwise
     * the client resumes it from its last checkpoint, with the endpoints' secrets resolved again and a timeout of its
     * own.
     */
    @Override
    public final CompletableFuture<DeployOutcome> resume(StepEnvironment env) throws AbortException {
        DeployStore store = DeployStore.of(env.run(), id);
        KeptDeploy kept;
        DeployCheckpoint checkpoint;
        try {
            kept = (KeptDeploy) store.read();
            checkpoint = kept == null ? null : store.checkpoint();
        } catch (IOException | AemException e) {
            throw new AbortException("AEM: Jenkins restarted during the deploy to " + target.taskRef() + ", and what the "
                    + "deploy kept in the build's folder cannot be read (" + e.getMessage() + "). Check the task in AEM "
                    + "against the backup archived with this build (aem-backups/), then deploy again.");
        }
        boolean nothingSent = checkpoint == null || !checkpoint.anyChangeSent();
        if (unattended && nothingSent) {
            store.end();
            throw new AbortException("AEM: Jenkins stopped before the deploy to " + target.taskRef() + " changed anything. "
                    + "The task was not changed, and the deploy is not done again without a build: build again to "
                    + "deploy.");
        }
        if (kept == null) {
            env.listener().getLogger().println(ConsoleProgress.PREFIX + "Jenkins restarted before the deploy to "
                    + target.taskRef() + " began: it starts now.");
            return start(env);
        }
        Map<String, EndpointSecret> secrets;
        StepClient aem;
        try {
            secrets = EndpointSecrets.resolve(options.endpointCredentials(), env.run());
            aem = StepClient.open(target, env, ConnectionResolver.Purpose.RELEASE, recorder(), ProgressListener.NONE);
        } catch (AemException e) {
            store.end();
            throw new AbortException("AEM: Jenkins stopped during the deploy to " + target.taskRef() + ", and it cannot be "
                    + "taken up: " + e.getMessage() + " The task may be as the deploy left it (stopped, or with the new "
                    + "definition): check it in AEM, then deploy again, or deploy the backup archived with this build "
                    + "(aem-backups/) to put it back.");
        }
        try {
            Duration timeout = timeout(aem);
            InterruptedDeploys.get().claim(id);
            DurableDeploy durable = durable(env, store, kept, env.saveState().save());
            if (checkpoint == null) {
                aem.console().say("Jenkins restarted before the deploy to " + target.taskRef() + " changed anything: "
                        + "it starts again from the beginning, within " + timeout.toSeconds() + " s.");
                recorder().update(DeployRecord.class, r -> r.takenUp(target.taskRef(), "Jenkins restarted before the "
                        + "deploy changed anything: deployed again from the start"));
                return follow(() -> send(aem.client(), kept.definition(), secrets, timeout, durable, aem.console()), env, aem);
            }
            aem.console().say((unattended ? "Jenkins stopped" : "Jenkins restarted") + " during the deploy to "
                    + target.taskRef() + ": taking it up from its last checkpoint, with the endpoints' secrets from "
                    + "their credentials again, within " + timeout.toSeconds() + " s. The import it sent is never sent "
                    + "again.");
            recorder().update(DeployRecord.class, r -> r.takenUp(target.taskRef(), (unattended ? "taken up when Jenkins "
                    + "started again" : "taken up after Jenkins restarted") + " from its last checkpoint"));
            return follow(() -> aem.client().resumeDeploy(request(kept.definition(), secrets, timeout, durable),
                    new DeployResume(kept.backup(), checkpoint, kept.backupLocation()), aem.console()), env, aem);
        } catch (AemException e) {
            throw FailureReporter.toAbort(e);
        }
    }

    /**
     * Takes up, at Jenkins' start, a deploy this call began in a build that cannot resume it (a freestyle build): as
     * {@link #resume}, its lines going to {@code log}, and its end recorded on the build's AEM page.
     */
    @Override
    public final CompletableFuture<String> recover(Run<?, ?> run, TaskListener log) throws AbortException {
        unattended = true;
        return carryOn(new StepEnvironment(run, log, null, null, StepEnvironment.SaveState.NONE))
                .thenApply(outcome -> outcome.result() + " (" + outcome.resumed() + ")");
    }

    /**
     * The keys are {@code result} ({@code DEPLOYED}, {@code NO_CHANGE} or {@code DRY_RUN}), {@code changed},
     * {@code plan} and {@code actions} (lists of lines), {@code restarted}, {@code warnings}, {@code backup} (where the
     * backup was archived, or {@code null}), {@code testedEndpoints} (those TestEndpoint found connected),
     * {@code resumed} (how a deploy Jenkins' restart interrupted was taken up, or {@code null}), {@code elapsedSeconds},
     * {@code server}, {@code task}, and {@code page} (the address of the deploy's page on the build, with its plan and
     * diff: for an {@code input} step's message).
     */
    @Override
    public Object pipelineResult(DeployOutcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("result", outcome.result().name());
        map.put("changed", outcome.result() == DeployOutcome.Result.DEPLOYED);
        map.put("plan", new ArrayList<>(outcome.plan().lines()));
        map.put("actions", new ArrayList<>(outcome.actions()));
        map.put("restarted", outcome.restarted());
        map.put("warnings", new ArrayList<>(outcome.warnings()));
        map.put("backup", outcome.backupLocation());
        map.put("testedEndpoints", new ArrayList<>(outcome.testedEndpoints()));
        map.put("resumed", outcome.resumed());
        map.put("elapsedSeconds", outcome.elapsed().toMillis() / 1000.0);
        map.put("server", outcome.task().server());
        map.put("task", outcome.task().task());
        map.put("page", pageUrl());
        return map;
    }

    @Override
    protected void recordSuccess(StepRecorder recorder, DeployOutcome outcome) {
        recorder.update(DeployRecord.class, r -> r.deployed(outcome));
    }

    /**
     * The abort cancelled the deploy. Before it changed the task nothing more happens; after, the client restores the
     * task first, and the build waits for that and prints how it ended.
     */
    @Override
    public CompletableFuture<?> aborted(StepEnvironment env) {
        env.listener().getLogger().println(ConsoleProgress.PREFIX + "The build was aborted during the deploy to "
                + target.taskRef() + ": the deploy stops; if it had changed the task, the task is restored first.");
        return cancelAndAwait(deploy, env, outcome -> { });
    }
}
