package io.jenkins.plugins.aem.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Endpoint secrets are encrypted with a per-server master key: clear text and this server's {Z...} values work, a
 * foreign or malformed {Z...} value is stored but breaks the endpoint, and a task using it fails on its next run.
 */
class EndpointSecretsTest {
    private static final String DEV = "Dev";
    private static final String PROD = "Prod";
    private AemSimulator sim;
    private RawClient des;

    @BeforeEach
    void start() throws Exception {
        SimTaskSpec fast = SimTaskSpec.named("Orders").startDuration(Duration.ZERO).stopDuration(Duration.ZERO);
        sim = AemSimulator.builder().seed(3L).designer("des", "des-pass-1")
                .server(SimServer.replicate(DEV).task(fast))
                .server(SimServer.replicate(PROD).task(fast.copy()))
                .server(SimServer.replicate("Shared-A").masterKey("one mk.dat").task(fast.copy()))
                .server(SimServer.replicate("Shared-B").masterKey("one mk.dat").task(fast.copy()))
                .start();
        des = new RawClient(sim).loggedIn("des", "des-pass-1");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static ObjectNode sourceSettings(JsonNode doc) {
        return (ObjectNode) doc.path("cmd.replication_definition").path("databases").get(0).path("db_settings");
    }

    @Test
    void aServersOwnEncryptedValueComesBackIntact() throws Exception {
        JsonNode backup = des.exported(PROD, "Orders");
        assertThat(des.importTask(PROD, "Orders", backup.toString()).statusCode()).isEqualTo(200);
        assertThat(sim.repository(PROD).endpointBroken("Source-DB")).isFalse();
        assertThat(des.run(PROD, "Orders", "&timeout=5").body()).contains("RUNNING");
    }

    @Test
    void clearTextIsEncryptedWithThisServersKey() throws Exception {
        ObjectNode body = (ObjectNode) des.exported(PROD, "Orders");
        sourceSettings(body).put("password", "Prod-Source-Pw-1");
        assertThat(des.importTask(PROD, "Orders", body.toString()).statusCode()).isEqualTo(200);
        ServerRepository prod = sim.repository(PROD);
        assertThat(prod.secretMatches("Source-DB", "password", "Prod-Source-Pw-1")).isTrue();
        assertThat(sourceSettings(des.exported(PROD, "Orders")).path("password").asText()).startsWith("{Z");
        assertThat(prod.endpointBroken("Source-DB")).isFalse();
    }

    @Test
    void aForeignEncryptedValueBreaksTheEndpointAndTheNextRun() throws Exception {
        JsonNode fromDev = des.exported(DEV, "Orders");
        assertThat(des.importTask(PROD, "Orders", fromDev.toString()).statusCode())
                .as("AEM stores what it cannot decrypt").isEqualTo(200);
        ServerRepository prod = sim.repository(PROD);
        assertThat(prod.endpointBroken("Source-DB")).isTrue();
        assertThat(prod.definition("Orders").orElseThrow()).contains("<undecryptable:");
        assertThat(sourceSettings(des.exported(PROD, "Orders")).path("password").asText())
                .as("exported as stored: AEM cannot re-encrypt what it cannot read")
                .isEqualTo(sourceSettings(fromDev).path("password").asText());

        JsonNode answer = RawClient.json(des.run(PROD, "Orders", "&timeout=5"));
        assertThat(answer.path("state").asText()).isEqualTo("ERROR");
        JsonNode details = des.details(PROD, "Orders");
        assertThat(details.path("task_stop_reason").asText()).isEqualTo("FATAL_ERROR");
        assertThat(details.path("message").asText()).contains("Source-DB").contains("password")
                .contains("cannot be decrypted");

        ObjectNode fix = (ObjectNode) des.exported(PROD, "Orders");
        sourceSettings(fix).put("password", "Prod-Source-Pw-2");
        ((ObjectNode) fix.path("cmd.replication_definition").path("databases").get(1)).removeAll()
                .put("name", "Target-DB").putObject("db_settings");
        assertThat(des.importTask(PROD, "Orders", fix.toString()).statusCode()).isEqualTo(200);
        assertThat(prod.endpointBroken("Source-DB")).isFalse();
        assertThat(prod.endpointBroken("Target-DB")).isTrue();
    }

    @Test
    void aMalformedEncryptedValueBreaksTheEndpointToo() throws Exception {
        ObjectNode body = (ObjectNode) des.exported(PROD, "Orders");
        sourceSettings(body).put("password", "{Zxyz-not-hex}");
        des.importTask(PROD, "Orders", body.toString());
        assertThat(sim.repository(PROD).endpointBroken("Source-DB")).isTrue();
        assertThat(RawClient.json(des.run(PROD, "Orders", "&timeout=5")).path("state").asText()).isEqualTo("ERROR");
    }

    @Test
    void serversSharingAMasterKeyReadEachOthersSecrets() throws Exception {
        assertThat(des.importTask("Shared-B", "Orders", des.exported("Shared-A", "Orders").toString()).statusCode())
                .isEqualTo(200);
        assertThat(sim.repository("Shared-B").endpointBroken("Source-DB")).isFalse();
        assertThat(sim.repository("Shared-B").endpoint("Source-DB"))
                .isEqualTo(sim.repository("Shared-A").endpoint("Source-DB"));
    }

    @Test
    void aTaskWhoseEndpointsDoNotExistCannotRun() throws Exception {
        String[][] cases = {{"Missing-Src", "Target-DB", "AEM_RUN_TASK_NO_SRC"},
            {"Source-DB", "Missing-Trg", "AEM_RUN_TASK_TRG"}, {"Missing-Src", "Missing-Trg", "AEM_RUN_TASK_NO_SRC_NO_TRG"}};
        for (String[] c : cases) {
            String name = "T-" + c[2];
            ObjectNode body = (ObjectNode) des.exported(PROD, "Orders");
            ObjectNode head = (ObjectNode) body.path("cmd.replication_definition").path("tasks").get(0).path("task");
            head.put("name", name).put("source_name", c[0]).putArray("target_names").add(c[1]);
            ((ObjectNode) body.path("cmd.replication_definition")).remove("databases");
            assertThat(des.importTask(PROD, name, body.toString()).statusCode())
                    .as("AEM imports a task whose endpoints are missing").isEqualTo(200);
            ExportTaskTest.assertError(des.run(PROD, name, "&timeout=1"), 500, c[2]);
            assertThat(sim.task(PROD, name).state()).isEqualTo("STOPPED");
        }
    }

    @Test
    void getEndpointListShowsTheServersEndpointsToViewersOfAllEndpoints() throws Exception {
        ObjectNode body = (ObjectNode) des.exported(PROD, "Orders");
        ((ObjectNode) body.path("cmd.replication_definition").path("databases").get(0)).put("name", "Extra-DB");
        des.importTask(PROD, "Orders", body.toString());
        JsonNode list = RawClient.json(des.get("/servers/" + PROD + "/endpoints")).path("endpointList");
        assertThat(list.findValuesAsText("name")).containsExactly("Source-DB", "Target-DB", "Extra-DB");
        assertThat(list.get(0).path("role").asText()).isEqualTo("SOURCE");
        assertThat(list.get(0).path("type").asText()).isEqualTo("SQL_SERVER");
        assertThat(list.get(0).path("is_licensed").asBoolean()).isTrue();
        try (AemSimulator other = AemSimulator.builder().taskOperator("ci", "ci-pass-1", "T").viewer("v", "v-pass-1")
                .server(SimServer.replicate("R").task(SimTaskSpec.named("T")))
                .server(SimServer.compose("C").task(SimTaskSpec.named("L", "P"))).start()) {
            ExportTaskTest.assertError(new RawClient(other).loggedIn("ci", "ci-pass-1").get("/servers/R/endpoints"),
                    403, "UNAUTHORIZED_REQUEST");
            RawClient viewer = new RawClient(other).loggedIn("v", "v-pass-1");
            assertThat(viewer.get("/servers/R/endpoints").statusCode()).isEqualTo(200);
            ExportTaskTest.assertError(viewer.get("/servers/C/endpoints"), 500, "AEM_METHOD_NOT_SUPPORTED_VERSION");
        }
    }

    @Test
    void endpointsAreSharedByTheTasksOfAServer() throws Exception {
        ObjectNode other = (ObjectNode) des.exported(PROD, "Orders");
        ((ObjectNode) other.path("cmd.replication_definition").path("tasks").get(0).path("task")).put("name", "Other");
        sourceSettings(other).put("server", "sql2.example.internal");
        assertThat(des.importTask(PROD, "Other", other.toString()).statusCode()).isEqualTo(200);
        assertThat(sourceSettings(des.exported(PROD, "Orders")).path("server").asText())
                .as("the endpoint belongs to the server, not to the task").isEqualTo("sql2.example.internal");
        assertThat(sim.repository(PROD).endpointNames()).containsExactly("Source-DB", "Target-DB");
    }
}
