package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import io.jenkins.plugins.aem.report.StepRecord;
import io.jenkins.plugins.aem.report.StepRecorder;
import java.io.Serializable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One use of a step, frozen from the step's fields when the build reaches it, and run the same way by a pipeline
 * ({@code AemStepExecution}) and by a freestyle build ({@code AemStepBuilder}). Nothing here waits: {@link #start}
 * returns the client's operation, and the caller decides how to wait for it. Serializable, because a pipeline keeps
 * it across a controller restart; what it records while it runs (a command sent, a deadline) is kept with it.
 *
 * <p>Each use is recorded on the build's AEM page: {@link #begin} opens the record that {@link #newRecord} makes, the
 * call's progress listener feeds it ({@link #recorder()}), and {@link #recordSuccess} puts the result into it; a
 * failure is recorded as the console says it.
 *
 * @param <R> what the operation completes with
 */
public abstract class StepCall<R> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The number of this use's record on the build's page; 0 before it started. */
    private int recordId;
    /** The page of this use's record, for a result that points at it; {@code null} before it started. */
    private String pageUrl;
    private transient volatile StepRecorder recorder;

    /**
     * Starts the step as {@link #start} does, recording it on the build's AEM page from here on.
     *
     * @throws AbortException as {@link #start}; recorded as a step refused before anything was sent
     */
    public final CompletableFuture<R> begin(StepEnvironment env) throws AbortException {
        StepRecorder r = StepRecorder.open(env.run(), newRecord());
        recordId = r.id();
        pageUrl = r.pageUrl();
        recorder = r;
        env.saveState().run();
        return r.follow(() -> start(env), result -> recordSuccess(r, result));
    }

    /** Picks the step up after a restart as {@link #resume} does, going on with its record. */
    public final CompletableFuture<R> carryOn(StepEnvironment env) throws AbortException {
        StepRecorder r = StepRecorder.reopen(env.run(), recordId, this::newRecord);
        recordId = r.id();
        recorder = r;
        return r.follow(() -> resume(env), result -> recordSuccess(r, result));
    }

    /** The record of this use on the build's page, where what the client tells goes; it records nothing before {@link #begin}. */
    protected final StepRecorder recorder() {
        StepRecorder r = recorder;
        return r == null ? StepRecorder.NONE : r;
    }

    /** The absolute address of this use's page on the build, or {@code null} (Jenkins' URL unknown: from its root). */
    @CheckForNull
    protected final String pageUrl() {
        return pageUrl;
    }

    /** This use's record, made from the fields alone: it must not throw, whatever the input. */
    protected abstract StepRecord newRecord();

    /** Puts what the result says into the record, and ends it as successful. */
    protected abstract void recordSuccess(StepRecorder recorder, R result);

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

    /**
     * Starts the client's operation once what it needs has been read off the client's threads (the workspace, which
     * may be on an agent), and hands its result through {@code then}. Cancelling what this returns before the start
     * means the operation never starts; after it, the cancel reaches the operation itself (a deploy then puts back what
     * it changed), not only what follows it.
     *
     * @param read      what the operation needs
     * @param operation starts the client's operation
     * @param then      makes the step's result of the operation's, or throws the step's failure
     */
    protected static <V, T, R> CompletableFuture<R> startAfter(CompletableFuture<V> read,
                                                              Function<V, CompletableFuture<T>> operation,
                                                              Function<T, R> then) {
        CompletableFuture<R> result = new CompletableFuture<>();
        Started<T> started = new Started<>();
        read.whenComplete((value, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
                return;
            }
            CompletableFuture<T> op;
            synchronized (started) {
                if (result.isDone()) {
                    return; // cancelled while reading: nothing was sent
                }
                try {
                    op = operation.apply(value);
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                    return;
                }
                started.op = op;
            }
            op.whenComplete((r, e) -> {
                if (e != null) {
                    result.completeExceptionally(e);
                    return;
                }
                try {
                    result.complete(then.apply(r));
                } catch (RuntimeException x) {
                    result.completeExceptionally(x);
                }
            });
        });
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                CompletableFuture<T> op;
                synchronized (started) {
                    op = started.op;
                }
                if (op != null) {
                    op.cancel(true);
                }
            }
        });
        return result;
    }

    /** The client's operation once {@link #startAfter} started it; its lock orders the start and a cancel. */
    private static final class Started<T> {
        private CompletableFuture<T> op;
    }

    /**
     * After an abort: cancels the client's operation ({@code null}: it had not started) and returns what the build
     * waits for, its end once it has put back what it changed; {@code ended} is told how it ended when it completed,
     * and a failure other than the cancel is said in the console.
     */
    @CheckForNull
    protected static <T> CompletableFuture<?> cancelAndAwait(@CheckForNull CompletableFuture<T> started, StepEnvironment env,
                                                             Consumer<T> ended) {
        if (started == null) {
            return null;
        }
        started.cancel(true);
        return started.handle((outcome, failure) -> {
            if (outcome != null) {
                ended.accept(outcome);
            } else if (failure != null && !(failure instanceof CancellationException)) {
                env.listener().getLogger().println(FailureReporter.describe(FailureReporter.unwrap(failure)));
            }
            return null;
        });
    }

    /** What the step does, for the pipeline's status and the messages above, e.g. {@code the run of task 'X'...}. */
    public abstract String describe();
}
