package io.jenkins.plugins.aem.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.aem.simulator.config.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path dir;

    @Test
    void demoConfigOffersTheDocumentedSetup() throws Exception {
        try (AemSimulator sim = AemSimulator.demo().port(0).start()) {
            assertThat(sim.userNames()).contains("admin");
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
                  "sessionIdleTimeout": "300ms",
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
            Thread.sleep(500);
            assertThat(RawClient.code(c.get("/servers"))).isEqualTo("INVALID_SESSION_ID");
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
