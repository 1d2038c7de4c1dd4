package io.jenkins.plugins.aem.simulator;

import static io.jenkins.plugins.aem.simulator.ExportTaskTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportTaskTest {
    private static final String R = "Replicate-1";
    private AemSimulator sim;
    private RawClient des;

    @BeforeEach
    void start() throws Exception {
        sim = AemSimulator.builder().seed(5L)
                .designer("des", "des-pass-1").user("op", "op-pass-1").taskOperator("ci", "ci-pass-1", "Orders")
                .designerWithoutEndpoints("nep", "nep-pass-1").user("tdo", "tdo-pass-1", Role.DESIGNER, Role.OPERATOR)
                .server(SimServer.replicate(R).importedTasks(SimTaskSpec.named("x").startDuration(Duration.ZERO))
                        .task(SimTaskSpec.named("Orders").tables(4).startDuration(Duration.ZERO)
                                .stopDuration(Duration.ZERO)))
                .server(SimServer.compose("C").task(SimTaskSpec.named("Load", "DWH")))
                .start();
        des = new RawClient(sim).loggedIn("des", "des-pass-1");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private ObjectNode exported(String task) throws Exception {
        return (ObjectNode) des.exported(R, task);
    }

    private static ObjectNode task(JsonNode doc) {
        return (ObjectNode) doc.path("cmd.replication_definition").path("tasks").get(0);
    }

    private static ArrayNode tables(JsonNode doc) {
        return (ArrayNode) task(doc).path("source").path("source_tables").path("explicit_included_tables");
    }

    private static List<String> tableNames(JsonNode doc) {
        return tables(doc).findValuesAsText("name");
    }

    @Test
    void anImportMergesAndNeverRemoves() throws Exception {
        ObjectNode body = exported("Orders");
        tables(body).remove(0); // ORDERS_01 dropped from the file
        tables(body).addObject().put("owner", "dbo").put("name", "NEW_T");
        ((ObjectNode) tables(body).get(0)).put("estimated_size", 5); // ORDERS_02 changed
        ObjectNode settings = (ObjectNode) task(body).path("task_settings");
        settings.remove("target_settings");
        ((ObjectNode) settings.path("common_settings")).put("full_load_sub_tasks", 9);
        ((ArrayNode) task(body).path("source").path("source_tables").path("included_pattern")).addObject()
                .put("owner", "sales").put("name", "%");
        HttpResponse<String> r = des.importTask(R, "Orders", body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("Content-Length")).contains("0");

        JsonNode after = exported("Orders");
        assertThat(tableNames(after)).containsExactly("ORDERS_01", "ORDERS_02", "ORDERS_03", "ORDERS_04", "NEW_T");
        assertThat(tables(after).get(1).path("estimated_size").asInt()).isEqualTo(5);
        JsonNode common = task(after).path("task_settings").path("common_settings");
        assertThat(common.path("full_load_sub_tasks").asInt()).isEqualTo(9);
        assertThat(task(after).path("task_settings").path("target_settings").path("ftm_settings")
                .path("parallel_load_threads").asInt()).as("a section the file left out stays").isEqualTo(4);
        assertThat(task(after).path("source").path("source_tables").path("included_pattern")).hasSize(2);
        assertThat(sim.repository(R).definition("Orders").orElseThrow()).contains("NEW_T").contains("ORDERS_01");
        assertThat(sim.repository(R).imports()).singleElement().satisfies(i -> {
            assertThat(i.accepted()).isTrue();
            assertThat(i.created()).isFalse();
            assertThat(i.endpoints()).containsExactly("Source-DB", "Target-DB");
            assertThat(i.taskState()).isEqualTo("STOPPED");
            assertThat(i.user()).isEqualTo("des");
            assertThat(i.versionGiven()).isTrue();
        });
    }

    @Test
    void anImportCreatesAnAbsentTaskThatRuns() throws Exception {
        ObjectNode body = exported("Orders");
        ((ObjectNode) task(body).path("task")).put("name", "Fresh");
        assertThat(des.importTask(R, "Fresh", body.toString()).statusCode()).isEqualTo(200);
        assertThat(RawClient.json(des.get("/servers/" + R + "/tasks")).path("taskList").findValuesAsText("name"))
                .containsExactly("Orders", "Fresh");
        assertThat(des.details(R, "Fresh").path("state").asText()).isEqualTo("STOPPED");
        assertThat(des.run(R, "Fresh", "&timeout=5").body()).contains("RUNNING");
        assertThat(sim.repository(R).imports()).last().satisfies(i -> {
            assertThat(i.created()).isTrue();
            assertThat(i.taskState()).isNull();
        });
        assertThat(tableNames(exported("Fresh"))).containsExactly("ORDERS_01", "ORDERS_02", "ORDERS_03", "ORDERS_04");
    }

    @Test
    void aDefinitionWithNeitherFullLoadNorChangeProcessingCannotRun() throws Exception {
        ObjectNode body = exported("Orders");
        ((ObjectNode) task(body).path("task_settings").path("common_settings")).put("full_load_enabled", false)
                .put("apply_changes_enabled", false);
        des.importTask(R, "Orders", body.toString());
        assertError(des.run(R, "Orders", "&timeout=1"), 500, "AEM_RUN_TASK_NOT_FL_NOR_CDC");
        assertThat(sim.task(R, "Orders").commands()).singleElement().satisfies(c -> assertThat(c.accepted()).isFalse());
    }

    @Test
    void theUrlMustNameTheTaskOfTheJson() throws Exception {
        HttpResponse<String> r = des.importTask(R, "Other", exported("Orders").toString());
        assertError(r, 500, "AEM_IMPORT_TASK_NAME_DIFFER");
        assertThat(RawClient.json(r).path("error_message").asText()).contains("Orders").contains("Other");
        assertThat(sim.repository(R).taskExists("Other")).isFalse();
        assertThat(sim.repository(R).imports()).singleElement()
                .satisfies(i -> assertThat(i.errorCode()).isEqualTo("AEM_IMPORT_TASK_NAME_DIFFER"));
    }

    @Test
    void contentThatIsNotOneTaskIsRefusedAndChangesNothing() throws Exception {
        String before = sim.repository(R).definition("Orders").orElseThrow();
        ObjectNode two = exported("Orders");
        ((ArrayNode) two.path("cmd.replication_definition").path("tasks")).add(task(two).deepCopy());
        assertError(des.importTask(R, "Orders", two.toString()), 500, "AEM_IMPORT_TASK_CONTAINS_MULTIPLE_TASKS");
        ObjectNode alienTop = exported("Orders");
        alienTop.putArray("scheduler_jobs");
        HttpResponse<String> alien = des.importTask(R, "Orders", alienTop.toString());
        assertError(alien, 500, "AEM_IMPORT_TASK_CONTAIN_ALIEN_ITEMS");
        assertThat(RawClient.json(alien).path("error_message").asText()).contains("scheduler_jobs");
        ObjectNode alienInside = exported("Orders");
        ((ObjectNode) alienInside.path("cmd.replication_definition")).putArray("remote_machines");
        assertError(des.importTask(R, "Orders", alienInside.toString()), 500, "AEM_IMPORT_TASK_CONTAIN_ALIEN_ITEMS");
        assertError(des.importTask(R, "Orders", ""), 500, "AEM_IMPORT_CONTENT_EMPTY");
        assertError(des.importTask(R, "Orders", "  \n"), 500, "AEM_IMPORT_CONTENT_EMPTY");
        assertError(des.importTask(R, "Orders", "{}"), 500, "AEM_IMPORT_CONTENT_EMPTY");
        assertError(des.importTask(R, "Orders", "{\"cmd.replication_definition\":{\"tasks\":[]}}"), 500,
                "AEM_IMPORT_CONTENT_EMPTY");
        assertError(des.importTask(R, "Orders", "{\"cmd.replication_definition\":{\"tasks\":[],\"databases\":"
                + "[{\"name\":\"E\",\"db_settings\":{}}]}}"), 500, "AEM_IMPORT_INVALID_CONTENT");
        assertError(des.importTask(R, "Orders", "{not json"), 500, "AEM_IMPORT_INVALID_CONTENT");
        assertError(des.importTask(R, "Orders", "[]"), 500, "AEM_IMPORT_INVALID_CONTENT");
        assertError(des.importTask(R, "Orders", "{\"cmd.replication_definition\":{\"tasks\":[{\"task\":{}}]}}"), 500,
                "AEM_IMPORT_INVALID_CONTENT");
        ObjectNode badDb = exported("Orders");
        ((ObjectNode) badDb.path("cmd.replication_definition").path("databases").get(0)).remove("db_settings");
        assertError(des.importTask(R, "Orders", badDb.toString()), 500, "AEM_IMPORT_INVALID_CONTENT");
        assertThat(sim.repository(R).definition("Orders")).contains(before);
        assertThat(sim.repository(R).imports()).hasSize(12).noneMatch(ImportRecord::accepted);
    }

    @Test
    void importingNeedsDesignerOnAllTasksAndOnAllEndpointsWhenEndpointsTravel() throws Exception {
        ObjectNode withEndpoints = exported("Orders");
        ObjectNode withoutEndpoints = withEndpoints.deepCopy();
        ((ObjectNode) withoutEndpoints.path("cmd.replication_definition")).remove("databases");
        assertError(new RawClient(sim).loggedIn("op", "op-pass-1").importTask(R, "Orders", withoutEndpoints.toString()),
                403, "UNAUTHORIZED_REQUEST");
        assertError(new RawClient(sim).loggedIn("ci", "ci-pass-1").importTask(R, "Orders", withoutEndpoints.toString()),
                403, "UNAUTHORIZED_REQUEST");
        RawClient nep = new RawClient(sim).loggedIn("nep", "nep-pass-1");
        assertError(nep.importTask(R, "Orders", withEndpoints.toString()), 500, "AEM_IMPORT_TASK_NO_PERMISSION_ON_ENDPOINT");
        assertThat(nep.importTask(R, "Orders", withoutEndpoints.toString()).statusCode()).isEqualTo(200);
        RawClient tdo = new RawClient(sim).loggedIn("tdo", "tdo-pass-1");
        assertError(tdo.importTask(R, "Orders", withEndpoints.toString()), 500, "AEM_IMPORT_TASK_NO_PERMISSION_ON_ENDPOINT");
        ((ArrayNode) withEndpoints.path("cmd.replication_definition").path("databases")).removeAll();
        assertThat(tdo.importTask(R, "Orders", withEndpoints.toString()).statusCode())
                .as("an empty databases array carries no endpoint").isEqualTo(200);
    }

    @Test
    void composeServersHaveNoDefinitionCalls() throws Exception {
        assertError(des.importTask("C", "Load__DWH", exported("Orders").toString()), 500,
                "AEM_METHOD_NOT_SUPPORTED_VERSION");
    }

    @Test
    void theBodyNeedsAnExactContentLength() throws Exception {
        byte[] body = exported("Orders").toString().getBytes(StandardCharsets.UTF_8);
        String path = "/servers/" + R + "/tasks/Orders?action=import";
        RawHttp.Answer chunked = RawHttp.post(sim, des.session, path, "Transfer-Encoding: chunked\r\n",
                RawHttp.chunked(body), 5000);
        assertThat(chunked.status()).isEqualTo(411);
        assertThat(chunked.text()).contains("Length Required").contains("Microsoft-HTTPAPI/2.0").doesNotContain("error_code");
        RawHttp.Answer none = RawHttp.post(sim, des.session, path, "", new byte[0], 5000);
        assertThat(none.status()).isEqualTo(411);
        RawHttp.Answer shortCount = RawHttp.post(sim, des.session, path, "Content-Length: " + (body.length - 10) + "\r\n",
                body, 5000);
        assertThat(shortCount.status()).isEqualTo(500);
        assertThat(shortCount.text()).contains("AEM_IMPORT_INVALID_CONTENT");
        RawHttp.Answer longCount = RawHttp.post(sim, des.session, path, "Content-Length: " + (body.length + 10) + "\r\n",
                body, 700);
        assertThat(longCount.status()).as("the server waits for the ten missing bytes").isZero();
        assertThat(sim.repository(R).imports()).noneMatch(ImportRecord::accepted);
    }

    @Test
    void nonAsciiNamesTravelWhenTheLengthCountsBytes() throws Exception {
        String name = "Zürich Übertrag ✓";
        ObjectNode body = exported("Orders");
        ((ObjectNode) task(body).path("task")).put("name", name);
        assertThat(des.importTask(R, name, body.toString()).statusCode()).isEqualTo(200);
        assertThat(des.details(R, name).path("name").asText()).isEqualTo(name);
    }

    @Test
    void overridetaskIsIgnored() throws Exception {
        ObjectNode body = exported("Orders");
        tables(body).removeAll();
        HttpResponse<String> r = des.post("/servers/" + R + "/tasks/Orders?action=import&overridetask=true",
                body.toString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(tableNames(exported("Orders"))).hasSize(4);
    }

    @Test
    void withoutVersionTheTaskSettingsOfTheFileAreNotApplied() throws Exception {
        ObjectNode body = exported("Orders");
        body.remove("_version");
        ((ObjectNode) task(body).path("task_settings").path("common_settings")).put("full_load_sub_tasks", 2);
        tables(body).addObject().put("owner", "dbo").put("name", "EXTRA");
        assertThat(des.importTask(R, "Orders", body.toString()).statusCode()).isEqualTo(200);
        JsonNode after = exported("Orders");
        assertThat(task(after).path("task_settings").path("common_settings").path("full_load_sub_tasks").asInt())
                .isEqualTo(5);
        assertThat(tableNames(after)).contains("EXTRA");
        assertThat(sim.repository(R).imports()).singleElement()
                .satisfies(i -> assertThat(i.versionGiven()).isFalse());
    }

    @Test
    void theJournalKeepsImportBodiesWithoutTheirSecrets() throws Exception {
        ObjectNode body = exported("Orders");
        ObjectNode settings = (ObjectNode) body.path("cmd.replication_definition").path("databases").get(0)
                .path("db_settings");
        String cipher = settings.path("password").asText();
        settings.put("password", "Clear-Text-Pw-4711");
        settings.put("proxyPassword", cipher);
        assertThat(des.importTask(R, "Orders", body.toString()).statusCode()).isEqualTo(200);
        JournalEntry entry = sim.journal().entries().stream().filter(JournalEntry::isImport).findFirst().orElseThrow();
        assertThat(entry.body()).contains("<redacted>").contains("ORDERS_01")
                .doesNotContain("Clear-Text-Pw-4711").doesNotContain(cipher);
        SecretScan.assertClean("the journal", sim.journal().entries().toString());
        assertThat(sim.repository(R).secretMatches("Source-DB", "password", "Clear-Text-Pw-4711")).isTrue();
        assertThat(sim.repository(R).endpoint("Source-DB").orElseThrow()).doesNotContain("Clear-Text-Pw-4711")
                .contains("\"password\" : \"<secret:");
    }
}
