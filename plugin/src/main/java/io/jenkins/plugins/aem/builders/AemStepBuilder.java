package io.jenkins.plugins.aem.builders;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Descriptor;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.impl.FailureReporter;
import io.jenkins.plugins.aem.impl.StepCall;
import io.jenkins.plugins.aem.impl.StepEnvironment;
import io.jenkins.plugins.aem.steps.AemStep;
import io.jenkins.plugins.aem.steps.AemTaskStep;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import jenkins.model.Jenkins;
import jenkins.tasks.SimpleBuildStep;

/**
 * A freestyle build step that does what one pipeline step does. It holds that step, whose form it shows, so the
 * fields, their defaults, their checks and their help are the step's own, in one place; it runs the same
 * {@link StepCall}. The executor thread waits on the client's operation; aborting the build interrupts it, which
 * cancels the operation at once.
 *
 * @param <S> the pipeline step
 */
public abstract class AemStepBuilder<S extends AemStep> extends Builder implements SimpleBuildStep {

    private S step;

    // What the run and stop build steps kept themselves before they held their pipeline step. Jobs saved then still
    // load: readResolve moves these into the step, and they are null, so never written, from then on.
    private String server;
    private String task;
    private String connection;
    private String url;
    private String credentialsId;
    private String project;
    private Integer timeout;

    protected AemStepBuilder(S step) {
        this.step = step;
    }

    /** Moves an older job configuration's fields into the step they stand for. */
    protected Object readResolve() {
        if (step == null && task != null) {
            step = migrate(server, task);
            if (step != null) {
                step.setConnection(connection);
                step.setUrl(url);
                step.setCredentialsId(credentialsId);
                if (step instanceof AemTaskStep t) {
                    t.setProject(project);
                }
                step.setTimeout(timeout);
            }
        }
        server = task = connection = url = credentialsId = project = null;
        timeout = null;
        return this;
    }

    /**
     * The step an older job configuration of this build step stands for, with its server and task; the build step's
     * own older fields are read here too. Null for build steps that had no older form.
     */
    protected S migrate(String server, String task) {
        return null;
    }

    /** The pipeline step this build step runs, with the fields the job configured. */
    public S getStep() {
        return step;
    }

    /** A workspace only for the steps that need a node, such as those that read or write files. */
    @Override
    public boolean requiresWorkspace() {
        return step != null && step.getDescriptor().getRequiredContext().contains(FilePath.class);
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
                        @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        perform(new StepEnvironment(run, listener, workspace, launcher, StepEnvironment.SaveState.NONE), env);
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        perform(new StepEnvironment(run, listener, null, null, StepEnvironment.SaveState.NONE), env);
    }

    private void perform(StepEnvironment context, EnvVars env) throws InterruptedException, IOException {
        if (step == null) {
            throw new AbortException(Messages.AemStepBuilder_NoSettings());
        }
        StepCall<?> call = step.newCall(env::expand);
        run(call, context);
    }

    private static <R> void run(StepCall<R> call, StepEnvironment context) throws InterruptedException, IOException {
        CompletableFuture<R> outcome = call.begin(context);
        R result;
        try {
            result = outcome.get();
        } catch (ExecutionException e) {
            throw FailureReporter.toAbort(e);
        } catch (InterruptedException e) {
            outcome.cancel(true);
            awaitFollowUp(call.aborted(context));
            throw e;
        }
        call.reportSuccess(context, result);
    }

    /** Waits for what the step does after an abort (a stop, say); a second abort gives up on it. */
    private static void awaitFollowUp(CompletableFuture<?> followUp) {
        if (followUp == null) {
            return;
        }
        try {
            followUp.get();
        } catch (ExecutionException e) {
            // the follow-up reports its own failure in the console
        } catch (InterruptedException e) {
            followUp.cancel(true);
            Thread.currentThread().interrupt();
        }
    }

    /** What every build step's descriptor shares: it applies to every kind of job and shows its step's form. */
    public abstract static class StepBuilderDescriptor extends BuildStepDescriptor<Builder> {

        private final Class<? extends AemStep> stepClass;

        protected StepBuilderDescriptor(Class<? extends AemStep> stepClass) {
            this.stepClass = stepClass;
        }

        /** The descriptor whose form, checks and help the build step shows (config.jelly names it). */
        public Descriptor<?> getStepDescriptor() {
            return Jenkins.get().getDescriptorOrDie(stepClass);
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }
    }
}
