package io.jenkins.plugins.aem.builders;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.steps.AemExportTaskStep;
import org.kohsuke.stapler.DataBoundConstructor;

/** The {@code aemExportTask} step for freestyle jobs; it needs the job's workspace. */
public final class AemExportTaskBuilder extends AemStepBuilder<AemExportTaskStep> {

    @DataBoundConstructor
    public AemExportTaskBuilder(AemExportTaskStep step) {
        super(step);
    }

    /** No {@code @Symbol}: {@code aemExportTask} belongs to the pipeline step. */
    @Extension
    public static final class DescriptorImpl extends StepBuilderDescriptor {

        public DescriptorImpl() {
            super(AemExportTaskStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemExportTaskBuilder_DisplayName();
        }
    }
}
