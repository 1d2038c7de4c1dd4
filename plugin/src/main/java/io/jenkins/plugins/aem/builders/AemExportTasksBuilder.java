package io.jenkins.plugins.aem.builders;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.steps.AemExportTasksStep;
import org.kohsuke.stapler.DataBoundConstructor;

/** The {@code aemExportTasks} step for freestyle jobs; it needs the job's workspace. */
public final class AemExportTasksBuilder extends AemStepBuilder<AemExportTasksStep> {

    @DataBoundConstructor
    public AemExportTasksBuilder(AemExportTasksStep step) {
        super(step);
    }

    /** No {@code @Symbol}: {@code aemExportTasks} belongs to the pipeline step. */
    @Extension
    public static final class DescriptorImpl extends StepBuilderDescriptor {

        public DescriptorImpl() {
            super(AemExportTasksStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemExportTasksBuilder_DisplayName();
        }
    }
}
