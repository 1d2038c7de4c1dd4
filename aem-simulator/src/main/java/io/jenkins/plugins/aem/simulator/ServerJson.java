package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;

/** The JSON of GetServerList and GetServerDetails (aem-api.md §3.1, §3.2). */
final class ServerJson {
    private final Json json;

    ServerJson(Json json) {
        this.json = json;
    }

    ObjectNode list(Collection<SimServer> servers, Instant now) {
        ObjectNode root = json.object();
        ArrayNode list = root.putArray("serverList");
        for (SimServer s : servers) {
            ObjectNode n = list.addObject();
            n.put("$type", s.isCompose() ? "ComposeServerInfo" : "ReplicateServerInfo");
            n.put("name", s.name());
            n.put("description", s.description());
            n.put("host", s.host());
            n.put("port", String.valueOf(s.port()));
            n.put("state", s.state());
            n.put("message", s.message());
            n.put("platform", s.platform());
            n.put("version", s.version());
            n.put("last_connection", Json.time(now));
        }
        return root;
    }

    ObjectNode details(SimServer s, Collection<SimTask> tasks, Instant now) {
        ObjectNode root = json.object();
        ObjectNode d = root.putObject("server_details");
        d.put("$type", s.isCompose() ? "ComposeServerDetails" : "ReplicateServerDetails");
        d.put("name", s.name());
        d.put("description", s.description());
        ObjectNode conf = d.putObject("configuration");
        conf.put("host", s.host());
        conf.put("platform", s.platform());
        conf.put("port", String.valueOf(s.port()));
        conf.put("user_name", "qlik-service");
        d.put("state", s.state());
        d.put("message", s.message());
        d.put("version", s.version());
        ObjectNode lic = d.putObject("license");
        lic.put("issue_date", Json.time(now.minusSeconds(86_400L * 30)));
        lic.put("state", s.licenseState());
        lic.put("expiration", Json.time(now.plusSeconds(86_400L * s.daysToExpiration())));
        lic.put("days_to_expiration", s.daysToExpiration());
        d.put("last_connection", Json.time(now));
        int running = 0;
        int stopped = 0;
        int recovering = 0;
        int error = 0;
        for (SimTask t : tasks) {
            switch (t.view().state()) {
                case "RUNNING" -> running++;
                case "STOPPED" -> stopped++;
                case "RECOVERY" -> recovering++;
                case "ERROR" -> error++;
                default -> { } // transitional values count only in the total
            }
        }
        ObjectNode sum = d.putObject("task_summary");
        sum.put("total", tasks.size());
        sum.put("running", running);
        sum.put("stopped", stopped);
        sum.put("recovering", recovering);
        sum.put("error", error);
        ObjectNode res = d.putObject("resource_utilization");
        res.put("disk_usage_mb", 2048);
        res.put("memory_mb", 512 * running);
        res.put("attunity_cpu_percentage", running > 0 ? 7 : 0);
        res.put("machine_cpu_percentage", 12);
        return root;
    }
}
