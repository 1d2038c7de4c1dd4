package io.jenkins.plugins.aem.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Summary of a sample of durations or counts: nearest-rank percentiles, so that every figure printed is a value that
 * was really observed (no interpolation between two operations).
 *
 * @param count number of values
 * @param p50   median (nearest rank)
 * @param p99   99th percentile (nearest rank)
 * @param max   largest value
 * @param mean  arithmetic mean, 0 when empty
 */
public record Stats(int count, long p50, long p99, long max, double mean) {

    /** The statistics of no values: all zero. */
    public static final Stats EMPTY = new Stats(0, 0, 0, 0, 0.0);

    /** Summarises the values; an empty collection gives {@link #EMPTY}. */
    public static Stats of(Collection<Long> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(0.0);
        return new Stats(sorted.length, percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1], mean);
    }

    /**
     * The nearest-rank percentile of sorted values: the smallest value such that at least {@code p} percent of the
     * values are less than or equal to it.
     *
     * @param sorted values in ascending order, not empty
     * @param p      percentile in (0, 100]
     */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    /** Same as {@link #percentile(long[], double)} for doubles (used for ratios). */
    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }
}
