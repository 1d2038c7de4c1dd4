package io.jenkins.plugins.aem.client;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Caps the requests in flight to one AEM host, so that a crowd of waits queues here instead of flooding the
 * customer's one AEM server. Queued requests hold no thread.
 */
final class HostLimiter {

    private final int limit;
    private final Queue<Queued> waiting = new ArrayDeque<>();
    private int inFlight;
    private int peak;

    /** A request waiting for a slot: started when one frees, dropped if its caller gave up meanwhile. */
    private record Queued(CompletableFuture<?> result, Runnable start) {
    }

    HostLimiter(int limit) {
        this.limit = limit;
    }

    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> request) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            CompletableFuture<T> f;
            try {
                f = request.get();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            CompletableFuture<T> started = f;
            // Cancelling the caller's future aborts the exchange, which frees the slot.
            result.whenComplete((r, e) -> {
                if (result.isCancelled()) {
                    started.cancel(true);
                }
            });
            started.whenComplete((r, e) -> {
                release();
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(r);
                }
            });
        };
        Queued entry = new Queued(result, start);
        boolean now;
        synchronized (this) {
            now = inFlight < limit;
            if (now) {
                inFlight++;
                peak = Math.max(peak, inFlight);
            } else {
                waiting.add(entry);
            }
        }
        if (now) {
            start.run();
        } else {
            // A caller that gives up while queued leaves the queue: it is never sent.
            result.whenComplete((r, e) -> {
                if (result.isCancelled()) {
                    synchronized (this) {
                        waiting.remove(entry);
                    }
                }
            });
        }
        return result;
    }

    /** Hands the freed slot to the next queued request still wanted, or gives it back. */
    private void release() {
        while (true) {
            Queued next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    inFlight--;
                    return;
                }
            }
            if (!next.result().isDone()) {
                next.start().run();
                return;
            }
        }
    }

    /** The most requests ever in flight at once; never above the limit. */
    synchronized int peak() {
        return peak;
    }
}
