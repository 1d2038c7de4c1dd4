package io.jenkins.plugins.aem.client;

import java.time.Duration;

/**
 * How often a health wait reads the task's details. The CDC latency is only in GetTaskDetails, one request per task,
 * so a health wait does not read on a fixed beat: it reads where the answer can change its verdict.
 *
 * <ul>
 *   <li>While the latency falls, the next read is when the trend of the last reads says it will be at the maximum
 *       (a straight line through them), and at most {@code max} later.</li>
 *   <li>With one reading only, the next is after {@code probe}, to see the trend; later when the latency is so high
 *       that even a task catching up at ten seconds a second could not be there sooner.</li>
 *   <li>When nothing can be foreseen (the task is not yet in the wanted state, the latency rises or stays, a table
 *       is in error, a value is unknown), reads back off from {@code min}, doubling each time up to {@code max}.</li>
 *   <li>While the latency is held, reads are a third of the hold apart (at least {@code min}), the last at its
 *       end.</li>
 *   <li>No read is sooner than {@code min} after the last, nor later than {@code max}.</li>
 * </ul>
 *
 * <p>So a failure (ERROR, a fatal stop reason, a stop while the conditions need the task running) is seen at the
 * latest {@code max} plus {@code jitter} of it after AEM shows it, plus the read's own time: 33 s with the defaults.
 * Where several waits share a server whose task list this account may read and that is not too large (the rule of
 * today's run and stop waits), each wait between its own reads also watches its task's state in the shared list
 * every {@code watch}: a failure there is seen within {@code watch} plus its jitter (11 s with the defaults), at the
 * cost of one list read per {@code watch} for all the waits together. Reads that back off, are capped at
 * {@code max}, or watch move by up to {@code jitter} of themselves, so many waits do not read in step.
 *
 * @param probe  the second read after the first, to see the latency's trend
 * @param min    the shortest time between two reads
 * @param max    the longest time between two reads of the task's details, at most {@link PollSchedule#MAX_INTERVAL}
 * @param watch  how often the state is looked up in a shared task list between those reads, at most {@code max}
 * @param jitter fraction 0..0.5 that backed-off, capped and watching reads vary by
 */
public record HealthSchedule(Duration probe, Duration min, Duration max, Duration watch, double jitter) {

    /** Probe after 5 s, reads at least 2 s and at most 30 s apart, the shared list watched every 10 s, 10 % jitter. */
    public static final HealthSchedule DEFAULT = new HealthSchedule(Duration.ofSeconds(5), Duration.ofSeconds(2),
            Duration.ofSeconds(30), Duration.ofSeconds(10), 0.1);

    public HealthSchedule {
        if (min == null || min.isNegative() || min.isZero()) {
            throw new IllegalArgumentException("min health read interval must be positive");
        }
        if (probe == null || probe.compareTo(min) < 0) {
            throw new IllegalArgumentException("health probe interval must be at least min");
        }
        if (max == null || max.compareTo(probe) < 0 || max.compareTo(PollSchedule.MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("max health read interval must be between probe and 60 s");
        }
        if (watch == null || watch.isNegative() || watch.isZero() || watch.compareTo(max) > 0) {
            throw new IllegalArgumentException("health watch interval must be positive and at most max");
        }
        if (!(jitter >= 0.0 && jitter <= 0.5)) {
            throw new IllegalArgumentException("health read jitter must be between 0 and 0.5");
        }
    }

    /** The longest a failure can go unseen: {@code max} with its jitter, not counting the read itself. */
    public Duration worstDetectionDelay() {
        return withJitter(max);
    }

    /** The longest a failure can go unseen where waits share the server's task list: {@code watch} with its jitter. */
    public Duration watchedDetectionDelay() {
        return withJitter(watch);
    }

    private Duration withJitter(Duration d) {
        return Duration.ofMillis(Math.round(d.toMillis() * (1 + jitter)));
    }
}
