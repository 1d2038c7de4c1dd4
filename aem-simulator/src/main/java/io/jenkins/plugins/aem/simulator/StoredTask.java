package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A task in its server's repository: the simulated task, its definition's versions (none for Compose), and what its
 * last run started with. Not thread-safe: the owning {@link ServerRepository} calls it under its lock.
 */
final class StoredTask {
    final SimTask task;
    final Versioned definition;
    private String running;
    private List<ObjectNode> runningEndpoints = List.of();

    StoredTask(SimTask task, Versioned definition) {
        this.task = task;
        this.definition = definition;
    }

    /** Whether reads show the task at {@code now} (an imported task is hidden during the server's import delay). */
    boolean visible(long now) {
        return definition == null || definition.isVisible(now);
    }

    /** The definition reads show at {@code now}, or null (Compose, or not visible yet). */
    ObjectNode visibleDefinition(long now) {
        return definition == null ? null : definition.visible(now);
    }

    /** The normalised definition of the last run, or null when the task never ran here. */
    String running() {
        return running;
    }

    /** The endpoints as the last run started with them (empty when the task never ran here). */
    List<ObjectNode> runningEndpoints() {
        return runningEndpoints;
    }

    /**
     * Why RunTask is refused by the task's definition: {@code AEM_RUN_TASK_NO_SRC_NO_TRG}, {@code AEM_RUN_TASK_NO_SRC}
     * or {@code AEM_RUN_TASK_TRG} when the server lacks its source or every target, {@code AEM_RUN_TASK_NOT_FL_NOR_CDC}
     * when it enables neither full load nor change processing; null when it may run.
     */
    String runRefusal(EndpointStore endpoints, long now) {
        ObjectNode def = visibleDefinition(now);
        if (def == null) {
            return null;
        }
        boolean source = endpoints.isVisible(def.path("task").path("source_name").asText(""), now);
        boolean target = false;
        for (JsonNode t : def.path("task").path("target_names")) {
            target |= endpoints.isVisible(t.asText(""), now);
        }
        JsonNode common = def.path("task_settings").path("common_settings");
        boolean nothingToDo = common.path("full_load_enabled").isBoolean() && !common.path("full_load_enabled").asBoolean()
                && common.path("apply_changes_enabled").isBoolean() && !common.path("apply_changes_enabled").asBoolean();
        return !source && !target ? "AEM_RUN_TASK_NO_SRC_NO_TRG" : !source ? "AEM_RUN_TASK_NO_SRC"
                : !target ? "AEM_RUN_TASK_TRG" : nothingToDo ? "AEM_RUN_TASK_NOT_FL_NOR_CDC" : null;
    }

    /**
     * Called when a run of the task is accepted: remembers the definition and endpoints it runs on, and says why the
     * run must fail (an endpoint it cannot connect to: see {@link EndpointDatabases}), or null.
     */
    String launch(EndpointStore endpoints, DefinitionViews views, long now) {
        ObjectNode def = visibleDefinition(now);
        if (def == null) {
            return null;
        }
        List<ObjectNode> used = endpoints.usedBy(def, v -> v.visible(now));
        running = views.normalised(def, used);
        runningEndpoints = used;
        return endpoints.runFailure(used);
    }
}
