package io.jenkins.plugins.aem.bench;

import java.util.List;

/**
 * Tells whose a thread is by its name, so that thread peaks can be charged to the client under test and not to the
 * simulator that shares the process, nor to the benchmark's own helpers.
 */
final class ThreadOwners {

    /** Every thread the benchmark itself starts has a name beginning with this. */
    static final String BENCH_PREFIX = "bench-";

    /**
     * Name prefixes of the simulator's threads: its workers and timer ({@code aem-sim-http-*}, {@code aem-sim-timer-*})
     * and the JDK HTTP server's own ({@code HTTP-Dispatcher}, {@code server-timer}, {@code idle-timeout-task}).
     */
    static final List<String> SIMULATOR_PREFIXES = List.of("aem-sim", "HTTP-Dispatcher", "server-timer",
            "idle-timeout-task");

    private ThreadOwners() {
    }

    /** {@code true} for threads the simulator starts. */
    static boolean isSimulator(String name) {
        return SIMULATOR_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** {@code true} for a thread that, when new during a scenario, belongs to the client under test. */
    static boolean isClient(String name) {
        return !name.startsWith(BENCH_PREFIX) && !isSimulator(name);
    }
}
