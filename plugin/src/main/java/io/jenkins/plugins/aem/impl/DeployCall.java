package io.jenkins.plugins.aem.impl;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Computer;
import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.DeployOutcome;
import io.jenkins.plugins.aem.client.DeployRequest;
import io.jenkins.plugins.aem.client.FailureKind;
import io.jenkins.plugins.aem.client.ProgressEvent;
import io.jenkins.plugins.aem.client.RunOption;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import io.jenkins.plugins.aem.report.DeployRecord;
import io.jenkins.plugins.aem.report.StepRecord;
import io.jenkins.plugins.aem.report.StepRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Makes a Replicate task match a definition file from the workspace: the client plans, backs up (archived with the
 * build), imports, checks and restores on failure; this only reads the file, fills the endpoints' secrets from Jenkins
 * credentials (in memory only) and prints what happened. A deploy does not survive a controller restart: the restore
 * copy lives in memory, so after a restart the step fails and says how far the deploy had got.
 */
public final class DeployCall extends StepCall<DeployOutcome> {

    private static final long serialVersionUID = 1L;

    /** A deploy's step when none is given: stopping, importing, checking and running again take a while. */
    public static final Duration DEFAULT_TIMEOUT = DeployRequest.DEFAULT_TIMEOUT;

    private final TaskTarget target;
    private final DeployOptions options;
    private volatile String lastStep = "";
    /** The client's deploy once started: cancelling it restores a task the deploy had changed. */
    private transient volatile CompletableFuture<DeployOutcome> deploy;

    public DeployCall(TaskTarget target, DeployOptions options) {
        this.target = target;
        this.options = options;
    }

    @Override
    public CompletableFuture<DeployOutcome> start(StepEnvironment env) throws AbortException {
        try {
            TaskRef task = target.taskRef();
            FilePath workspace = env.requireWorkspace();
            WorkspaceFiles.checkRelative(options.definition(), "definition");
            RunOption.parse(options.runOption()); // refused before anything is read
            Map<String, EndpointSecret> secrets = EndpointSecrets.resolve(options.endpointCredentials(), env.run());
            StepClient aem = StepClient.open(target, env, ConnectionResolver.Purpose.RELEASE, recorder(), event -> {
                if (event.kind() == ProgressEvent.Kind.STEP) {
                    lastStep = event.message();
                }
            });
            Duration timeout = target.hasTimeout() ? aem.timeout() : DEFAULT_TIMEOUT;
            aem.console().say("Deploying " + options.definition() + " to " + task + (options.dryRun() ? " (dry run)" : "")
                    + "; the whole deploy may take up to " + timeout.toSeconds() + " s");
            BackupArchive archive = new BackupArchive(env.run(), workspace, env.launcher(), env.listener(),
                    (t, path) -> recorder().update(DeployRecord.class, r -> r.backupKept(t, path)));
            AemClient client = aem.client();
            // The file is read off the CPS thread: the workspace may be on an agent. Cancelling what the caller holds
            // reaches the client's deploy, which then restores the task.
            return startAfter(CompletableFuture.supplyAsync(() -> read(workspace), Computer.threadPoolForRemoting),
                    text -> {
                        deploy = client.deploy(options.request(task, text, secrets, timeout).backupSink(archive).build(),
                                aem.console());
                        return deploy;
                    }, outcome -> outcome);
        } catch (AemException e) {
            throw FailureReporter.toAbort(e);
        }
    }

    private String read(FilePath workspace) {
        try {
            return WorkspaceFiles.read(workspace, options.definition(), "definition");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AemException.of(FailureKind.CANCELLED, "Interrupted while reading "
                    + options.definition() + "; nothing was sent to AEM.").build();
        }
    }

    /**
     * The keys are {@code result} ({@code DEPLOYED}, {@code NO_CHANGE} or {@code DRY_RUN}), {@code changed},
     * {@code plan} and {@code actions} (lists of lines), {@code restarted}, {@code warnings}, {@code backup} (where the
     * backup was archived, or {@code null}), {@code elapsedSeconds}, {@code server}, {@code task}, and {@code page}
     * (the address of the deploy's page on the build, with its plan and diff: for an {@code input} step's message).
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
        map.put("elapsedSeconds", outcome.elapsed().toMillis() / 1000.0);
        map.put("server", outcome.task().server());
        map.put("task", outcome.task().task());
        map.put("page", pageUrl());
        return map;
    }

    @Override
    protected StepRecord newRecord() {
        return new DeployRecord(target.connectionText(), target.serverText(), target.taskText(), options.asked(),
                options.definition(), options.dryRun(), 1);
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

    /** The restore copy was in memory: say how far the deploy had got, and where the backup is. */
    @Override
    public CompletableFuture<DeployOutcome> resume(StepEnvironment env) throws AbortException {
        throw new AbortException("AEM: Jenkins restarted during the deploy to " + target.taskRef() + (lastStep.isEmpty()
                ? "." : "; its last step was: " + lastStep + ".") + " The deploy may have left the task changed or "
                + "stopped. Compare the task in AEM with the backup archived with this build (aem-backups/), and run "
                + "the deploy again, or deploy that backup to put the task back (its secrets are placeholders: give "
                + "the endpoints' credentials).");
    }

    @Override
    public String describe() {
        return "the deploy of " + options.definition() + " to " + target.taskRef();
    }
}
