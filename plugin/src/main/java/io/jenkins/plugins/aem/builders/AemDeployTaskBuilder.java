package io.jenkins.plugins.aem.builders;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.steps.AemDeployTaskStep;
import org.kohsuke.stapler.DataBoundConstructor;

/** The {@code aemDeployTask} step for freestyle jobs; it needs the job's workspace. */
public final class AemDeployTaskBuilder extends AemStepBuilder<AemDeployTaskStep> {

    @DataBoundConstructor
    public AemDeployTaskBuilder(AemDeployTaskStep step) {
        super(step);
    }

    /** No {@code @Symbol}: {@code aemDeployTask} belongs to the pipeline step. */
    @Extension
    public static final class DescriptorImpl extends StepBuilderDescriptor {

        public DescriptorImpl() {
            super(AemDeployTaskStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemDeployTaskBuilder_DisplayName();
        }
    }
}
