package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Result;
import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.BackupSink;
import io.jenkins.plugins.aem.client.DeployTasksOutcome;
import io.jenkins.plugins.aem.client.DeployTasksRequest;
import io.jenkins.plugins.aem.client.FailureKind;
import io.jenkins.plugins.aem.client.ProgressEvent;
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
import java.util.concurrent.CompletableFuture;

/**
 * Releases a folder of the workspace to a Replicate server as one unit: the client checks the folder, plans every
 * task, prints the one plan, and deploys the changed tasks each as {@link DeployCall}'s deploy does, all or nothing
 * when atomic. This resolves the endpoints' credentials (in memory only), archives each changed task's backup with
 * the build, records one row per task on the build's page, and decides what the outcome does to the build (a dry run's
 * drift: {@link OnDrift}). Like a single deploy, a release does not survive a controller restart.
 */
public final class DeployTasksCall extends StepCall<DeployTasksOutcome> {

    private static final long serialVersionUID = 1L;

    private final TaskTarget target;
    private final FolderOptions folder;
    /** What each task is deployed with: the single deploy's options, without substitutions (the release puts its values in). */
    private final DeployOptions each;
    private final boolean atomic;
    private final boolean skipRefused;
    /** As the user gave it: checked when the step starts. */
    private final String onDrift;
    private volatile String lastStep = "";
    /** The client's release once started: cancelling it puts back what it changed before it ends. */
    private transient volatile CompletableFuture<DeployTasksOutcome> release;

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
                                       BackupSink backups) {
        // The release deploys each task with these options; the task and definition of this stand-in are never used.
        TaskRef standIn = new TaskRef(target.serverText().isBlank() ? "?" : target.serverText().strip(), "*");
        return new DeployTasksRequest(target.serverText(), folder.patterns(), values,
                each.request(standIn, "{}", secrets, timeout).build(), atomic, skipRefused, folder.parallel(),
                task -> backups, null);
    }

    @Override
    public CompletableFuture<DeployTasksOutcome> start(StepEnvironment env) throws AbortException {
        try {
            FilePath workspace = env.requireWorkspace();
            folder.check();
            OnDrift.parse(onDrift);
            Map<String, EndpointSecret> secrets = EndpointSecrets.resolve(each.endpointCredentials(), env.run());
            StepClient aem = StepClient.open(target, env, ConnectionResolver.Purpose.RELEASE, recorder(), event -> {
                if (event.kind() == ProgressEvent.Kind.STEP) {
                    lastStep = event.message();
                }
            });
            Duration timeout = target.hasTimeout() ? aem.timeout() : DeployCall.DEFAULT_TIMEOUT;
            BackupArchive archive = new BackupArchive(env.run(), workspace, env.launcher(), env.listener(),
                    (t, path) -> recorder().update(DeployRecord.class, r -> r.backupKept(t, path)));
            request(folder.givenValues(), secrets, timeout, archive); // bad input is refused here, before any file is read
            aem.console().say("Each task's deploy may take up to " + timeout.toSeconds() + " s");
            AemClient client = aem.client();
            // The workspace is read off the client's threads: it may be on an agent. Cancelling what the caller holds
            // reaches the client's release, which then puts back what it changed.
            return startAfter(CompletableFuture.supplyAsync(() -> prepare(workspace), Computer.threadPoolForRemoting),
                    values -> {
                        release = client.deployTasks(request(values, secrets, timeout, archive), folder.folder(workspace),
                                Computer.threadPoolForRemoting, aem.console());
                        return release;
                    }, o -> settle(env, o));
        } catch (AemException e) {
            throw FailureReporter.toAbort(e);
        }
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
        List<String> drift = ReleaseResults.names(outcome.with(ReleasedTask.Result.DRIFT));
        if (exit == DeployTasksOutcome.DRIFT_EXIT_CODE) {
            String differs = "Server '" + outcome.server() + "' differs from " + folder.dir() + ": a release would create "
                    + "or change " + drift.size() + " task(s): " + Outcomes.names(drift) + ".";
            switch (OnDrift.parse(onDrift)) {
                case UNSTABLE -> {
                    env.listener().getLogger().println(ConsoleProgress.PREFIX + differs + " The build is UNSTABLE "
                            + "(onDrift: 'UNSTABLE').");
                    env.run().setResult(Result.UNSTABLE);
                }
                case FAILURE -> throw AemException.of(FailureKind.DEPLOY_REFUSED, differs + " This was a dry run: nothing "
                        + "was changed, and the step fails as onDrift: 'FAILURE' asks.").remedy("Review the plan above: "
                        + "release the folder to bring the server in line, or export the server into the folder if the "
                        + "server is right.").build();
                default -> { }
            }
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

    /** The backups of the tasks changed were in memory: say how far the release had got, and where their copies are. */
    @Override
    public CompletableFuture<DeployTasksOutcome> resume(StepEnvironment env) throws AbortException {
        throw new AbortException("AEM: Jenkins restarted during the release of " + folder.dir() + " to server '"
                + target.serverText() + "'" + (lastStep.isEmpty() ? "." : "; its last step was: " + lastStep + ".")
                + " Tasks the release had changed may be left changed or stopped. Run the release again as a dry run to "
                + "see which tasks differ from the folder; compare them with the backups archived with this build "
                + "(aem-backups/), and release the folder again, or deploy a backup to put a task back (its secrets are "
                + "placeholders: give the endpoints' credentials).");
    }

    @Override
    public String describe() {
        return "the release of " + folder.dir() + " to server '" + target.serverText() + "'";
    }
}
