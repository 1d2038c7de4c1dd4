package io.jenkins.plugins.aem.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.impl.StepCall;
import io.jenkins.plugins.aem.impl.TaskCommandCall;
import io.jenkins.plugins.aem.impl.TaskInvocation;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code aemStopTask}: stops a Replicate or Compose task through AEM and waits until it is STOPPED. Returns a map with
 * {@code state}, {@code stopReason}, {@code message}, {@code elapsedSeconds}, {@code server} and {@code task}.
 *
 * <pre>{@code
 * aemStopTask connection: 'prod', server: 'Replicate-Prod', task: 'Orders', timeout: 300
 * }</pre>
 */
public final class AemStopTaskStep extends AemTaskStep {

    @DataBoundConstructor
    public AemStopTaskStep(String server, String task) {
        super(server, task);
    }

    @Override
    public StepCall<?> newCall(UnaryOperator<String> expand) {
        return new TaskCommandCall(TaskInvocation.of(TaskInvocation.Action.STOP, this, expand));
    }

    @Extension
    @Symbol("aemStopTask")
    public static final class DescriptorImpl extends TaskStepDescriptor {

        @Override
        public String getFunctionName() {
            return "aemStopTask";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemStopTaskStep_DisplayName();
        }
    }
}
