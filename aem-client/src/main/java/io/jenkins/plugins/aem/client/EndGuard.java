package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** How every waiting operation makes sure that it ends, and that nothing of it outlives it. */
final class EndGuard {

    /** How far past the deadline a hung request may run before the operation ends regardless. */
    static final Duration OVERRUN = Duration.ofSeconds(4);

    private EndGuard() {
    }

    /**
     * However {@code result} ends (cancelled, timed out, closed), cancels what {@code current} has in flight then: a
     * hung request would hold a slot of the host's limit until its own timeout. And {@link #OVERRUN} after the
     * deadline, runs {@code timeOut} in case a hung request kept the operation from ending by itself.
     */
    static void arrange(CompletableFuture<?> result, Supplier<Future<?>> current, ScheduledExecutorService scheduler,
                        Deadline deadline, Runnable timeOut) {
        result.whenComplete((r, e) -> {
            Future<?> f = current.get();
            if (f != null && !f.isDone()) {
                f.cancel(true);
            }
        });
        Future<?> watchdog = scheduler.schedule(timeOut, deadline.remaining().plus(OVERRUN).toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> watchdog.cancel(false));
    }
}
