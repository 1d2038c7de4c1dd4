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
import io.jenkins.plugins.aem.impl.DeployForms;
import io.jenkins.plugins.aem.impl.DeployOptions;
import io.jenkins.plugins.aem.impl.DeployTasksCall;
import io.jenkins.plugins.aem.impl.StepCall;
import io.jenkins.plugins.aem.impl.TaskForms;
import io.jenkins.plugins.aem.impl.TaskTarget;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code aemDeployTasks}: releases a folder of the workspace (as {@code aemExportTasks} wrote it) to a Replicate server
 * as one unit. The folder is checked whole first; then one plan for every task (create, change, no change, refused),
 * and the server's tasks the folder does not hold, which are never touched. Any refusal stops the release before
 * anything changes, unless {@code skipRefused}. Then only the changed tasks are deployed, each as {@code aemDeployTask}
 * deploys (backup archived with the build, stop, import, check, run), at most {@code parallel} at once; with
 * {@code atomic}, a task that fails has every task the release changed put back. A {@code dryRun} returns the tasks
 * that differ ({@code drift}), and {@code onDrift} says what that does to the build. Returns a map with {@code tasks}
 * (each task's {@code result}, {@code actions}, {@code backup}, {@code error}), {@code deployed}, {@code drift},
 * {@code notInFolder} and {@code page}. Needs a {@code node}.
 *
 * <pre>{@code
 * aemDeployTasks connection: 'prod', server: 'Replicate-Prod', dir: 'release', valuesFile: 'env/prod.values',
 *                endpointCredentials: ['Oracle-Src': 'oracle-prod'], stopIfRunning: true, atomic: true
 * }</pre>
 */
public final class AemDeployTasksStep extends AemSetStep {

    /** The fields whose meaning for each task is the single deploy's. */
    private static final Set<String> SINGLE_DEPLOY_HELP = Set.of("endpointCredentials", "stopIfRunning", "runOption",
            "cdcPosition", "replace", "allowNewerVersion", "updateSecrets", "skipEndpointTest");

    private List<EndpointCredentials> endpointCredentials = List.of();
    private boolean stopIfRunning;
    private String runOption;
    private String cdcPosition;
    private boolean replace;
    private boolean atomic;
    private boolean skipRefused;
    private boolean dryRun;
    private String onDrift;
    private boolean allowNewerVersion;
    private boolean updateSecrets;
    private boolean skipEndpointTest;

    @DataBoundConstructor
    public AemDeployTasksStep(String server, String dir) {
        super(server, dir);
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

    /** How a task stopped for its deploy is run again; empty for RESUME_PROCESSING. */
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

    public boolean isAtomic() {
        return atomic;
    }

    /** When a task fails, put back every task the release changed. */
    @DataBoundSetter
    public void setAtomic(boolean atomic) {
        this.atomic = atomic;
    }

    public boolean isSkipRefused() {
        return skipRefused;
    }

    /** Deploy the tasks that are not refused even when others are; the step still fails for the refusals. */
    @DataBoundSetter
    public void setSkipRefused(boolean skipRefused) {
        this.skipRefused = skipRefused;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    @CheckForNull
    public String getOnDrift() {
        return onDrift;
    }

    /** What a dry run that finds the server differing from the folder does to the build; empty for SUCCESS. */
    @DataBoundSetter
    public void setOnDrift(@CheckForNull String onDrift) {
        this.onDrift = onDrift == null || onDrift.isBlank() ? null : onDrift;
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
     * Rotate: send the secrets of {@code endpointCredentials} even when nothing else changes, each endpoint once, by
     * the task of the release that carries it; test them, and put the old ones back if a test fails.
     */
    @DataBoundSetter
    public void setUpdateSecrets(boolean updateSecrets) {
        this.updateSecrets = updateSecrets;
    }

    public boolean isSkipEndpointTest() {
        return skipEndpointTest;
    }

    /** Do not test the endpoints the release creates, changes or rotates: for endpoints AEM cannot reach at deploy time. */
    @DataBoundSetter
    public void setSkipEndpointTest(boolean skipEndpointTest) {
        this.skipEndpointTest = skipEndpointTest;
    }

    @Override
    public StepCall<?> newCall(UnaryOperator<String> expand) {
        String dir = getDir() == null ? "" : expand.apply(getDir());
        // Each task is deployed with the single deploy's options; the release puts the values in itself.
        DeployOptions each = new DeployOptions(dir, Map.of(), EndpointCredentials.byEndpoint(endpointCredentials),
                stopIfRunning, runOption, cdcPosition == null ? null : expand.apply(cdcPosition), replace, dryRun,
                allowNewerVersion).withEndpointChecks(updateSecrets, skipEndpointTest);
        return new DeployTasksCall(TaskTarget.ofServer(this, expand), folderOptions(expand), each, atomic, skipRefused,
                onDrift);
    }

    @Extension
    @Symbol("aemDeployTasks")
    public static final class DescriptorImpl extends SetStepDescriptor {

        @Override
        public String getFunctionName() {
            return "aemDeployTasks";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemDeployTasksStep_DisplayName();
        }

        /** The folder is read from the workspace and the backups archived from it, so the step runs inside {@code node}. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class);
        }

        /** The options each task is deployed with have the single deploy's help: one text for both steps. */
        @Override
        public String getHelpFile(String fieldName) {
            if (SINGLE_DEPLOY_HELP.contains(fieldName)) {
                return Jenkins.get().getDescriptorByType(AemDeployTaskStep.DescriptorImpl.class).getHelpFile(fieldName);
            }
            return super.getHelpFile(fieldName);
        }

        @POST
        public ListBoxModel doFillRunOptionItems(@AncestorInPath Item item) {
            TaskForms.checkConfigure(item);
            return DeployForms.runOptionItems();
        }

        @POST
        public FormValidation doCheckRunOption(@AncestorInPath Item item, @QueryParameter String value) {
            TaskForms.checkConfigure(item);
            return TaskForms.checkOption(value);
        }

        @POST
        public FormValidation doCheckCdcPosition(@AncestorInPath Item item, @QueryParameter String value,
                                                 @QueryParameter String runOption) {
            TaskForms.checkConfigure(item);
            return TaskForms.checkCdcPosition(runOption, value);
        }

        @POST
        public ListBoxModel doFillOnDriftItems(@AncestorInPath Item item) {
            TaskForms.checkConfigure(item);
            return DeployForms.onDriftItems();
        }

        @POST
        public FormValidation doCheckOnDrift(@AncestorInPath Item item, @QueryParameter String value) {
            TaskForms.checkConfigure(item);
            return DeployForms.checkOnDrift(value);
        }
    }
}
