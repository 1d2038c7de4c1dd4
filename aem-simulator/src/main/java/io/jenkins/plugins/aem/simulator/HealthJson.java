package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a task's {@link HealthView} into its GetTaskDetails, leaving out what an older AEM release does not send. */
final class HealthJson {

    private HealthJson() {
    }

    static void apply(ObjectNode details, HealthView health) {
        ObjectNode latency = details.putObject("cdc_latency");
        latency.put("source_latency", health.sourceLatency());
        latency.put("total_latency", health.totalLatency());
        details.put("data_error_count", health.dataErrors());
        for (SimHealthSpec.HealthField f : health.omitted()) {
            details.remove(f.wire());
        }
    }
}
