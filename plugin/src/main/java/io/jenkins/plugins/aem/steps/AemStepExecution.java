package io.jenkins.plugins.aem.steps;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.FailureKind;
import io.jenkins.plugins.aem.impl.ClientPoolHolder;
import io.jenkins.plugins.aem.impl.FailureReporter;
import io.jenkins.plugins.aem.impl.StepCall;
import io.jenkins.plugins.aem.impl.StepEnvironment;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Runs every step of this plugin without holding a thread: the client's asynchronous operation completes the step
 * from its callback. The {@link StepCall} is saved with the program, so after a controller restart it can pick up its
 * wait again, or say what the restart interrupted.
 */
final class AemStepExecution<R> extends StepExecution {

    private static final long serialVersionUID = 1L;

    private final StepCall<R> call;

    private transient volatile CompletableFuture<R> pending;
    private transient volatile boolean aborted;

    AemStepExecution(StepContext context, StepCall<R> call) {
        super(context);
        this.call = call;
    }

    @Override
    public boolean start() throws Exception {
        StepEnvironment env = environment();
        follow(call.begin(env), env);
        return false;
    }

    private StepEnvironment environment() throws IOException, InterruptedException {
        StepContext c = getContext();
        return new StepEnvironment(c.get(Run.class), c.get(TaskListener.class), c.get(FilePath.class), c.get(Launcher.class),
                c::saveState);
    }

    private void follow(CompletableFuture<R> outcome, StepEnvironment env) {
        pending = outcome;
        outcome.whenComplete((result, failure) -> {
            if (aborted) {
                return; // stop() ends the step
            }
            if (failure == null) {
                try {
                    call.reportSuccess(env, result);
                    getContext().onSuccess(call.pipelineResult(result));
                } catch (RuntimeException e) {
                    getContext().onFailure(FailureReporter.toAbort(e));
                }
                return;
            }
            AemException error = FailureReporter.unwrap(failure);
            if (error.kind() == FailureKind.CANCELLED && ClientPoolHolder.get().isShuttingDown()) {
                return; // Jenkins is stopping; onResume() picks the step up again
            }
            getContext().onFailure(new AbortException(FailureReporter.describe(error)));
        });
    }

    /** The build was aborted: end the operation at once, then whatever the call does about it. */
    @Override
    public void stop(Throwable cause) throws Exception {
        aborted = true;
        CompletableFuture<R> outcome = pending;
        if (outcome != null) {
            outcome.cancel(true);
        }
        CompletableFuture<?> followUp = call.aborted(environment());
        if (followUp == null) {
            getContext().onFailure(cause);
        } else {
            followUp.whenComplete((r, e) -> getContext().onFailure(cause));
        }
    }

    @Override
    public void onResume() {
        try {
            StepEnvironment env = environment();
            follow(call.carryOn(env), env);
        } catch (Exception e) {
            getContext().onFailure(e);
        }
    }

    @Override
    public String getStatus() {
        return "waiting for " + call.describe();
    }
}
