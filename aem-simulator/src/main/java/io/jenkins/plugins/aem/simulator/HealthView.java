package io.jenkins.plugins.aem.simulator;

import java.util.Set;

/**
 * The health members of a task's GetTaskDetails at one moment, as the wire shows them; see {@link SimHealthSpec}.
 *
 * @param sourceLatency {@code cdc_latency.source_latency} as sent, e.g. {@code 00:02:10}
 * @param totalLatency  {@code cdc_latency.total_latency} as sent
 * @param dataErrors    {@code data_error_count}
 * @param omitted       the members left out, as an older AEM release does
 */
public record HealthView(String sourceLatency, String totalLatency, long dataErrors,
                         Set<SimHealthSpec.HealthField> omitted) {
}
