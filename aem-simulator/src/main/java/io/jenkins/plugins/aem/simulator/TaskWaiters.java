package io.jenkins.plugins.aem.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Pending waits on one task's state, completed by the task's transitions or by a timer on the shared scheduler.
 * No thread is held while waiting: this is what lets a thousand RunTask calls wait at once. Not thread-safe by
 * itself; the owning {@link SimTask} calls it under its lock.
 */
final class TaskWaiters {
    private record Waiter(Predicate<SimTask.Phase> done, CompletableFuture<TaskView> future) {
    }

    private final List<Waiter> waiters = new ArrayList<>();
    private final ScheduledExecutorService scheduler;

    TaskWaiters(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Adds a wait. The future completes with the view when {@code done} holds, or with null after {@code limit}.
     */
    CompletableFuture<TaskView> add(Predicate<SimTask.Phase> done, Duration limit, SimTask.Phase now, TaskView view) {
        CompletableFuture<TaskView> future = new CompletableFuture<>();
        if (done.test(now)) {
            future.complete(view);
            return future;
        }
        waiters.add(new Waiter(done, future));
        try {
            scheduler.schedule(() -> future.complete(null), Math.max(0, limit.toNanos()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            future.complete(null); // the simulator is closing
        }
        return future;
    }

    /** Completes the waits satisfied by the new phase and forgets those already timed out. */
    void changed(SimTask.Phase now, TaskView view) {
        Iterator<Waiter> it = waiters.iterator();
        while (it.hasNext()) {
            Waiter w = it.next();
            if (w.future().isDone()) {
                it.remove();
            } else if (w.done().test(now)) {
                it.remove();
                // callers attach their follow-up work with *Async stages, so nothing heavy runs under the task lock
                w.future().complete(view);
            }
        }
    }
}
