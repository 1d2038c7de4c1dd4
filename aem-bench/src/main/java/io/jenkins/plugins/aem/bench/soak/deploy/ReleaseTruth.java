package io.jenkins.plugins.aem.bench.soak.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A lane's server as the simulator really has it at one moment, whatever any client was told: every task's truth and
 * every endpoint's stored definition.
 *
 * @param tasks     by name, every task that exists
 * @param endpoints by name, each endpoint's stored definition, normalised
 */
record ReleaseTruth(Map<String, TaskTruth> tasks, Map<String, String> endpoints) {

    static ReleaseTruth of(ReleaseLaneSim lane) {
        Map<String, TaskTruth> tasks = new TreeMap<>();
        lane.repo().taskNames().forEach(t -> tasks.put(t, lane.truth(t)));
        Map<String, String> endpoints = new TreeMap<>();
        lane.repo().endpointNames().forEach(e -> endpoints.put(e, lane.repo().endpoint(e).orElseThrow()));
        return new ReleaseTruth(tasks, endpoints);
    }

    /** The task's truth; a task that does not exist has none. */
    TaskTruth task(String name) {
        return tasks.getOrDefault(name, new TaskTruth(false, null, null, null));
    }

    /** The host an endpoint points at now. */
    String host(String endpoint) {
        String stored = endpoints.get(endpoint);
        return stored == null ? null : DefinitionTree.parse(stored).path("db_settings").path("server").asText(null);
    }

    /** The endpoints a stored definition's task uses: its source and its targets. */
    static List<String> endpointsOf(String definition) {
        JsonNode task = DefinitionTree.task(DefinitionTree.parse(definition)).path("task");
        TreeSet<String> names = new TreeSet<>();
        names.add(task.path("source_name").asText());
        task.path("target_names").forEach(n -> names.add(n.asText()));
        return List.copyOf(names);
    }

    /** The task of a definition without the identity its server gave it: what a file can say of a task. */
    static ObjectNode taskPart(String definition) {
        return taskPart(DefinitionTree.parse(definition));
    }

    /** The task of a definition's tree without the identity its server gave it. */
    static ObjectNode taskPart(ObjectNode root) {
        ObjectNode task = DefinitionTree.task(root).deepCopy();
        JsonNode common = task.path("task_settings").path("common_settings");
        if (common instanceof ObjectNode c) {
            c.remove("task_uuid");
        }
        return task;
    }
}
