package io.jenkins.plugins.aem.bench;

import java.time.Duration;

/**
 * The deploy benchmark of issue 15: {@code deploys} deploys started at once, each to a task of its own on one server.
 * The first {@code noChange} deploy files already in place (no ImportTask may be sent for them); the others change
 * settings. Three tasks in ten are RUNNING, so those deploys also stop, wait and run again. Imports show after 0.2 to
 * 0.8 s, and tasks take 0.2 to 0.8 s to start or stop.
 *
 * @param deploys       deploys at once
 * @param noChange      of them, deploys of a file already in place
 * @param baselineSleep the naive script's fixed sleep after its import and between polls
 * @param timeout       a deploy's deadline
 * @param seed          seed of the simulator
 */
record DeployBenchConfig(int deploys, int noChange, Duration baselineSleep, Duration timeout, long seed) {

    /** As issue 15 asks: 50 deploys at once, 10 of them no-change, with the baseline's 5 s sleeps. */
    static DeployBenchConfig full(long seed) {
        return new DeployBenchConfig(50, 10, BenchConfig.BASELINE_SLEEP, Duration.ofMinutes(5), seed);
    }

    /** Six deploys and a 0.5 s sleep, for the smoke test: same code, seconds. */
    static DeployBenchConfig smoke(long seed) {
        return new DeployBenchConfig(6, 2, Duration.ofMillis(500), Duration.ofMinutes(2), seed);
    }

    /** Whether deploy {@code i}'s task is RUNNING when the deploy starts. */
    boolean running(int i) {
        return i % 10 < 3;
    }

    /** Whether deploy {@code i} deploys a file already in place. */
    boolean changes(int i) {
        return i >= noChange;
    }
}
