package io.jenkins.plugins.aem.bench.soak;

/**
 * How big a soak is.
 *
 * @param ops         run and stop operations in total
 * @param seed        seed of every random choice (faults, tasks, actions, timeouts) and of the simulator
 * @param concurrency operations in flight at once
 */
public record SoakSettings(int ops, long seed, int concurrency) {

    public static final int DEFAULT_OPS = 1000;
    public static final int DEFAULT_CONCURRENCY = 50;

    public SoakSettings {
        if (ops < 1 || concurrency < 1) {
            throw new IllegalArgumentException("ops and concurrency must be at least 1");
        }
    }
}
