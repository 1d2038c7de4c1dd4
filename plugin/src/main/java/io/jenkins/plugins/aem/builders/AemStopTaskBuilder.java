package io.jenkins.plugins.aem.builders;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.impl.TaskInvocation;
import org.kohsuke.stapler.DataBoundConstructor;

/** Freestyle "Stop a Qlik Enterprise Manager task": the {@code aemStopTask} step for freestyle jobs. */
public final class AemStopTaskBuilder extends AemTaskBuilder {

    @DataBoundConstructor
    public AemStopTaskBuilder(String server, String task) {
        super(server, task);
    }

    @Override
    protected TaskInvocation.Action action() {
        return TaskInvocation.Action.STOP;
    }

    /** No {@code @Symbol}: {@code aemStopTask} belongs to the pipeline step. */
    @Extension
    public static final class DescriptorImpl extends TaskBuilderDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemStopTaskBuilder_DisplayName();
        }
    }
}
