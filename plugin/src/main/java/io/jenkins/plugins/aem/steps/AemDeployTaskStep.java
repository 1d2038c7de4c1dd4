package io.jenkins.plugins.aem.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.impl.DeployCall;
import io.jenkins.plugins.aem.impl.DeployForms;
import io.jenkins.plugins.aem.impl.DeployOptions;
import io.jenkins.plugins.aem.impl.StepCall;
import io.jenkins.plugins.aem.impl.TaskForms;
import io.jenkins.plugins.aem.impl.TaskTarget;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code aemDeployTask}: makes a Replicate task match a definition file from the workspace. It prints the plan first
 * (and stops there with {@code dryRun}); a file already in place sends nothing. It never imports under a running task
 * (unless {@code stopIfRunning}: stop, deploy, run again), archives the task's definition with the build before it
 * changes anything, checks the result, tests the endpoints it wrote (unless {@code skipEndpointTest}), and on any later
 * failure restores the task to what it was; {@code updateSecrets} rotates the endpoints' secrets given. The deploy
 * outlives a restart of Jenkins. Returns a map with {@code result}, {@code changed}, {@code plan}, {@code actions},
 * {@code restarted}, {@code warnings}, {@code backup}, {@code testedEndpoints}, {@code resumed}, {@code elapsedSeconds},
 * {@code server}, {@code task} and {@code page} (its page on the build). Needs a {@code node}.
 *
 * <pre>{@code
 * aemDeployTask connection: 'prod', server: 'Replicate-Prod', task: 'Orders', definition: 'tasks/Orders.json',
 *               substitutions: [ENV: 'PROD'], endpointCredentials: ['Oracle-Src': 'oracle-prod'],
 *               stopIfRunning: true
 * }</pre>
 */
public final class AemDeployTaskStep extends AemTaskStep {

    private final String definition;
    private List<DefinitionValue> substitutions = List.of();
    private List<EndpointCredentials> endpointCredentials = List.of();
    private boolean stopIfRunning;
    private String runOption;
    private String cdcPosition;
    private boolean replace;
    private boolean dryRun;
    private boolean allowNewerVersion;
    private boolean updateSecrets;
    private boolean skipEndpointTest;

    @DataBoundConstructor
    public AemDeployTaskStep(String server, String task, String definition) {
        super(server, task);
        this.definition = definition;
    }

    public String getDefinition() {
        return definition;
    }

    public List<DefinitionValue> getSubstitutions() {
        return substitutions;
    }

    @DataBoundSetter
    public void setSubstitutions(@CheckForNull List<DefinitionValue> substitutions) {
        this.substitutions = substitutions == null ? List.of() : List.copyOf(substitutions);
    }

    public List<EndpointCredentials> getEndpointCredentials() {
        return endpointCredentials;
    }

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

    /** How a task stopped for the deploy is run again; empty for RESUME_PROCESSING. */
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

    public boolean isReplace() {
        return replace;
    }

    @DataBoundSetter
    public void setReplace(boolean replace) {
        this.replace = replace;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isAllowNewerVersion() {
        return allowNewerVersion;
    }

    @DataBoundSetter
    public void setAllowNewerVersion(boolean allowNewerVersion) {
        this.allowNewerVersion = allowNewerVersion;
    }

    public boolean isUpdateSecrets() {
        return updateSecrets;
    }

    /**
     * Rotate: send the secrets of {@code endpointCredentials} even when nothing else changes (through PatchEndpoint on
     * their secret fields alone, or with the import when there is one), test them, and put the old ones back if the
     * test fails.
     */
    @DataBoundSetter
    public void setUpdateSecrets(boolean updateSecrets) {
        this.updateSecrets = updateSecrets;
    }

    public boolean isSkipEndpointTest() {
        return skipEndpointTest;
    }

    /** Do not test the endpoints the deploy creates, changes or rotates: for endpoints AEM cannot reach at deploy time. */
    @DataBoundSetter
    public void setSkipEndpointTest(boolean skipEndpointTest) {
        this.skipEndpointTest = skipEndpointTest;
    }

    @Override
    public StepCall<?> newCall(UnaryOperator<String> expand) {
        return new DeployCall(new TaskTarget(this, expand), new DeployOptions(expand.apply(definition == null ? "" : definition),
                DefinitionValue.byName(substitutions, expand), EndpointCredentials.byEndpoint(endpointCredentials),
                stopIfRunning, runOption, cdcPosition == null ? null : expand.apply(cdcPosition), replace, dryRun,
                allowNewerVersion).withEndpointChecks(updateSecrets, skipEndpointTest));
    }

    @Extension
    @Symbol("aemDeployTask")
    public static final class DescriptorImpl extends DeployStepDescriptor {

        @Override
        public String getFunctionName() {
            return "aemDeployTask";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemDeployTaskStep_DisplayName();
        }

        /** The definition is read from the workspace and the backup archived from it, so the step runs inside {@code node}. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class);
        }

        @POST
        public FormValidation doCheckDefinition(@AncestorInPath Item item, @QueryParameter String value) {
            TaskForms.checkConfigure(item);
            return DeployForms.checkFile(value, true);
        }
    }
}
