package io.jenkins.plugins.aem.builders;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.steps.AemDeployTasksStep;
import org.kohsuke.stapler.DataBoundConstructor;

/** The {@code aemDeployTasks} step for freestyle jobs; it needs the job's workspace. */
public final class AemDeployTasksBuilder extends AemStepBuilder<AemDeployTasksStep> {

    @DataBoundConstructor
    public AemDeployTasksBuilder(AemDeployTasksStep step) {
        super(step);
    }

    /** No {@code @Symbol}: {@code aemDeployTasks} belongs to the pipeline step. */
    @Extension
    public static final class DescriptorImpl extends StepBuilderDescriptor {

        public DescriptorImpl() {
            super(AemDeployTasksStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemDeployTasksBuilder_DisplayName();
        }
    }
}
