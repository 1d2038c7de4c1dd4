package io.jenkins.plugins.aem.bench;

import java.util.List;

/**
 * Everything a benchmark run measured.
 *
 * @param results one per scenario and client
 * @param simRps  the simulator's throughput in its separate burst
 */
record BenchFigures(List<ScenarioResult> results, long simRps) {

    /** The result of a scenario for a client ({@code client} or {@code baseline}). */
    ScenarioResult result(String scenario, String client) {
        return results.stream().filter(r -> r.scenario().equals(scenario) && r.client().equals(client)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result for " + scenario + "/" + client));
    }
}
