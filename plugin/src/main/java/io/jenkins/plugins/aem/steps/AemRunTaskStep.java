package io.jenkins.plugins.aem.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.impl.StepCall;
import io.jenkins.plugins.aem.impl.TaskCommandCall;
import io.jenkins.plugins.aem.impl.TaskForms;
import io.jenkins.plugins.aem.impl.TaskInvocation;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code aemRunTask}: runs a Replicate or Compose task through AEM and waits until it is RUNNING (or, with
 * {@code waitForCompletion}, until its full load completed). Returns a map with {@code state}, {@code stopReason},
 * {@code message}, {@code elapsedSeconds}, {@code server} and {@code task}.
 *
 * <pre>{@code
 * def r = aemRunTask connection: 'prod', server: 'Replicate-Prod', task: 'Orders', option: 'RELOAD_TARGET'
 * echo "Orders is ${r.state}"
 * }</pre>
 */
public final class AemRunTaskStep extends AemTaskStep {

    private String option;
    private String cdcPosition;
    private boolean waitForCompletion;
    private boolean stopTaskOnAbort;

    @DataBoundConstructor
    public AemRunTaskStep(String server, String task) {
        super(server, task);
    }

    @CheckForNull
    @Override
    public String getOption() {
        return option;
    }

    /** One of {@link io.jenkins.plugins.aem.client.RunOption}'s names; empty for the server's default. */
    @DataBoundSetter
    public void setOption(@CheckForNull String option) {
        this.option = option == null || option.isBlank() ? null : option;
    }

    @CheckForNull
    @Override
    public String getCdcPosition() {
        return cdcPosition;
    }

    @DataBoundSetter
    public void setCdcPosition(@CheckForNull String cdcPosition) {
        this.cdcPosition = cdcPosition == null || cdcPosition.isBlank() ? null : cdcPosition;
    }

    @Override
    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    @DataBoundSetter
    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    @Override
    public boolean isStopTaskOnAbort() {
        return stopTaskOnAbort;
    }

    /** When the build is aborted while waiting, also stop the task (by default it is left as AEM has it). */
    @DataBoundSetter
    public void setStopTaskOnAbort(boolean stopTaskOnAbort) {
        this.stopTaskOnAbort = stopTaskOnAbort;
    }

    @Override
    public StepCall<?> newCall(UnaryOperator<String> expand) {
        return new TaskCommandCall(TaskInvocation.of(TaskInvocation.Action.RUN, this, expand));
    }

    @Extension
    @Symbol("aemRunTask")
    public static final class DescriptorImpl extends TaskStepDescriptor {

        @Override
        public String getFunctionName() {
            return "aemRunTask";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemRunTaskStep_DisplayName();
        }

        @POST
        public ListBoxModel doFillOptionItems(@AncestorInPath Item item) {
            TaskForms.checkConfigure(item);
            return TaskForms.optionItems();
        }

        @POST
        public FormValidation doCheckOption(@AncestorInPath Item item, @QueryParameter String value) {
            TaskForms.checkConfigure(item);
            return TaskForms.checkOption(value);
        }

        @POST
        public FormValidation doCheckCdcPosition(@AncestorInPath Item item, @QueryParameter String value,
                                                 @QueryParameter String option) {
            TaskForms.checkConfigure(item);
            return TaskForms.checkCdcPosition(option, value);
        }
    }
}
