package io.jenkins.plugins.aem.simulator;

import static io.jenkins.plugins.aem.simulator.ExportTaskTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When an import takes effect: after the server's import delay, and for a running task only at its next run. */
class ImportTimingTest {
    private static final String R = "R";
    private static final String SLOW = "Slow";
    private static final Duration DELAY = Duration.ofMillis(2500);
    private AemSimulator sim;
    private RawClient des;

    @BeforeEach
    void start() throws Exception {
        SimTaskSpec fast = SimTaskSpec.named("Orders").startDuration(Duration.ZERO).stopDuration(Duration.ZERO);
        sim = AemSimulator.builder().seed(9L).designer("des", "des-pass-1")
                .server(SimServer.replicate(R).task(fast))
                .server(SimServer.replicate(SLOW).importDelay(DELAY).task(fast.copy())
                        .importedTasks(SimTaskSpec.named("t").startDuration(Duration.ZERO)))
                .start();
        des = new RawClient(sim).loggedIn("des", "des-pass-1");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private ObjectNode withTable(String server, String task, String table) throws Exception {
        ObjectNode doc = (ObjectNode) des.exported(server, task);
        ((ArrayNode) doc.path("cmd.replication_definition").path("tasks").get(0).path("source").path("source_tables")
                .path("explicit_included_tables")).addObject().put("owner", "dbo").put("name", table);
        return doc;
    }

    private static void rename(ObjectNode doc, String task) {
        ((ObjectNode) doc.path("cmd.replication_definition").path("tasks").get(0).path("task")).put("name", task);
    }

    @Test
    void aRunningTaskKeepsItsOldDefinitionUntilItRunsAgain() throws Exception {
        assertThat(des.run(R, "Orders", "&timeout=5").body()).contains("RUNNING");
        ServerRepository repo = sim.repository(R);
        String before = repo.runningDefinition("Orders").orElseThrow();
        assertThat(before).doesNotContain("LATE_TABLE");
        assertThat(des.importTask(R, "Orders", withTable(R, "Orders", "LATE_TABLE").toString()).statusCode())
                .as("AEM accepts an import under a running task").isEqualTo(200);
        assertThat(repo.imports()).singleElement().satisfies(i -> assertThat(i.taskState()).isEqualTo("RUNNING"));
        assertThat(sim.task(R, "Orders").state()).isEqualTo("RUNNING");
        assertThat(repo.definition("Orders").orElseThrow()).contains("LATE_TABLE");
        assertThat(repo.runningDefinition("Orders")).contains(before);

        des.stop(R, "Orders", "&timeout=5");
        des.run(R, "Orders", "&timeout=5");
        assertThat(repo.runningDefinition("Orders").orElseThrow()).contains("LATE_TABLE");
    }

    @Test
    void aBrokenEndpointImportedUnderARunningTaskHitsOnlyItsNextRun() throws Exception {
        try (AemSimulator other = AemSimulator.builder().designer("des", "des-pass-1")
                .server(SimServer.replicate(R).task(SimTaskSpec.named("Orders"))).start()) {
            JsonNode foreign = new RawClient(other).loggedIn("des", "des-pass-1").exported(R, "Orders");
            des.run(R, "Orders", "&timeout=5");
            assertThat(des.importTask(R, "Orders", foreign.toString()).statusCode()).isEqualTo(200);
        }
        assertThat(sim.task(R, "Orders").state()).isEqualTo("RUNNING");
        des.stop(R, "Orders", "&timeout=5");
        assertThat(RawClient.json(des.run(R, "Orders", "&timeout=5")).path("state").asText()).isEqualTo("ERROR");
    }

    @Test
    void anImportShowsOnlyAfterTheServersDelay() throws Exception {
        ServerRepository repo = sim.repository(SLOW);
        Instant sent = Instant.now();
        assertThat(des.importTask(SLOW, "Orders", withTable(SLOW, "Orders", "DELAYED").toString()).statusCode())
                .isEqualTo(200);
        assertThat(des.exported(SLOW, "Orders").toString()).as("the old definition, during the delay")
                .doesNotContain("DELAYED");
        assertThat(repo.definition("Orders").orElseThrow()).contains("DELAYED");
        assertThat(repo.visibleDefinition("Orders").orElseThrow()).doesNotContain("DELAYED");
        Instant visibleAt = repo.imports().get(0).visibleAt();
        assertThat(Duration.between(sent, visibleAt)).isBetween(DELAY.minusMillis(100), DELAY.plusSeconds(5));
        awaitVisible(visibleAt);
        assertThat(des.exported(SLOW, "Orders").toString()).contains("DELAYED");
    }

    @Test
    void aTaskAnImportCreatesIsNotFoundDuringTheDelay() throws Exception {
        ServerRepository repo = sim.repository(SLOW);
        ObjectNode body = withTable(SLOW, "Orders", "FIRST");
        rename(body, "New");
        assertThat(des.importTask(SLOW, "New", body.toString()).statusCode()).isEqualTo(200);
        ObjectNode second = body.deepCopy();
        ((ObjectNode) second.path("cmd.replication_definition").path("tasks").get(0).path("source")
                .path("source_tables").path("explicit_included_tables").get(0)).put("estimated_size", 77);
        assertThat(des.importTask(SLOW, "New", second.toString()).statusCode())
                .as("a second import while the first is not visible merges into it").isEqualTo(200);
        assertThat(repo.imports()).extracting(ImportRecord::created).containsExactly(true, false);

        assertError(des.get("/servers/" + SLOW + "/tasks/New"), 500, "AEM_TASK_NOT_FOUND");
        assertError(des.export(SLOW, "New", "&withendpoints=false"), 500, "AEM_TASK_NOT_FOUND");
        assertError(des.run(SLOW, "New", "&timeout=1"), 500, "AEM_TASK_NOT_FOUND");
        assertError(des.delete(SLOW, "New", ""), 500, "AEM_TASK_NOT_FOUND");
        assertThat(RawClient.json(des.get("/servers/" + SLOW + "/tasks")).path("taskList").findValuesAsText("name"))
                .containsExactly("Orders");
        assertThat(repo.taskExists("New")).isTrue();
        assertThat(repo.taskVisible("New")).isFalse();

        awaitVisible(repo.imports().get(1).visibleAt());
        assertThat(repo.taskVisible("New")).isTrue();
        assertThat(des.details(SLOW, "New").path("state").asText()).isEqualTo("STOPPED");
        assertThat(des.exported(SLOW, "New").toString()).contains("FIRST").contains("77");
    }

    private static void awaitVisible(Instant at) throws InterruptedException {
        long wait = Duration.between(Instant.now(), at).toMillis() + 50;
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
