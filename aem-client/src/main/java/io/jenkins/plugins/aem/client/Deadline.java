package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.time.Instant;

/** One operation's deadline, on the monotonic clock so that wall-clock jumps cannot stretch or cut it. */
record Deadline(long startNanos, long endNanos) {

    static Deadline after(Duration timeout) {
        long now = System.nanoTime();
        return new Deadline(now, now + timeout.toNanos());
    }

    /** A deadline given as a wall-clock instant, as a resumed wait stores it. */
    static Deadline at(Instant end, Instant start) {
        long now = System.nanoTime();
        Instant wallNow = Instant.now();
        return new Deadline(now - Duration.between(start, wallNow).toNanos(), now + Duration.between(wallNow, end).toNanos());
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    boolean expired() {
        return System.nanoTime() - endNanos >= 0;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
