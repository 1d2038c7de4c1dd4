package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import java.io.Serializable;
import java.util.concurrent.CompletableFuture;

/**
 * One use of a step, frozen from the step's fields when the build reaches it, and run the same way by a pipeline
 * ({@code AemStepExecution}) and by a freestyle build ({@code AemStepBuilder}). Nothing here waits: {@link #start}
 * returns the client's operation, and the caller decides how to wait for it. Serializable, because a pipeline keeps
 * it across a controller restart; what it records while it runs (a command sent, a deadline) is kept with it.
 *
 * @param <R> what the operation completes with
 */
public abstract class StepCall<R> implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Checks the input, resolves the connection, says in the console what is done, and starts the operation.
     *
     * @return completes with the result, or with the {@link io.jenkins.plugins.aem.client.AemException} that ended it
     * @throws AbortException for invalid input or an unusable connection: nothing was sent to AEM
     */
    public abstract CompletableFuture<R> start(StepEnvironment env) throws AbortException;

    /** What a pipeline step returns: plain maps, lists, strings and numbers, so sandboxed scripts can read them. */
    public abstract Object pipelineResult(R result);

    /** Prints what the client's progress lines have not already said about the result; by default nothing. */
    public void reportSuccess(StepEnvironment env, R result) {
    }

    /**
     * The build was aborted while the operation ran, and the operation has been cancelled: says in the console what
     * became of the task, and returns a follow-up the build waits for before it ends (such as the stop that
     * {@code stopTaskOnAbort} asks for), or {@code null} when there is none.
     */
    @CheckForNull
    public CompletableFuture<?> aborted(StepEnvironment env) {
        return null;
    }

    /**
     * Jenkins restarted while a pipeline step ran: picks the operation up again, or fails saying in what state the
     * restart left things. By default it fails: only the calls that can resume safely override this.
     */
    public CompletableFuture<R> resume(StepEnvironment env) throws AbortException {
        throw new AbortException("AEM: Jenkins restarted while " + describe() + " ran. Check the task in AEM before "
                + "running the step again.");
    }

    /** What the step does, for the pipeline's status and the messages above, e.g. {@code the run of task 'X'...}. */
    public abstract String describe();
}
