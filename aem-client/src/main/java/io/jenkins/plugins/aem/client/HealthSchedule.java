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
 * Reads that back off or are capped at {@code max} move by up to {@code jitter} of themselves, so many waits do not
 * read in step.
 *
 * @param probe  the second read after the first, to see the latency's trend
 * @param min    the shortest time between two reads
 * @param max    the longest time between two reads, at most {@link PollSchedule#MAX_INTERVAL}
 * @param jitter fraction 0..0.5 that backed-off and capped reads vary by
 */
public record HealthSchedule(Duration probe, Duration min, Duration max, double jitter) {

    /** Probe after 5 s, reads at least 2 s and at most 30 s apart, 10 % jitter. */
    public static final HealthSchedule DEFAULT = new HealthSchedule(Duration.ofSeconds(5), Duration.ofSeconds(2),
            Duration.ofSeconds(30), 0.1);

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
        if (!(jitter >= 0.0 && jitter <= 0.5)) {
            throw new IllegalArgumentException("health read jitter must be between 0 and 0.5");
        }
    }

    /** The longest a failure can go unseen: {@code max} with its jitter, not counting the read itself. */
    public Duration worstDetectionDelay() {
        return Duration.ofMillis(Math.round(max.toMillis() * (1 + jitter)));
    }
}
