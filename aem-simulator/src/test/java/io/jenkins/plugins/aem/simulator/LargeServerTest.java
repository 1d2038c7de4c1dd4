package io.jenkins.plugins.aem.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server with many tasks sharing endpoints, an ExportTask that takes its time, and the count of requests held. */
class LargeServerTest {

    @TempDir
    Path dir;

    @Test
    void generatedTasksShareTheirEndpoints() throws Exception {
        try (AemSimulator sim = AemSimulator.builder().seed(3L).user("op", "op-pass-1")
                .server(SimServer.replicate("Big").generatedTasks(40, 6)).start()) {
            ServerRepository repo = sim.repository("Big");
            assertThat(repo.taskNames()).hasSize(40).startsWith("Task-0001", "Task-0002").endsWith("Task-0040");
            assertThat(repo.endpointNames()).contains("Source-01", "Source-02", "Source-03", "Target-01", "Target-02",
                    "Target-03");
            RawClient op = new RawClient(sim).loggedIn("op", "op-pass-1");
            Map<String, Integer> users = new HashMap<>();
            for (String task : repo.taskNames()) {
                JsonNode doc = RawClient.json(op.export("Big", task, "&withendpoints=true"));
                JsonNode head = doc.path("cmd.replication_definition").path("tasks").path(0).path("task");
                assertThat(head.path("source_name").asText()).startsWith("Source-");
                assertThat(head.path("target_names").path(0).asText()).startsWith("Target-");
                assertThat(doc.path("cmd.replication_definition").path("databases")).hasSize(2);
                users.merge(head.path("source_name").asText(), 1, Integer::sum);
                users.merge(head.path("target_names").path(0).asText(), 1, Integer::sum);
            }
            assertThat(users).hasSize(6).allSatisfy((endpoint, count) -> assertThat(count).isGreaterThan(5));
            assertThat(repo.endpointBroken("Source-02")).isFalse();
        }
    }

    /**
     * Sixteen slow exports at once finish together, and a read sent meanwhile is answered at once: the delay holds no
     * request thread (the simulator has four on two cores). The count of requests held sees the sixteen.
     */
    @Test
    void aSlowExportHoldsNoThreadAndTheRequestsHeldAreCounted() throws Exception {
        try (AemSimulator sim = AemSimulator.builder().seed(4L).user("op", "op-pass-1")
                .server(SimServer.replicate("Big").generatedTasks(16, 4).exportDelay(Duration.ofMillis(1500))).start()) {
            RawClient op = new RawClient(sim).loggedIn("op", "op-pass-1");
            sim.inFlight().resetPeaks();
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> exports = new ArrayList<>();
            for (String task : sim.repository("Big").taskNames()) {
                exports.add(op.exportAsync("Big", task, "&withendpoints=false"));
            }
            Thread.sleep(300);
            long read = System.nanoTime();
            assertThat(op.get("/servers").statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - read)).isLessThan(Duration.ofMillis(1000));
            assertThat(sim.inFlight().now(RequestKind.EXPORT)).isEqualTo(16);
            for (CompletableFuture<HttpResponse<String>> e : exports) {
                assertThat(e.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            // One after the other on four threads they would take 6 s.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4500));
            assertThat(sim.inFlight().peak(RequestKind.EXPORT)).isEqualTo(16);
            assertThat(sim.inFlight().peak(RequestKind.ALL)).isEqualTo(17);
            assertThat(sim.inFlight().now(RequestKind.ALL)).isZero();
            sim.inFlight().resetPeaks();
            assertThat(sim.inFlight().peak(RequestKind.ALL)).isZero();
        }
    }

    @Test
    void aDelayedExportStillMeetsFaults() throws Exception {
        try (AemSimulator sim = AemSimulator.builder().seed(5L).user("op", "op-pass-1")
                .server(SimServer.replicate("Big").generatedTasks(2, 2).exportDelay(Duration.ofMillis(200))).start()) {
            RawClient op = new RawClient(sim).loggedIn("op", "op-pass-1");
            sim.faults().failNext(RequestKind.EXPORT, 1, "AEM_EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT");
            assertThat(RawClient.code(op.export("Big", "Task-0001", ""))).isEqualTo("AEM_EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT");
            sim.faults().nextTransport(RequestKind.EXPORT, 1, TransportFault.RESET);
            op.exportAsync("Big", "Task-0001", "").handle((r, e) -> e).get(10, TimeUnit.SECONDS); // the JDK may retry a GET
            assertThat(sim.journal().count(e -> e.isExport() && e.status() == 0)).isEqualTo(1);
            assertThat(op.export("Big", "Task-0001", "").statusCode()).isEqualTo(200);
            assertThat(sim.inFlight().now(RequestKind.ALL)).isZero();
        }
    }

    @Test
    void theJsonConfigurationGeneratesTasksAndSlowsExports() throws Exception {
        Path file = dir.resolve("large.json");
        Files.writeString(file, """
                {"users": [{"name": "op", "password": "op-pass-1"}],
                 "servers": [{"name": "Big", "exportDelay": "300ms", "generatedTasks": 12, "generatedEndpoints": 3,
                              "generatedTask": {"startDuration": "10ms", "tables": 2}}]}
                """);
        try (AemSimulator sim = AemSimulator.fromConfig(file).start()) {
            assertThat(sim.repository("Big").taskNames()).hasSize(12);
            assertThat(sim.repository("Big").endpointNames()).contains("Source-01", "Source-02", "Target-01");
            assertThat(sim.task("Big", "Task-0003").spec().tables()).isEqualTo(2);
            RawClient op = new RawClient(sim).loggedIn("op", "op-pass-1");
            long start = System.nanoTime();
            assertThat(op.export("Big", "Task-0003", "").statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }
}
