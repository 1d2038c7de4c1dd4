package io.jenkins.plugins.aem.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * A duration or a uniform random range of durations, sampled from the simulator's seeded {@link Random}.
 *
 * @param min the shortest duration
 * @param max the longest duration (equal to {@code min} for a fixed duration)
 */
public record DurationRange(Duration min, Duration max) {

    /** Checks {@code 0 <= min <= max}. */
    public DurationRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("need 0 <= min <= max, got " + min + ".." + max);
        }
    }

    /** A fixed duration. */
    public static DurationRange of(Duration fixed) {
        return new DurationRange(fixed, fixed);
    }

    /** A uniform range. */
    public static DurationRange between(Duration min, Duration max) {
        return new DurationRange(min, max);
    }

    /** A fixed duration of the given milliseconds. */
    public static DurationRange ofMillis(long millis) {
        return of(Duration.ofMillis(millis));
    }

    /** Picks a duration: the fixed value, or a uniform value in {@code [min, max]}. */
    public Duration sample(Random random) {
        long span = max.toNanos() - min.toNanos();
        if (span == 0) {
            return min;
        }
        synchronized (random) { // the range is sampled from several threads; keep the sequence reproducible per call
            return min.plusNanos((long) (random.nextDouble() * (span + 1)));
        }
    }

    /**
     * Parses {@code "2s"}, {@code "500ms"}, {@code "1m"}, {@code "PT2S"}, a bare number of milliseconds, or a
     * range {@code "1s..3s"}.
     */
    public static DurationRange parse(String text) {
        String t = text.trim();
        int dots = t.indexOf("..");
        if (dots >= 0) {
            return between(parseOne(t.substring(0, dots)), parseOne(t.substring(dots + 2)));
        }
        return of(parseOne(t));
    }

    /** Parses one duration in the forms accepted by {@link #parse(String)}. */
    public static Duration parseOne(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt") || t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 60));
            }
            return Duration.ofMillis(Long.parseLong(t));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 2s, 500ms, 1m, PT2S or 1s..3s)", e);
        }
    }

    @Override
    public String toString() {
        return min.equals(max) ? min.toString() : min + ".." + max;
    }
}
