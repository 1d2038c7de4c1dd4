package io.jenkins.plugins.aem.builders;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.steps.AemWaitForTaskStep;
import org.kohsuke.stapler.DataBoundConstructor;

/** Freestyle "Wait until a Qlik Enterprise Manager task is healthy": the {@code aemWaitForTask} step for freestyle jobs. */
public final class AemWaitForTaskBuilder extends AemStepBuilder<AemWaitForTaskStep> {

    @DataBoundConstructor
    public AemWaitForTaskBuilder(AemWaitForTaskStep step) {
        super(step);
    }

    /** No {@code @Symbol}: {@code aemWaitForTask} belongs to the pipeline step. */
    @Extension
    public static final class DescriptorImpl extends StepBuilderDescriptor {

        public DescriptorImpl() {
            super(AemWaitForTaskStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemWaitForTaskBuilder_DisplayName();
        }
    }
}
