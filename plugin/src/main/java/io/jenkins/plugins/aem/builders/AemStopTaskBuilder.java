package io.jenkins.plugins.aem.builders;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.steps.AemStopTaskStep;
import org.kohsuke.stapler.DataBoundConstructor;

/** Freestyle "Stop a Qlik Enterprise Manager task": the {@code aemStopTask} step for freestyle jobs. */
public final class AemStopTaskBuilder extends AemStepBuilder<AemStopTaskStep> {

    @DataBoundConstructor
    public AemStopTaskBuilder(AemStopTaskStep step) {
        super(step);
    }

    @Override
    protected AemStopTaskStep migrate(String server, String task) {
        return new AemStopTaskStep(server, task);
    }

    /** No {@code @Symbol}: {@code aemStopTask} belongs to the pipeline step. */
    @Extension
    public static final class DescriptorImpl extends StepBuilderDescriptor {

        public DescriptorImpl() {
            super(AemStopTaskStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemStopTaskBuilder_DisplayName();
        }
    }
}
