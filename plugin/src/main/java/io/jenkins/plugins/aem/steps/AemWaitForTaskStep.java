package io.jenkins.plugins.aem.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.impl.HealthForms;
import io.jenkins.plugins.aem.impl.HealthWaitCall;
import io.jenkins.plugins.aem.impl.StepCall;
import io.jenkins.plugins.aem.impl.TaskForms;
import io.jenkins.plugins.aem.impl.TaskTarget;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code aemWaitForTask}: waits until a task is healthy as the conditions say, and sends it no command: a release holds
 * until a task that someone else or AEM's scheduler starts, or that an earlier step restarted, has caught up. Every
 * condition given must hold at once; with none, the task must be RUNNING. Fails at once when the task goes to ERROR,
 * or stops while the conditions need it running; fails at the timeout with the last values seen. Returns the map
 * {@code aemTaskStatus} returns, plus {@code conditions} and {@code elapsedSeconds}.
 *
 * <pre>{@code
 * aemWaitForTask connection: 'prod', server: 'Replicate-Prod', task: 'Orders', fullLoadCompleted: true,
 *                maxLatency: 5, latencyHeldFor: 60, noTableErrors: true, timeout: 3600
 * }</pre>
 */
public final class AemWaitForTaskStep extends AemTaskStep {

    private String state;
    private boolean fullLoadCompleted;
    private Integer maxLatency;
    private Integer latencyHeldFor;
    private boolean noTableErrors;

    @DataBoundConstructor
    public AemWaitForTaskStep(String server, String task) {
        super(server, task);
    }

    @CheckForNull
    public String getState() {
        return state;
    }

    /** RUNNING or STOPPED; empty for no state condition. */
    @DataBoundSetter
    public void setState(@CheckForNull String state) {
        this.state = state == null || state.isBlank() ? null : state;
    }

    public boolean isFullLoadCompleted() {
        return fullLoadCompleted;
    }

    @DataBoundSetter
    public void setFullLoadCompleted(boolean fullLoadCompleted) {
        this.fullLoadCompleted = fullLoadCompleted;
    }

    @CheckForNull
    public Integer getMaxLatency() {
        return maxLatency;
    }

    /** The highest total CDC latency, in seconds, that counts as caught up; empty for no latency condition. */
    @DataBoundSetter
    public void setMaxLatency(@CheckForNull Integer maxLatency) {
        this.maxLatency = maxLatency;
    }

    @CheckForNull
    public Integer getLatencyHeldFor() {
        return latencyHeldFor;
    }

    /** Seconds the latency must stay at or below {@link #getMaxLatency()}; empty for once. */
    @DataBoundSetter
    public void setLatencyHeldFor(@CheckForNull Integer latencyHeldFor) {
        this.latencyHeldFor = latencyHeldFor;
    }

    public boolean isNoTableErrors() {
        return noTableErrors;
    }

    @DataBoundSetter
    public void setNoTableErrors(boolean noTableErrors) {
        this.noTableErrors = noTableErrors;
    }

    @Override
    public StepCall<?> newCall(UnaryOperator<String> expand) {
        return new HealthWaitCall(new TaskTarget(this, expand), state, fullLoadCompleted, maxLatency, latencyHeldFor,
                noTableErrors);
    }

    @Extension
    @Symbol("aemWaitForTask")
    public static final class DescriptorImpl extends TaskStepDescriptor {

        @Override
        public String getFunctionName() {
            return "aemWaitForTask";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemWaitForTaskStep_DisplayName();
        }

        @POST
        public ListBoxModel doFillStateItems(@AncestorInPath Item item) {
            TaskForms.checkConfigure(item);
            return HealthForms.stateItems();
        }

        @POST
        public FormValidation doCheckMaxLatency(@AncestorInPath Item item, @QueryParameter String value,
                                                @QueryParameter String state) {
            TaskForms.checkConfigure(item);
            return HealthForms.checkMaxLatency(value, state);
        }

        @POST
        public FormValidation doCheckLatencyHeldFor(@AncestorInPath Item item, @QueryParameter String value,
                                                    @QueryParameter String maxLatency) {
            TaskForms.checkConfigure(item);
            return HealthForms.checkLatencyHeldFor(value, maxLatency);
        }
    }
}
