package io.jenkins.plugins.aem.client;

import java.time.Duration;

/**
 * How often a wait reads the task's state: {@code initial} after the command, then each interval {@code factor} times
 * the last, up to {@code max}, each moved at random by up to {@code jitter} of itself so that many waits do not poll
 * in step. {@code max} is at most 60 s, far inside AEM's 5-minute session idle timeout, so a waiting session never
 * expires.
 *
 * @param initial first interval
 * @param factor  growth per poll, at least 1
 * @param max     the longest interval, at most 60 s
 * @param jitter  fraction 0..0.5 of each interval to vary it by
 */
public record PollSchedule(Duration initial, double factor, Duration max, double jitter) {

    /** The longest interval allowed. */
    public static final Duration MAX_INTERVAL = Duration.ofSeconds(60);

    /** 0.5 s doubling each poll to 10 s, with 10 % jitter. */
    public static final PollSchedule DEFAULT = new PollSchedule(Duration.ofMillis(500), 2.0, Duration.ofSeconds(10), 0.1);

    public PollSchedule {
        if (initial == null || initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial poll interval must be positive");
        }
        if (max == null || max.compareTo(initial) < 0 || max.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("max poll interval must be between initial and 60 s");
        }
        if (!(factor >= 1.0)) {
            throw new IllegalArgumentException("poll factor must be at least 1");
        }
        if (!(jitter >= 0.0 && jitter <= 0.5)) {
            throw new IllegalArgumentException("poll jitter must be between 0 and 0.5");
        }
    }

    /**
     * How many intervals, laid end to end, fit into {@code elapsed}. A wait that AEM itself has already spent that long
     * on (its server-side wait) starts polling there, at the interval the schedule would have reached by then.
     */
    public int pollsWithin(Duration elapsed) {
        long left = elapsed.toMillis();
        int polls = 0;
        for (Duration next = interval(0); next.toMillis() <= left && next.compareTo(max) < 0; next = interval(++polls)) {
            left -= next.toMillis();
        }
        return polls;
    }

    /** The interval in force {@code elapsed} after a command, with the intervals laid end to end from it. */
    public Duration intervalAt(Duration elapsed) {
        return interval(pollsWithin(elapsed));
    }

    /** The interval (before jitter) after {@code polls} earlier polls. */
    public Duration interval(int polls) {
        double millis = initial.toMillis() * Math.pow(factor, Math.max(0, polls));
        return Duration.ofMillis((long) Math.min(millis, max.toMillis()));
    }
}
