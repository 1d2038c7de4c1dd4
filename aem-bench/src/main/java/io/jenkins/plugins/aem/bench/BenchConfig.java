package io.jenkins.plugins.aem.bench;

import java.time.Duration;
import java.util.List;

/**
 * The scenarios of a full and of a {@code --quick} run. Both have the same shape; the quick one has fewer operations
 * and shorter start times so that it ends within 3 minutes on 2 cores.
 *
 * @param scenarios the scenarios in the order they run
 * @param seed          seed for the simulator's random durations, the same for the client and the baseline
 * @param baselineSleep the naive baseline's fixed sleep between polls: 5 s, except in the smoke test
 * @param rpsBurst      how long the simulator's throughput is measured
 */
record BenchConfig(List<ScenarioSpec> scenarios, long seed, Duration baselineSleep, Duration rpsBurst) {

    static final Duration BASELINE_SLEEP = Duration.ofSeconds(5);
    static final Duration RPS_BURST = Duration.ofSeconds(3);

    static final Duration OP_TIMEOUT = Duration.ofSeconds(180);

    /** Issue 4 as written: slow start 1-20 s, a crowd of 1,000. */
    static BenchConfig full(long seed) {
        return new BenchConfig(List.of(
                instant(200),
                new ScenarioSpec("slow-start", 100, Duration.ofSeconds(1), Duration.ofSeconds(20),
                        Duration.ofSeconds(1), false, 50, OP_TIMEOUT),
                new ScenarioSpec("crowd", 1000, Duration.ofSeconds(1), Duration.ofSeconds(20),
                        Duration.ofSeconds(1), true, 1000, OP_TIMEOUT),
                large(1), large(10), large(1000)), seed, BASELINE_SLEEP, RPS_BURST);
    }

    /**
     * The quick run: fewer operations and a crowd of 300 with 1-10 s starts. Slow start keeps its 1-20 s range: its
     * operations run side by side, so the range costs no more time, and shortening it would only shrink the
     * baseline's poll count that the requests-per-operation target is measured against.
     */
    static BenchConfig quick(long seed) {
        return new BenchConfig(List.of(
                instant(100),
                new ScenarioSpec("slow-start", 60, Duration.ofSeconds(1), Duration.ofSeconds(20),
                        Duration.ofSeconds(1), false, 30, OP_TIMEOUT),
                new ScenarioSpec("crowd", 300, Duration.ofSeconds(1), Duration.ofSeconds(10),
                        Duration.ofSeconds(1), true, 300, OP_TIMEOUT),
                large(1), large(10), large(300)), seed, BASELINE_SLEEP, RPS_BURST);
    }

    /** A few operations of each kind, and a baseline that sleeps 0.5 s, for the smoke test: same code, seconds. */
    static BenchConfig smoke(long seed) {
        return new BenchConfig(List.of(
                instant(5),
                new ScenarioSpec("slow-start", 4, Duration.ofMillis(200), Duration.ofMillis(1500),
                        Duration.ofSeconds(1), false, 4, OP_TIMEOUT),
                new ScenarioSpec("crowd", 6, Duration.ofMillis(200), Duration.ofMillis(1500),
                        Duration.ofSeconds(1), true, 6, OP_TIMEOUT),
                new ScenarioSpec("large-1", 1, Duration.ofMillis(1200), Duration.ofMillis(1500),
                        Duration.ofSeconds(1), false, 1, OP_TIMEOUT, 900, 1500),
                new ScenarioSpec("large-3", 3, Duration.ofMillis(1200), Duration.ofMillis(1500),
                        Duration.ofSeconds(1), false, 3, OP_TIMEOUT, 900, 1500)), seed, Duration.ofMillis(500),
                Duration.ofMillis(500));
    }

    /**
     * {@code waits} run-and-waits at once on a server that also holds 2,000 tasks in error with 1.5 KB messages (a
     * GetTaskList of about 3.4 MB, past the 1 MiB that once failed every wait), starting 1-10 s after the run call.
     */
    private static ScenarioSpec large(int waits) {
        return new ScenarioSpec("large-" + waits, waits, Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofSeconds(1), false, waits, OP_TIMEOUT, 2000, 1500);
    }

    /** Tasks that AEM reports RUNNING within its own wait (60 s, far above their 0-200 ms start). */
    private static ScenarioSpec instant(int tasks) {
        return new ScenarioSpec("instant", tasks, Duration.ZERO, Duration.ofMillis(200), Duration.ofSeconds(60),
                false, 16, OP_TIMEOUT);
    }
}
