package io.jenkins.plugins.aem.builders;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.impl.TaskForms;
import io.jenkins.plugins.aem.impl.TaskInvocation;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Freestyle "Run a Qlik Enterprise Manager task": the {@code aemRunTask} step for freestyle jobs. */
public final class AemRunTaskBuilder extends AemTaskBuilder {

    private String option;
    private String cdcPosition;
    private boolean waitForCompletion;
    private boolean stopTaskOnAbort;

    @DataBoundConstructor
    public AemRunTaskBuilder(String server, String task) {
        super(server, task);
    }

    @Override
    protected TaskInvocation.Action action() {
        return TaskInvocation.Action.RUN;
    }

    @CheckForNull
    @Override
    public String getOption() {
        return option;
    }

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

    @DataBoundSetter
    public void setStopTaskOnAbort(boolean stopTaskOnAbort) {
        this.stopTaskOnAbort = stopTaskOnAbort;
    }

    /** No {@code @Symbol}: {@code aemRunTask} belongs to the pipeline step. */
    @Extension
    public static final class DescriptorImpl extends TaskBuilderDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemRunTaskBuilder_DisplayName();
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
