package io.jenkins.plugins.aem.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.impl.StepCall;
import io.jenkins.plugins.aem.impl.TaskStatusCall;
import io.jenkins.plugins.aem.impl.TaskTarget;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code aemTaskStatus}: reads a Replicate or Compose task's state and health, and sends it no command. Returns a map
 * with {@code state}, {@code stopReason}, {@code message}, {@code fullLoadCompleted}, {@code tablesCompleted},
 * {@code tablesLoading}, {@code tablesQueued}, {@code tablesWithError}, {@code sourceLatency},
 * {@code totalLatency} (as AEM gives them, {@code hh:mm:ss}), {@code sourceLatencySeconds},
 * {@code totalLatencySeconds}, {@code dataErrors}, {@code server} and {@code task}; a value AEM did not send is
 * {@code null}.
 *
 * <pre>{@code
 * def s = aemTaskStatus connection: 'prod', server: 'Replicate-Prod', task: 'Orders'
 * if (s.state != 'RUNNING') { error "Orders is ${s.state}: ${s.message}" }
 * }</pre>
 */
public final class AemTaskStatusStep extends AemTaskStep {

    @DataBoundConstructor
    public AemTaskStatusStep(String server, String task) {
        super(server, task);
    }

    @Override
    public StepCall<?> newCall(UnaryOperator<String> expand) {
        return new TaskStatusCall(new TaskTarget(this, expand));
    }

    @Extension
    @Symbol("aemTaskStatus")
    public static final class DescriptorImpl extends TaskStepDescriptor {

        @Override
        public String getFunctionName() {
            return "aemTaskStatus";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemTaskStatusStep_DisplayName();
        }
    }
}
