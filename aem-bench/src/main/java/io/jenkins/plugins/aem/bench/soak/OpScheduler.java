package io.jenkins.plugins.aem.bench.soak;

import java.time.Duration;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * Hands out tasks for operations: never one that has an operation in flight, and only after it rested, so that each
 * task's commands and state changes belong to one operation at a time.
 */
final class OpScheduler {

    /** Rest after a successful operation. */
    static final Duration REST_AFTER_SUCCESS = Duration.ofSeconds(1);
    /** Rest after a failed one: longer than the longest injected latency, so a delayed command lands first. */
    static final Duration REST_AFTER_FAILURE = Duration.ofSeconds(5);

    private final DelayQueue<Idle> idle = new DelayQueue<>();

    OpScheduler(int tasks) {
        for (int i = 0; i < tasks; i++) {
            idle.add(new Idle(i, System.nanoTime()));
        }
    }

    /** The next rested task; blocks until there is one. */
    int take() throws InterruptedException {
        return idle.take().index;
    }

    /** Gives a task back after its operation ended. */
    void release(int index, boolean succeeded) {
        Duration rest = succeeded ? REST_AFTER_SUCCESS : REST_AFTER_FAILURE;
        idle.add(new Idle(index, System.nanoTime() + rest.toNanos()));
    }

    private record Idle(int index, long readyNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(readyNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(readyNanos, ((Idle) o).readyNanos);
        }
    }
}
