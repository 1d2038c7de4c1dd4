package io.jenkins.plugins.aem.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.simulator.config.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path dir;

    @Test
    void demoConfigOffersTheDocumentedSetup() throws Exception {
        try (AemSimulator sim = AemSimulator.demo().port(0).start()) {
            assertThat(sim.userNames()).containsExactly("admin", "viewer", "designer");
            assertThat(sim.server("Replicate-Demo").importDelay().min()).isEqualTo(Duration.ofSeconds(1));
            RawClient designer = new RawClient(sim).loggedIn("designer", "designer-password");
            assertThat(designer.exported("Replicate-Demo", "Orders").path("_version").path("version").asText())
                    .isEqualTo("2024.11.0.177");
            assertThat(sim.servers()).extracting(SimServer::name).containsExactly("Replicate-Demo", "Compose-Demo");
            assertThat(sim.servers()).allMatch(s -> s.state().equals("MONITORED"));
            assertThat(sim.tasks("Replicate-Demo")).extracting(SimTask::wireName)
                    .containsExactly("Orders", "Customers", "Broken", "Flaky");
            assertThat(sim.task("Replicate-Demo", "Orders").spec().startDuration().min()).isEqualTo(Duration.ofSeconds(2));
            assertThat(sim.task("Replicate-Demo", "Orders").spec().stopDuration().min()).isEqualTo(Duration.ofSeconds(2));
            assertThat(sim.task("Replicate-Demo", "Customers").spec().fullLoadOnly()).isTrue();
            assertThat(sim.task("Replicate-Demo", "Broken").spec().failOnRun()).isTrue();
            assertThat(sim.task("Replicate-Demo", "Flaky").spec().recovery()).isTrue();
            assertThat(sim.task("Compose-Demo", "LoadDW__Warehouse").spec().project()).isEqualTo("Warehouse");
            RawClient c = new RawClient(sim).loggedIn("admin", "demo-password");
            assertThat(c.get("/servers").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void jsonConfigSetsEveryPart() throws Exception {
        Path file = dir.resolve("sim.json");
        Files.writeString(file, """
                {
                  // comments are allowed
                  "users": [{"name": "op", "password": "op-pw"}, {"name": "v", "password": "v-pw", "role": "viewer"}],
                  "tokens": ["tok"],
                  "sessionIdleTimeout": "1500ms",
                  "serverWaitCap": "1s",
                  "detailsShape": "WRAPPED",
                  "seed": 3,
                  "faults": {"failNext": [{"kind": "READ", "count": 1, "errorCode": "LICENSE_NOT_FOUND"}]},
                  "servers": [
                    {"name": "S", "tasks": [
                      {"name": "T", "startDuration": "10ms..30ms", "stopDuration": "20ms", "startingState": "STARTING",
                       "initial": {"state": "ERROR", "stopReason": "FATAL_ERROR", "message": "boom"},
                       "runError": {"code": "AEM_RUN_TASK_NO_SRC", "once": true}}]},
                    {"name": "Off", "state": "NOT_MONITORED"},
                    {"name": "C", "type": "COMPOSE", "tasks": [{"name": "L", "project": "P", "fullLoadOnly": true}]}
                  ]
                }
                """);
        try (AemSimulator sim = AemSimulator.fromConfig(file).start()) {
            RawClient c = new RawClient(sim).loggedIn("op", "op-pw");
            assertThat(RawClient.code(c.get("/servers"))).isEqualTo("LICENSE_NOT_FOUND");
            assertThat(c.details("S", "T").path("task").path("message").asText()).isEqualTo("boom");
            assertThat(RawClient.code(c.run("S", "T", ""))).isEqualTo("AEM_RUN_TASK_NO_SRC");
            assertThat(c.run("S", "T", "").statusCode()).isEqualTo(200);
            assertThat(RawClient.code(c.get("/servers/Off/tasks"))).isEqualTo("AEM_SERVER_NOT_MONITORED");
            assertThat(sim.task("C", "L__P").isCompose()).isTrue();
            assertThat(new RawClient(sim).login("api-token", "tok").statusCode()).isEqualTo(200);
            Thread.sleep(2000);
            assertThat(RawClient.code(c.get("/servers"))).isEqualTo("INVALID_SESSION_ID");
        }
    }

    @Test
    void jsonConfigSetsRolesEndpointsDefinitionsAndDefinitionFaults() throws Exception {
        Path file = dir.resolve("definitions.json");
        Files.writeString(file, """
                {
                  "users": [{"name": "d", "password": "d-pass-1", "role": "designer"},
                            {"name": "dn", "password": "dn-pass-1", "role": "designer", "endpoints": "none"},
                            {"name": "o", "password": "o-pass-1", "endpoints": "viewer"}],
                  "shuffleExportKeys": false,
                  "faults": {"transportNext": [{"kind": "IMPORT", "fault": "RESET_AFTER_APPLY"}],
                             "resetAfterApply": 0, "hangAfterApply": 0},
                  "servers": [{"name": "S", "version": "2023.11.0.42", "masterKey": "shared", "importDelay": "0s",
                    "endpoints": [{"name": "Pg", "role": "SOURCE", "type_id": "POSTGRESQL_COMPONENT_TYPE",
                                   "db_settings": {"$type": "PostgresqlSettings", "password": "Pg-Config-Pw-1"}}],
                    "tasks": [{"name": "T", "definition": {"cmd.replication_definition": {"tasks": [
                      {"task": {"name": "T", "source_name": "Pg", "target_names": ["Target-DB"]}}]}}}]},
                    {"name": "S2", "masterKey": "shared",
                     "importedTasks": {"startDuration": "10ms", "failOnRun": true}}]
                }
                """);
        try (AemSimulator sim = AemSimulator.fromConfig(file).start()) {
            RawClient d = new RawClient(sim).loggedIn("d", "d-pass-1");
            JsonNode doc = d.exported("S", "T");
            List<String> keys = new ArrayList<>();
            doc.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("name", "cmd.replication_definition", "_version", "description");
            assertThat(doc.path("_version").path("version_revision").asInt()).isEqualTo(42);
            assertThat(doc.path("cmd.replication_definition").path("databases").findValuesAsText("name"))
                    .containsExactly("Pg", "Target-DB");
            assertThat(sim.repository("S").secretMatches("Pg", "password", "Pg-Config-Pw-1")).isTrue();
            assertThat(RawClient.code(new RawClient(sim).loggedIn("dn", "dn-pass-1").export("S", "T", "")))
                    .isEqualTo("AEM_EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT");
            assertThat(RawClient.code(new RawClient(sim).loggedIn("o", "o-pass-1").export("S", "T", "")))
                    .isEqualTo("AEM_EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT");
            ObjectNode renamed = (ObjectNode) doc.deepCopy();
            ((ObjectNode) renamed.path("cmd.replication_definition").path("tasks").get(0).path("task")).put("name", "N");
            assertThatThrownBy(() -> d.importTask("S2", "N", renamed.toString())).isInstanceOf(IOException.class);
            assertThat(sim.repository("S2").taskExists("N")).isTrue();
            assertThat(sim.repository("S2").endpointBroken("Pg")).as("same master key").isFalse();
            assertThat(sim.task("S2", "N").spec().startDuration().min()).isEqualTo(Duration.ofMillis(10));
            assertThat(RawClient.json(d.run("S2", "N", "&timeout=5")).path("state").asText()).isEqualTo("ERROR");
        }
    }

    @Test
    void badDefinitionSettingsAreRefusedWithTheProblem() throws Exception {
        String[][] cases = {
            {"{\"users\": [{\"name\": \"u\", \"password\": \"p\", \"role\": \"designer\", \"tasks\": [\"T\"]}]}",
                "tasks are given only with role task-operator"},
            {"{\"users\": [{\"name\": \"u\", \"password\": \"p\", \"endpoints\": \"admin\"}]}",
                "endpoints must be none, viewer, operator or designer"},
            {"{\"users\": [{\"name\": \"u\", \"password\": \"p\", \"role\": \"task-operator\", \"endpoints\": \"viewer\"}]}",
                "a task operator holds no role on endpoints"},
            {"{\"servers\": [{\"name\": \"S\", \"importedTasks\": {\"name\": \"x\"}}]}", "takes no name"},
            {"{\"servers\": [{\"name\": \"C\", \"type\": \"COMPOSE\", \"endpoints\": [{\"name\": \"E\", \"db_settings\": {}}]}]}",
                "Replicate servers only"},
            {"{\"servers\": [{\"name\": \"S\", \"endpoints\": [{\"db_settings\": {}}]}]}", "a name and db_settings"},
            {"{\"servers\": [{\"name\": \"S\", \"tasks\": [{\"name\": \"T\", \"definition\": {\"cmd.replication_definition\": "
                + "{\"tasks\": [{\"task\": {\"name\": \"Other\"}}]}}}]}]}", "AEM_IMPORT_TASK_NAME_DIFFER"}};
        for (String[] c : cases) {
            Path file = dir.resolve("bad.json");
            Files.writeString(file, c[0]);
            assertThatThrownBy(() -> SimulatorConfig.load(file).toBuilder()).as(c[0])
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(c[1]);
        }
    }

    @Test
    void badConfigsAreReportedWithTheirLocation() throws Exception {
        Path typo = dir.resolve("typo.json");
        Files.writeString(typo, "{\"servers\": [{\"name\": \"S\", \"taskz\": []}]}");
        assertThatThrownBy(() -> SimulatorConfig.load(typo)).isInstanceOf(IOException.class)
                .hasMessageContaining("taskz").hasMessageContaining("$.servers[0]");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"servers\": [");
        assertThatThrownBy(() -> SimulatorConfig.load(broken)).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> SimulatorConfig.load(dir.resolve("missing.json"))).hasMessageContaining("does not exist");
        Path badDuration = dir.resolve("d.json");
        Files.writeString(badDuration, "{\"servers\": [{\"name\": \"S\", \"tasks\": [{\"name\": \"T\", \"startDuration\": \"soon\"}]}]}");
        assertThatThrownBy(() -> SimulatorConfig.load(badDuration).toBuilder())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("soon");
    }
}
