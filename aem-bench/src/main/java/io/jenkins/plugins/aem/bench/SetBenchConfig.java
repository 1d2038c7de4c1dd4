package io.jenkins.plugins.aem.bench;

import java.time.Duration;

/**
 * The set benchmarks of issue 22: a Replicate server of {@code tasks} generated tasks over {@code endpoints} shared
 * endpoints, whose every ExportTask takes {@code exportDelay} (a loaded AEM takes a fraction of a second per export),
 * exported into a release folder with the endpoints, then planned against it in a dry run.
 *
 * @param tasks       the server's tasks
 * @param endpoints   the endpoints they share (half sources, half targets)
 * @param exportDelay how long AEM takes to answer each ExportTask
 * @param parallel    the client's tasks at once, the bound on its requests in flight
 * @param drifted     how many task files the plan benchmark changes in the folder, so that the dry run finds them
 * @param timeout     each task's deadline
 * @param seed        seed of the simulator
 */
record SetBenchConfig(int tasks, int endpoints, Duration exportDelay, int parallel, int drifted, Duration timeout,
                      long seed) {

    /** The most requests a set's export may send per task, beyond {@link #REQUESTS_CONSTANT}. */
    static final double MAX_EXPORT_REQUESTS_PER_TASK = 1.1;
    /** The requests a set's export may send whatever the tasks: the login and the server's reads. */
    static final int REQUESTS_CONSTANT = 10;
    /** The most requests a dry run of a folder may send per task. */
    static final double MAX_PLAN_REQUESTS_PER_TASK = 2.0;
    /** How much faster than the sequential script the client's export must be. */
    static final double MIN_SPEEDUP = 3.0;
    /** The most heap the client's export may add. */
    static final double MAX_HEAP_MIB = 256.0;

    /** As issue 22 asks: 500 tasks with endpoints, each ExportTask taking 200 ms, the client's default of 4 at once. */
    static SetBenchConfig full(long seed) {
        return new SetBenchConfig(500, 20, Duration.ofMillis(200), 0, 25, Duration.ofMinutes(2), seed);
    }

    /** Twelve tasks and 50 ms exports, for the smoke test: same code, seconds. */
    static SetBenchConfig smoke(long seed) {
        return new SetBenchConfig(12, 4, Duration.ofMillis(50), 2, 3, Duration.ofSeconds(30), seed);
    }

    /** The tasks at once the client is given: {@code parallel}, or the client's default when it is 0. */
    int clientParallel() {
        return io.jenkins.plugins.aem.client.Parallelism.check(parallel);
    }
}
