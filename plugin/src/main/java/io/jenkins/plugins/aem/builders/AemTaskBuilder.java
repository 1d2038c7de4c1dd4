package io.jenkins.plugins.aem.builders;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.aem.client.ProgressListener;
import io.jenkins.plugins.aem.client.TaskOutcome;
import io.jenkins.plugins.aem.impl.FailureReporter;
import io.jenkins.plugins.aem.impl.TaskForms;
import io.jenkins.plugins.aem.impl.TaskInvocation;
import io.jenkins.plugins.aem.impl.TaskLauncher;
import io.jenkins.plugins.aem.impl.TaskParameters;
import io.jenkins.plugins.aem.steps.AemRunTaskStep;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * What both freestyle build steps share: the same fields as the pipeline steps, and the same code path. The executor
 * thread waits on the client's operation; aborting the build interrupts it, which cancels the wait at once.
 */
public abstract class AemTaskBuilder extends Builder implements SimpleBuildStep, TaskParameters {

    private final String server;
    private final String task;
    private String connection;
    private String url;
    private String credentialsId;
    private String project;
    private Integer timeout;

    protected AemTaskBuilder(String server, String task) {
        this.server = server;
        this.task = task;
    }

    /** Which operation this step runs. */
    protected abstract TaskInvocation.Action action();

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        TaskInvocation invocation = TaskInvocation.of(action(), this, env::expand);
        TaskLauncher.Launched launched = TaskLauncher.launch(invocation, run, listener, ProgressListener.NONE);
        try {
            TaskOutcome outcome = launched.outcome().get();
            TaskLauncher.reportSuccess(listener, outcome);
        } catch (ExecutionException e) {
            throw FailureReporter.toAbort(e);
        } catch (InterruptedException e) {
            launched.outcome().cancel(true);
            boolean stopTask = invocation.stopTaskOnAbort() && launched.commandSent();
            TaskLauncher.reportAborted(listener, launched.task(), launched.commandSent(), stopTask);
            if (stopTask) {
                stopAfterAbort(invocation, run, listener);
            }
            throw e;
        }
    }

    /** Waits for the stop that stopTaskOnAbort asked for; a second abort gives up on it. */
    private static void stopAfterAbort(TaskInvocation invocation, Run<?, ?> run, TaskListener listener) {
        var stop = TaskLauncher.stopAfterAbort(invocation, run, listener);
        try {
            TaskLauncher.reportSuccess(listener, stop.get());
        } catch (ExecutionException e) {
            listener.getLogger().println(FailureReporter.describe(FailureReporter.unwrap(e)));
        } catch (InterruptedException e) {
            stop.cancel(true);
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String getServer() {
        return server;
    }

    @Override
    public String getTask() {
        return task;
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
    public String getProject() {
        return project;
    }

    @DataBoundSetter
    public void setProject(@CheckForNull String project) {
        this.project = project == null || project.isBlank() ? null : project;
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

    /**
     * The form methods both build steps share, each checking that the user may configure the job. Help texts are the
     * pipeline steps' own, so each field is explained in one place.
     */
    public abstract static class TaskBuilderDescriptor extends BuildStepDescriptor<Builder> {

        protected TaskBuilderDescriptor() {
            for (String field : new String[] {"connection", "url", "credentialsId", "server", "task", "project", "timeout",
                "option", "cdcPosition", "waitForCompletion", "stopTaskOnAbort"}) {
                addHelpFileRedirect(field, AemRunTaskStep.class, field);
            }
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
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
