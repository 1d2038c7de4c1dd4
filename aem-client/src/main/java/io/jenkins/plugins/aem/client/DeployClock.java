package io.jenkins.plugins.aem.client;

import java.time.Duration;

/**
 * A deploy's time: one deadline for everything, of which the last part is held back for restoring the task when a
 * step fails. The steps forward end at {@link #forward()}; a restore may use everything up to {@link #total()}.
 *
 * @param total   the deploy's deadline
 * @param forward the deadline of the steps forward
 */
record DeployClock(Deadline total, Deadline forward) {

    /** The share of the timeout held back for a restore: it may stop, delete, import and run the task again. */
    static final double RESTORE_SHARE = 0.4;

    static DeployClock start(Duration timeout) {
        Deadline total = Deadline.after(timeout);
        long forward = (long) (timeout.toNanos() * (1 - RESTORE_SHARE));
        return new DeployClock(total, new Deadline(total.startNanos(), total.startNanos() + forward));
    }

    /** The time a request may take: what is left before {@code deadline}, at most {@code cap}, at least a second. */
    static Duration within(Deadline deadline, Duration cap) {
        Duration left = deadline.remaining();
        Duration d = left.compareTo(cap) > 0 ? cap : left;
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
    }
}
