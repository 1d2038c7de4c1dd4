package io.jenkins.plugins.aem.client;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lets the callers of one connection that ask for the same read while it is in flight share its answer, as 50 deploys
 * to one server started together all read that server's details and endpoints. An answer that leaves AEM after a
 * caller asked is as fresh as one of its own, so nothing is kept once the read ends: the next caller reads again.
 * Each caller gets a copy of its own, which it may cancel without cancelling the read the others wait for.
 */
final class SharedReads {

    private final Map<String, CompletableFuture<?>> inFlight = new ConcurrentHashMap<>();

    /** The answer of the read {@code key} in flight, or of {@code read}, sent now when none is. */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> join(String key, Supplier<CompletableFuture<T>> read) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> shared = (CompletableFuture<T>) inFlight.putIfAbsent(key, mine);
        if (shared == null) {
            shared = mine;
            CompletableFuture<T> sent;
            try {
                sent = read.get();
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((value, e) -> {
                inFlight.remove(key, mine);
                if (e != null) {
                    mine.completeExceptionally(e);
                } else {
                    mine.complete(value);
                }
            });
        }
        return shared.thenApply(value -> value);
    }
}
