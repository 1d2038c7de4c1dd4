package io.jenkins.plugins.aem.client;

import java.util.concurrent.CompletableFuture;

/**
 * Carries a cancellation back up a chain of futures. Cancelling a {@link CompletableFuture} does not reach the future
 * it was derived from, so without this a cancelled wait would leave its HTTP request running and holding a slot of
 * the host's limit until the request's own timeout.
 */
final class InFlight {

    private volatile CompletableFuture<?> current;
    private volatile boolean cancelled;

    /** Notes {@code stage} as what is in flight now; cancels it at once if the call was cancelled meanwhile. */
    <T> CompletableFuture<T> track(CompletableFuture<T> stage) {
        current = stage;
        if (cancelled) {
            stage.cancel(true);
        }
        return stage;
    }

    /** {@code true} once the call was cancelled: nothing more may be sent for it. */
    boolean cancelled() {
        return cancelled;
    }

    /** From now on nothing more may be sent; what is in flight goes on. */
    void refuseFurther() {
        cancelled = true;
    }

    /** Cancels whatever is in flight and every later stage. */
    void cancel() {
        refuseFurther();
        CompletableFuture<?> stage = current;
        if (stage != null) {
            stage.cancel(true);
        }
    }

    /** Makes cancelling {@code result} cancel whatever stage is in flight then, and every later one. */
    <T> CompletableFuture<T> cancelledWith(CompletableFuture<T> result) {
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                cancelled = true;
                CompletableFuture<?> stage = current;
                if (stage != null) {
                    stage.cancel(true);
                }
            }
        });
        return result;
    }

    /** {@code derived}, made to cancel {@code source} when it is cancelled itself. */
    static <T> CompletableFuture<T> derived(CompletableFuture<?> source, CompletableFuture<T> derived) {
        derived.whenComplete((r, e) -> {
            if (derived.isCancelled()) {
                source.cancel(true);
            }
        });
        return derived;
    }
}
