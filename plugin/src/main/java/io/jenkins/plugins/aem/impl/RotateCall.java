package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.DeployOutcome;
import io.jenkins.plugins.aem.client.DeployRequest;
import io.jenkins.plugins.aem.client.ProgressListener;
import io.jenkins.plugins.aem.client.RotateRequest;
import io.jenkins.plugins.aem.client.RunOption;
import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import io.jenkins.plugins.aem.report.DeployRecord;
import io.jenkins.plugins.aem.report.StepRecord;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Rotates the secrets of a task's endpoints: the client exports the task's own definition and deploys it with the new
 * secrets (PatchEndpoint on their secret fields alone), tests them, and puts the old ones back from the backup if the
 * test fails ({@link AemClient#rotateSecrets}). No workspace: the backup is archived from the controller. Like a deploy
 * it outlives a restart of Jenkins; taken up, it deploys the definition its backup holds.
 */
public final class RotateCall extends DeployStepCall {

    private static final long serialVersionUID = 1L;

    /** @param options the endpoints' credentials, and how a running task is stopped and run again; no definition */
    public RotateCall(TaskTarget target, DeployOptions options) {
        super(target, options);
    }

    @Override
    protected void check(StepEnvironment env) {
        target.taskRef();
        RunOption.parse(options.runOption());
        if (options.endpointCredentials().isEmpty()) {
            throw io.jenkins.plugins.aem.client.AemException.invalidInput("endpointCredentials", "is empty: there is no "
                    + "secret to rotate. Map each endpoint whose secret changes to the credentials that hold its new one.");
        }
    }

    @Override
    protected String announce(Duration timeout) {
        return "Rotating the secrets of endpoints " + String.join(", ", options.endpointCredentials().keySet()) + " of "
                + target.taskRef() + (options.dryRun() ? " (dry run)" : "") + "; it may take up to " + timeout.toSeconds()
                + " s";
    }

    /** The client exports the task's own definition itself. */
    @Override
    protected CompletableFuture<String> definition(StepEnvironment env) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected boolean definitionFromBackup() {
        return true;
    }

    @Override
    protected boolean rotates() {
        return true;
    }

    private RotateRequest rotation(Map<String, EndpointSecret> secrets, Duration timeout, @CheckForNull DurableDeploy durable) {
        return new RotateRequest(target.taskRef(), secrets, options.stopIfRunning(), RunOption.parse(options.runOption()),
                options.cdcPosition(), options.dryRun(), timeout, durable, durable);
    }

    /** As {@link AemClient#rotateSecrets} deploys it: the task's own definition (its backup's), with the new secrets. */
    @Override
    protected DeployRequest request(@CheckForNull String definition, Map<String, EndpointSecret> secrets,
                                    Duration timeout, @CheckForNull DurableDeploy durable) {
        return rotation(secrets, timeout, durable).toDeployRequest(definition);
    }

    @Override
    protected CompletableFuture<DeployOutcome> send(AemClient client, @CheckForNull String definition,
                                                    Map<String, EndpointSecret> secrets, Duration timeout,
                                                    @CheckForNull DurableDeploy durable, ProgressListener console) {
        return client.rotateSecrets(rotation(secrets, timeout, durable), console);
    }

    @Override
    protected StepRecord newRecord() {
        return new DeployRecord(target.connectionText(), target.serverText(), target.taskText(), "rotate the secrets of "
                + "endpoints " + String.join(", ", options.endpointCredentials().keySet()) + options.options(), "",
                options.dryRun(), 1);
    }

    @Override
    public String describe() {
        return "the rotation of the secrets of " + target.taskRef();
    }
}
