package io.jenkins.plugins.aem.simulator;

import static io.jenkins.plugins.aem.simulator.ExportTaskTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeleteTaskTest {
    private static final String R = "R";
    private AemSimulator sim;
    private RawClient des;

    @BeforeEach
    void start() throws Exception {
        sim = AemSimulator.builder().seed(2L).designer("des", "des-pass-1").user("op", "op-pass-1")
                .taskOperator("ci", "ci-pass-1", "Orders")
                .server(SimServer.replicate(R)
                        .task(SimTaskSpec.named("Orders").tables(2).startDuration(Duration.ofMillis(50))
                                .stopDuration(Duration.ZERO))
                        .task(SimTaskSpec.named("Broken").initialState("ERROR", "FATAL_ERROR", "boom"))
                        .task(SimTaskSpec.named("Slow").startDuration(Duration.ZERO).stopDuration(Duration.ofSeconds(30))))
                .server(SimServer.compose("C").task(SimTaskSpec.named("Load", "DWH")))
                .start();
        des = new RawClient(sim).loggedIn("des", "des-pass-1");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aStoppedTaskIsDeletedAndItsEndpointsStay() throws Exception {
        HttpResponse<String> r = des.delete(R, "Orders", "&deletetasklogs=true");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertError(des.get("/servers/" + R + "/tasks/Orders"), 500, "AEM_TASK_NOT_FOUND");
        assertError(des.export(R, "Orders", "&withendpoints=false"), 500, "AEM_TASK_NOT_FOUND");
        assertError(des.delete(R, "Orders", ""), 500, "AEM_TASK_NOT_FOUND");
        assertThat(RawClient.json(des.get("/servers/" + R + "/tasks")).path("taskList").findValuesAsText("name"))
                .containsExactly("Broken", "Slow");
        ServerRepository repo = sim.repository(R);
        assertThat(repo.taskExists("Orders")).isFalse();
        assertThat(repo.definition("Orders")).isEmpty();
        assertThat(repo.endpointNames()).containsExactly("Source-DB", "Target-DB");
        assertThat(repo.deletes()).extracting(DeleteRecord::accepted, DeleteRecord::deleteTaskLogs, DeleteRecord::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, true, null),
                        org.assertj.core.groups.Tuple.tuple(false, false, "AEM_TASK_NOT_FOUND"));
        assertThat(sim.journal().entries()).filteredOn(JournalEntry::isDelete).first()
                .satisfies(e -> assertThat(e.headers()).containsEntry("Content-length", "0"));
    }

    @Test
    void onlyAStoppedTaskCanBeDeleted() throws Exception {
        des.run(R, "Orders", "&timeout=5");
        assertError(des.delete(R, "Orders", ""), 500, "AEM_TASK_NOT_STOPPED");
        assertError(des.delete(R, "Broken", ""), 500, "AEM_TASK_NOT_STOPPED");
        des.run(R, "Slow", "&timeout=5");
        des.stop(R, "Slow", "&timeout=0");
        assertThat(sim.task(R, "Slow").state()).as("still stopping").isEqualTo("RUNNING");
        assertError(des.delete(R, "Slow", ""), 500, "AEM_TASK_NOT_STOPPED");
        assertThat(sim.repository(R).taskNames()).containsExactly("Orders", "Broken", "Slow");
    }

    @Test
    void refusals() throws Exception {
        assertError(new RawClient(sim).loggedIn("op", "op-pass-1").delete(R, "Orders", ""), 403, "UNAUTHORIZED_REQUEST");
        assertError(new RawClient(sim).loggedIn("ci", "ci-pass-1").delete(R, "Orders", ""), 403, "UNAUTHORIZED_REQUEST");
        assertError(des.delete("C", "Load__DWH", ""), 500, "AEM_METHOD_NOT_SUPPORTED_VERSION");
        assertError(des.delete(R, "Orders", "&deletetasklogs=maybe"), 400, "DESERIALIZE_TO_TYPE");
        assertError(des.post("/servers/" + R + "/tasks/Orders?action=delete", "{}"), 400, "DESERIALIZE_TO_TYPE");
        RawHttp.Answer chunked = RawHttp.post(sim, des.session, "/servers/" + R + "/tasks/Orders?action=delete",
                "Transfer-Encoding: chunked\r\n", RawHttp.chunked(new byte[0]), 5000);
        assertThat(chunked.status()).isEqualTo(411);
        RawHttp.Answer none = RawHttp.post(sim, des.session, "/servers/" + R + "/tasks/Orders?action=delete", "",
                new byte[0], 5000);
        assertThat(none.status()).isEqualTo(411);
        assertThat(sim.repository(R).taskExists("Orders")).isTrue();
        assertThat(sim.repository(R).deletes()).isEmpty();
    }

    @Test
    void aTaskDeletedAndImportedAgainIsNewButBehavesAsBefore() throws Exception {
        JsonNode backup = des.exported(R, "Orders");
        SimTask old = sim.task(R, "Orders");
        assertThat(des.delete(R, "Orders", "").statusCode()).isEqualTo(200);
        ObjectNode smaller = backup.deepCopy();
        ((ObjectNode) smaller.path("cmd.replication_definition").path("tasks").get(0).path("source")
                .path("source_tables")).putArray("explicit_included_tables").addObject().put("owner", "dbo")
                .put("name", "ONLY");
        assertThat(des.importTask(R, "Orders", smaller.toString()).statusCode()).isEqualTo(200);
        SimTask again = sim.task(R, "Orders");
        assertThat(again).isNotSameAs(old);
        assertThat(again.state()).isEqualTo("STOPPED");
        assertThat(again.spec().startDuration().min()).isEqualTo(Duration.ofMillis(50));
        assertThat(sim.repository(R).definition("Orders").orElseThrow())
                .as("a fresh import after a delete has nothing to merge with").contains("ONLY").doesNotContain("ORDERS_01");
        assertThat(sim.repository(R).imports()).singleElement().satisfies(i -> assertThat(i.created()).isTrue());
    }
}
