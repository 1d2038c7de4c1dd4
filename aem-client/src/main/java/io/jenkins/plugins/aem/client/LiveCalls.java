package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The futures a pool has handed out and not yet completed. Closing the pool ends each of them: once the scheduler and
 * the HTTP client are gone nothing else would, and a Jenkins build or a CLI command would wait for ever.
 */
final class LiveCalls {

    private final Set<CompletableFuture<?>> live = ConcurrentHashMap.newKeySet();
    private final Set<CompletableFuture<?>> undoable = ConcurrentHashMap.newKeySet();
    private final Map<CompletableFuture<?>, Runnable> suspendable = new ConcurrentHashMap<>();
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

    /**
     * Tracks a call whose cancelling undoes what it changed before it completes (a deploy restores its task): closing
     * the pool cancels it first and lets it finish that, within a grace period, before anything is shut.
     */
    <T> CompletableFuture<T> addUndoable(CompletableFuture<T> f) {
        undoable.add(f);
        f.whenComplete((r, e) -> undoable.remove(f));
        return add(f);
    }

    /**
     * Tracks a call that can be taken up again after the process stops (a deploy with checkpoints): closing the pool
     * runs {@code suspend}, which stops it where it is, without undoing anything, before anything is shut.
     */
    <T> CompletableFuture<T> addSuspendable(CompletableFuture<T> f, Runnable suspend) {
        suspendable.put(f, suspend);
        f.whenComplete((r, e) -> suspendable.remove(f));
        return add(f);
    }

    /**
     * Suspends the calls that can be taken up again, then cancels the undoable calls and waits up to {@code grace} for them to put back what they changed (their own steps
     * still run then), then ends every call still going, as cancelled, and every call added from now on.
     */
    void closeAll(Duration grace) {
        List.copyOf(suspendable.values()).forEach(Runnable::run);
        List<CompletableFuture<?>> undoing = List.copyOf(undoable);
        undoing.forEach(f -> f.cancel(true));
        try {
            CompletableFuture.allOf(undoing.toArray(CompletableFuture[]::new)).get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            // each reports its own end; those still going are ended below
        }
        closed = true;
        live.forEach(LiveCalls::end);
    }

    private static void end(CompletableFuture<?> f) {
        f.completeExceptionally(AemException.of(FailureKind.CANCELLED, "The AEM client was closed (Jenkins or the command "
                + "is shutting down) before this finished. A command already sent goes on in AEM: check the task there.").build());
    }
}
