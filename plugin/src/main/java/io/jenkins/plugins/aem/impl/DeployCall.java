package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.model.Computer;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.DeployRequest;
import io.jenkins.plugins.aem.client.FailureKind;
import io.jenkins.plugins.aem.client.RunOption;
import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import io.jenkins.plugins.aem.report.DeployRecord;
import io.jenkins.plugins.aem.report.StepRecord;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Makes a Replicate task match a definition file from the workspace: the client plans, backs up (archived with the
 * build), imports, tests the endpoints, checks and restores on failure; this only reads the file, fills the endpoints'
 * secrets from Jenkins credentials (in memory only) and prints what happened. The deploy outlives a restart of Jenkins
 * ({@link DeployStepCall}).
 */
public final class DeployCall extends DeployStepCall {

    private static final long serialVersionUID = 1L;

    /** A deploy's step when none is given: stopping, importing, checking and running again take a while. */
    public static final Duration DEFAULT_TIMEOUT = DeployRequest.DEFAULT_TIMEOUT;

    public DeployCall(TaskTarget target, DeployOptions options) {
        super(target, options);
    }

    @Override
    protected void check(StepEnvironment env) {
        target.taskRef();
        env.requireWorkspace();
        WorkspaceFiles.checkRelative(options.definition(), "definition");
        RunOption.parse(options.runOption()); // refused before anything is read
    }

    @Override
    protected String announce(Duration timeout) {
        return "Deploying " + options.definition() + " to " + target.taskRef() + (options.dryRun() ? " (dry run)" : "")
                + "; the whole deploy may take up to " + timeout.toSeconds() + " s";
    }

    /** The file is read off the CPS thread: the workspace may be on an agent. */
    @Override
    protected CompletableFuture<String> definition(StepEnvironment env) {
        FilePath workspace = env.requireWorkspace();
        return CompletableFuture.supplyAsync(() -> read(workspace), Computer.threadPoolForRemoting);
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

    @Override
    protected DeployRequest request(@CheckForNull String definition, Map<String, EndpointSecret> secrets,
                                    Duration timeout, @CheckForNull DurableDeploy durable) {
        return options.request(target.taskRef(), definition, secrets, timeout).backupSink(durable).checkpoints(durable)
                .build();
    }

    @Override
    protected StepRecord newRecord() {
        return new DeployRecord(target.connectionText(), target.serverText(), target.taskText(), options.asked(),
                options.definition(), options.dryRun(), 1);
    }

    @Override
    public String describe() {
        return "the deploy of " + options.definition() + " to " + target.taskRef();
    }
}
