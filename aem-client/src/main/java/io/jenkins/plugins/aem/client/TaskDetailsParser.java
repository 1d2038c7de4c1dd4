package io.jenkins.plugins.aem.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads GetTaskDetails in either shape AEM has used: the flat object, or the older {@code {"task":{...}}}; also an
 * entry of GetTaskList, which has no health members. A member that is absent, or not of its documented type, is
 * unknown, never zero.
 */
final class TaskDetailsParser {

    private TaskDetailsParser() {
    }

    static TaskStatus parse(JsonNode body, TaskRef task, ResponseReader reader) {
        JsonNode t = body.has("task") && body.get("task").isObject() ? body.get("task") : body;
        if (!t.hasNonNull("state")) {
            throw reader.notAem("GetTaskDetails", "JSON without a task state", false);
        }
        String raw = t.get("state").asText();
        String reason = t.hasNonNull("task_stop_reason") ? t.get("task_stop_reason").asText() : t.path("stop_reason").asText(null);
        JsonNode fl = t.path("full_load_counters");
        JsonNode lc = t.path("loading_counters");
        JsonNode latency = t.get("cdc_latency");
        JsonNode errors = t.get("data_error_count");
        return new TaskStatus(task, TaskState.fromWire(raw), raw, StopReason.fromWire(reason), t.path("message").asText(""),
                bool(t, "full_load_completed"), bool(t, "loading_completed"),
                count(fl, lc, "tables_queued_count"), count(fl, lc, "tables_loading_count"),
                count(fl, lc, "tables_with_error_count"), count(fl, lc, "tables_completed_count"),
                latency == null || !latency.isObject() ? null
                        : new CdcLatency(text(latency, "source_latency"), text(latency, "total_latency")),
                errors != null && errors.canConvertToLong() && errors.asLong() >= 0 ? errors.asLong() : -1);
    }

    /** Every task of a GetTaskList answer of {@code server}. */
    static java.util.List<TaskStatus> list(JsonNode body, String server, ResponseReader reader) {
        java.util.List<TaskStatus> tasks = new java.util.ArrayList<>();
        for (JsonNode t : body.path("taskList")) {
            tasks.add(parse(t, new TaskRef(server, t.path("name").asText()), reader));
        }
        return tasks;
    }

    /** A member as AEM sent it: its text, or for anything but a string or number {@code null} (shown as absent). */
    private static String text(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n != null && (n.isTextual() || n.isNumber()) ? n.asText() : null;
    }

    private static Boolean bool(JsonNode t, String field) {
        return t.hasNonNull(field) ? t.get(field).asBoolean() : null;
    }

    private static long count(JsonNode fullLoad, JsonNode loading, String field) {
        JsonNode n = fullLoad.hasNonNull(field) ? fullLoad.get(field) : loading.get(field);
        return n != null && n.canConvertToLong() && n.asLong() >= 0 ? n.asLong() : -1;
    }
}
