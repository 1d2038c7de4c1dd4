package io.jenkins.plugins.aem.bench;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** How the naive baselines wait: each wait on a platform thread of its own, named {@code prefix-N}. */
final class WaitThreads {

    /** A wait's blocking body; it returns when the task got there and throws on any failure. */
    interface Body {
        void run() throws Exception;
    }

    private final String prefix;
    private final AtomicInteger started = new AtomicInteger();

    WaitThreads(String prefix) {
        this.prefix = prefix;
    }

    /** Starts {@code body} on a new thread; the future completes with the instant it returned, or with its failure. */
    CompletableFuture<Instant> start(Body body) {
        CompletableFuture<Instant> done = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                body.run();
                done.complete(Instant.now());
            } catch (Exception | Error e) {
                done.completeExceptionally(e);
            }
        }, prefix + "-" + started.incrementAndGet());
        waiter.start();
        return done;
    }
}
