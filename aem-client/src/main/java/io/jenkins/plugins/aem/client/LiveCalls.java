package io.jenkins.plugins.aem.client;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The futures a pool has handed out and not yet completed. Closing the pool ends each of them: once the scheduler and
 * the HTTP client are gone nothing else would, and a Jenkins build or a CLI command would wait for ever.
 */
final class LiveCalls {

    private final Set<CompletableFuture<?>> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Tracks {@code f} until it completes; ends it at once if the pool is already closed. */
    <T> CompletableFuture<T> add(CompletableFuture<T> f) {
        live.add(f);
        f.whenComplete((r, e) -> live.remove(f));
        if (closed) {
            end(f);
        }
        return f;
    }

    /** Ends every call still going, as cancelled, and every call added from now on. */
    void closeAll() {
        closed = true;
        live.forEach(LiveCalls::end);
    }

    private static void end(CompletableFuture<?> f) {
        f.completeExceptionally(AemException.of(FailureKind.CANCELLED, "The AEM client was closed (Jenkins or the command "
                + "is shutting down) before this finished. A command already sent goes on in AEM: check the task there.").build());
    }
}
