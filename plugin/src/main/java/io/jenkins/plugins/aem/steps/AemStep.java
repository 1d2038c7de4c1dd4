package io.jenkins.plugins.aem.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.aem.impl.ServerParameters;
import io.jenkins.plugins.aem.impl.StepCall;
import io.jenkins.plugins.aem.impl.TaskForms;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The fields every step of this plugin shares: where AEM is, which server, and how long to wait. The server is
 * mandatory; the connection is either a global connection's name or a URL with a credentials ID. A step over one task
 * adds it ({@link AemTaskStep}); a step over a server's tasks names a release folder ({@link AemSetStep}).
 *
 * <p>Each step is the one place for its fields, their defaults and their form checks: its freestyle build step
 * ({@link io.jenkins.plugins.aem.builders.AemStepBuilder}) holds an instance of it and shows its form, and both run
 * the {@link StepCall} it makes.
 */
public abstract class AemStep extends Step implements ServerParameters {

    private final String server;
    private String connection;
    private String url;
    private String credentialsId;
    private Integer timeout;

    protected AemStep(String server) {
        this.server = server;
    }

    /**
     * Freezes the fields for one use of the step.
     *
     * @param expand expands build variables ({@code ${VAR}}) in a freestyle build; the identity for a pipeline, whose
     *               Groovy strings are interpolated already
     */
    public abstract StepCall<?> newCall(UnaryOperator<String> expand);

    @Override
    public final StepExecution start(StepContext context) {
        return new AemStepExecution<>(context, newCall(UnaryOperator.identity()));
    }

    @Override
    public String getServer() {
        return server;
    }

    @CheckForNull
    @Override
    public String getConnection() {
        return connection;
    }

    @DataBoundSetter
    public void setConnection(@CheckForNull String connection) {
        this.connection = connection == null || connection.isBlank() ? null : connection;
    }

    @CheckForNull
    @Override
    public String getUrl() {
        return url;
    }

    @DataBoundSetter
    public void setUrl(@CheckForNull String url) {
        this.url = url == null || url.isBlank() ? null : url;
    }

    @CheckForNull
    @Override
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = credentialsId == null || credentialsId.isBlank() ? null : credentialsId;
    }

    @CheckForNull
    @Override
    public Integer getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(@CheckForNull Integer timeout) {
        this.timeout = timeout;
    }

    /** The form methods every step shares. Each checks that the user may configure the job first. */
    public abstract static class AemStepDescriptor extends StepDescriptor {

        /** Only the build and its log: the steps talk to AEM from the controller and need no agent or workspace. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @POST
        public ListBoxModel doFillConnectionItems(@AncestorInPath Item item) {
            TaskForms.checkConfigure(item);
            return TaskForms.connectionItems();
        }

        @POST
        public FormValidation doCheckConnection(@AncestorInPath Item item, @QueryParameter String value,
                                                @QueryParameter String url) {
            TaskForms.checkConfigure(item);
            return TaskForms.checkConnection(value, url);
        }

        @POST
        public FormValidation doCheckUrl(@AncestorInPath Item item, @QueryParameter String value) {
            TaskForms.checkConfigure(item);
            return TaskForms.checkUrl(value, false);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String url,
                                                     @QueryParameter String credentialsId) {
            if (!TaskForms.canConfigure(item)) {
                return TaskForms.currentValueOnly(credentialsId);
            }
            return TaskForms.credentialsItems(item, url, credentialsId);
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            TaskForms.checkConfigure(item);
            return TaskForms.checkTimeout(value, true);
        }
    }
}
