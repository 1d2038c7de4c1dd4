package io.jenkins.plugins.aem.builders;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.steps.AemRotateSecretsStep;
import org.kohsuke.stapler.DataBoundConstructor;

/** The {@code aemRotateSecrets} step for freestyle jobs; it needs no workspace. */
public final class AemRotateSecretsBuilder extends AemStepBuilder<AemRotateSecretsStep> {

    @DataBoundConstructor
    public AemRotateSecretsBuilder(AemRotateSecretsStep step) {
        super(step);
    }

    /** No {@code @Symbol}: {@code aemRotateSecrets} belongs to the pipeline step. */
    @Extension
    public static final class DescriptorImpl extends StepBuilderDescriptor {

        public DescriptorImpl() {
            super(AemRotateSecretsStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemRotateSecretsBuilder_DisplayName();
        }
    }
}
