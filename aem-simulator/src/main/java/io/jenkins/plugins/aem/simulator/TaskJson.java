package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;

/** The JSON of GetTaskList and GetTaskDetails (aem-api.md §3.3, §3.4), for Replicate and Compose. */
final class TaskJson {
    private final Json json;

    TaskJson(Json json) {
        this.json = json;
    }

    ObjectNode list(Collection<SimTask> tasks) {
        ObjectNode root = json.object();
        ArrayNode list = root.putArray("taskList");
        for (SimTask t : tasks) {
            TaskView v = t.view();
            ObjectNode n = list.addObject();
            n.put("name", t.wireName());
            n.put("state", v.state());
            n.put("stop_reason", t.isCompose() ? "NONE" : v.stopReason()); // AEM: always NONE for Compose
            n.put("message", v.message());
            n.putArray("assigned_tags");
        }
        return root;
    }

    /** @param endpoints the task's source and first target as {@code {"name","type"}} (Replicate only) */
    ObjectNode details(SimTask t, DetailsShape shape, List<ObjectNode> endpoints) {
        ObjectNode body = t.isCompose() ? compose(t, t.view()) : replicate(t, t.view(), endpoints);
        if (shape == DetailsShape.WRAPPED) {
            ObjectNode root = json.object();
            root.set("task", body);
            return root;
        }
        return body;
    }

    private ObjectNode compose(SimTask t, TaskView v) {
        ObjectNode n = json.object();
        n.put("name", t.spec().name());
        n.put("state", v.state());
        n.put("message", v.message());
        n.put("project", t.spec().project());
        n.put("loading_completed", v.fullLoadCompleted());
        ObjectNode c = n.putObject("loading_counters");
        c.put("tables_total_count", v.tablesTotal());
        c.put("tables_completed_count", v.tablesCompleted());
        c.put("tables_loading_count", v.tablesLoading());
        c.put("tables_queued_count", v.tablesQueued());
        c.put("tables_with_error_count", v.tablesWithError());
        return n;
    }

    private ObjectNode replicate(SimTask t, TaskView v, List<ObjectNode> endpoints) {
        ObjectNode n = json.object();
        boolean running = v.memoryMb() > 0;
        n.put("type", "REPLICATION");
        n.put("name", t.wireName());
        n.put("description", t.spec().description());
        n.put("state", v.state());
        n.put("message", v.message());
        n.set("source_endpoint", endpoints.isEmpty() ? json.object() : endpoints.get(0));
        n.set("target_endpoint", endpoints.size() < 2 ? json.object() : endpoints.get(1));
        ObjectNode cdc = n.putObject("cdc_event_counters");
        for (String k : new String[] {"applied_insert_count", "applied_update_count", "applied_delete_count",
            "applied_ddl_count"}) {
            cdc.put(k, 0L);
        }
        ObjectNode fl = n.putObject("full_load_counters");
        fl.put("tables_completed_count", v.tablesCompleted());
        fl.put("tables_loading_count", v.tablesLoading());
        fl.put("tables_queued_count", v.tablesQueued());
        fl.put("tables_with_error_count", v.tablesWithError());
        fl.put("records_completed_count", v.tablesCompleted() * 1000L);
        fl.put("estimated_records_for_all_tables_count", v.tablesTotal() * 1000L);
        n.put("full_load_completed", v.fullLoadCompleted());
        n.put("full_load_start", Json.time(v.fullLoadStart()));
        n.put("full_load_end", Json.time(v.fullLoadEnd()));
        throughput(n.putObject("full_load_throughput"));
        throughput(n.putObject("cdc_throughput"));
        ObjectNode latency = n.putObject("cdc_latency");
        latency.put("source_latency", running ? "00:00:01" : "00:00:00");
        latency.put("total_latency", running ? "00:00:02" : "00:00:00");
        n.put("profile", "UNIDIRECTIONAL");
        n.put("task_stop_reason", v.stopReason());
        n.put("memory_mb", v.memoryMb());
        n.put("cpu_percentage", running ? 3 : 0);
        n.put("disk_usage_mb", 64);
        n.put("data_error_count", 0);
        ObjectNode opt = n.putObject("options");
        opt.put("full_load_enabled", true);
        opt.put("apply_changes_enabled", !t.spec().fullLoadOnly());
        opt.put("store_changes_enabled", false);
        opt.put("audit_changes_enabled", false);
        n.putArray("assigned_tags");
        if (v.health() != null) {
            HealthJson.apply(n, v.health());
        }
        return n;
    }

    private static void throughput(ObjectNode n) {
        for (String k : new String[] {"source_throughput_records_count", "source_throughput_volume",
            "target_throughput_records_count", "target_throughput_volume"}) {
            n.putObject(k).put("current", 0);
        }
    }
}
