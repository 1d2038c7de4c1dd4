package io.jenkins.plugins.aem.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.impl.DeployOptions;
import io.jenkins.plugins.aem.impl.RotateCall;
import io.jenkins.plugins.aem.impl.StepCall;
import io.jenkins.plugins.aem.impl.TaskTarget;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code aemRotateSecrets}: gives the endpoints of a Replicate task new secrets from Jenkins credentials, and nothing
 * else. The task's own definition is exported and deployed with the new secrets (PatchEndpoint on their secret fields
 * alone), each rotated endpoint is tested, and a failed test puts every old secret back from the backup. Other tasks
 * that use a rotated endpoint are named; with {@code stopIfRunning} the running ones are restarted so that they take
 * the new secret. Needs no {@code node}; the rotation outlives a restart of Jenkins. Returns the map
 * {@code aemDeployTask} returns.
 *
 * <pre>{@code
 * aemRotateSecrets connection: 'prod', server: 'Replicate-Prod', task: 'Orders',
 *                  endpointCredentials: ['Oracle-Src': 'oracle-prod-2025-06'], stopIfRunning: true
 * }</pre>
 */
public final class AemRotateSecretsStep extends AemTaskStep {

    private List<EndpointCredentials> endpointCredentials = List.of();
    private boolean stopIfRunning;
    private String runOption;
    private String cdcPosition;
    private boolean dryRun;

    @DataBoundConstructor
    public AemRotateSecretsStep(String server, String task) {
        super(server, task);
    }

    public List<EndpointCredentials> getEndpointCredentials() {
        return endpointCredentials;
    }

    /** The credentials that hold each endpoint's new secret, by endpoint name (or {@code ENDPOINT/FIELD}). */
    @DataBoundSetter
    public void setEndpointCredentials(@CheckForNull List<EndpointCredentials> endpointCredentials) {
        this.endpointCredentials = endpointCredentials == null ? List.of() : List.copyOf(endpointCredentials);
    }

    public boolean isStopIfRunning() {
        return stopIfRunning;
    }

    @DataBoundSetter
    public void setStopIfRunning(boolean stopIfRunning) {
        this.stopIfRunning = stopIfRunning;
    }

    @CheckForNull
    public String getRunOption() {
        return runOption;
    }

    /** How the tasks stopped for the rotation are run again; empty for RESUME_PROCESSING. */
    @DataBoundSetter
    public void setRunOption(@CheckForNull String runOption) {
        this.runOption = runOption == null || runOption.isBlank() ? null : runOption;
    }

    @CheckForNull
    public String getCdcPosition() {
        return cdcPosition;
    }

    @DataBoundSetter
    public void setCdcPosition(@CheckForNull String cdcPosition) {
        this.cdcPosition = cdcPosition == null || cdcPosition.isBlank() ? null : cdcPosition;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    @Override
    public StepCall<?> newCall(UnaryOperator<String> expand) {
        return new RotateCall(new TaskTarget(this, expand), new DeployOptions("", Map.of(),
                EndpointCredentials.byEndpoint(endpointCredentials), stopIfRunning,
                runOption, cdcPosition == null ? null : expand.apply(cdcPosition), false, dryRun, false));
    }

    @Extension
    @Symbol("aemRotateSecrets")
    public static final class DescriptorImpl extends DeployStepDescriptor {

        @Override
        public String getFunctionName() {
            return "aemRotateSecrets";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemRotateSecretsStep_DisplayName();
        }
    }
}
