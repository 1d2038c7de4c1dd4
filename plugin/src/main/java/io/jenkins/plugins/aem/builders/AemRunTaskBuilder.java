package io.jenkins.plugins.aem.builders;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.steps.AemRunTaskStep;
import org.kohsuke.stapler.DataBoundConstructor;

/** Freestyle "Run a Qlik Enterprise Manager task": the {@code aemRunTask} step for freestyle jobs. */
public final class AemRunTaskBuilder extends AemStepBuilder<AemRunTaskStep> {

    // The older form's own fields; see AemStepBuilder.
    private String option;
    private String cdcPosition;
    private Boolean waitForCompletion;
    private Boolean stopTaskOnAbort;

    @DataBoundConstructor
    public AemRunTaskBuilder(AemRunTaskStep step) {
        super(step);
    }

    @Override
    protected AemRunTaskStep migrate(String server, String task) {
        AemRunTaskStep step = new AemRunTaskStep(server, task);
        step.setOption(option);
        step.setCdcPosition(cdcPosition);
        step.setWaitForCompletion(Boolean.TRUE.equals(waitForCompletion));
        step.setStopTaskOnAbort(Boolean.TRUE.equals(stopTaskOnAbort));
        option = cdcPosition = null;
        waitForCompletion = stopTaskOnAbort = null;
        return step;
    }

    /** No {@code @Symbol}: {@code aemRunTask} belongs to the pipeline step. */
    @Extension
    public static final class DescriptorImpl extends StepBuilderDescriptor {

        public DescriptorImpl() {
            super(AemRunTaskStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemRunTaskBuilder_DisplayName();
        }
    }
}
