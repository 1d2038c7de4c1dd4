package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.client.HealthSchedule;

import java.time.Duration;

/**
 * The health bench's settings: how many waits, how the tasks' latencies converge, and the two clients' pace.
 *
 * @param waits          waits at once, one per task, all started together
 * @param convergeMin    the shortest time a task's latency takes to come down
 * @param convergeMax    the longest
 * @param startMin       the lowest latency a task starts from
 * @param startMax       the highest
 * @param maxLatency     what every wait waits for: a total latency at most this
 * @param timeout        each wait's deadline
 * @param baselineSleep  the naive poller's sleep between reads
 * @param schedule       the client's health schedule
 * @param seed           the seed of the tasks' curves
 */
record HealthBenchConfig(int waits, Duration convergeMin, Duration convergeMax, Duration startMin, Duration startMax,
                         Duration maxLatency, Duration timeout, Duration baselineSleep, HealthSchedule schedule, long seed) {

    static final Duration BASELINE_SLEEP = Duration.ofSeconds(5);

    /**
     * Issue 16 as written: 1,000 waits for a total latency of at most 5 s, on tasks whose latency of 2 to 20 minutes
     * comes down within 1 to 2.5 minutes; the client as users have it ({@link HealthSchedule#DEFAULT}).
     */
    static HealthBenchConfig full(long seed) {
        return new HealthBenchConfig(1000, Duration.ofSeconds(60), Duration.ofSeconds(150), Duration.ofMinutes(2),
                Duration.ofMinutes(20), Duration.ofSeconds(5), Duration.ofMinutes(5), BASELINE_SLEEP,
                HealthSchedule.DEFAULT, seed);
    }

    /** A handful of waits converging in seconds, both clients ten times faster, for the smoke test. */
    static HealthBenchConfig smoke(long seed) {
        return new HealthBenchConfig(12, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(90), Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMillis(500),
                new HealthSchedule(Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofSeconds(3), 0.1), seed);
    }

    /** How late after the latency came down a wait may see it and still be correct: its worst read gap, plus 5 s. */
    Duration detectionBound(String client) {
        Duration gap = "client".equals(client) ? schedule.worstDetectionDelay() : baselineSleep;
        return gap.plusSeconds(5);
    }
}
