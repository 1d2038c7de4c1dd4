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

/**
 * TestEndpoint: CONNECTED only with the secret the endpoint's database expects, ERROR with a message that never quotes
 * a secret, AEM's timeout for a host it cannot reach, and the answer's key as each AEM release gives it.
 */
class TestEndpointTest {
    private static final String R = "R";
    private static final String DB_PASSWORD = "orders-Db-Pw-1";
    private static final String WRONG = "not-The-Pw-2";
    private static final String ROTATED = "rotated-Db-Pw-3";
    private AemSimulator sim;
    private RawClient des;

    @BeforeEach
    void start() throws Exception {
        SimTaskSpec fast = SimTaskSpec.named("Orders").startDuration(Duration.ZERO).stopDuration(Duration.ZERO);
        sim = AemSimulator.builder().seed(7L).designer("des", "des-pass-1")
                .user("ops", "ops-pass-1", Role.DESIGNER, Role.OPERATOR)
                .server(SimServer.replicate(R).task(fast).endpoint("{\"name\":\"Source-DB\",\"role\":\"SOURCE\","
                        + "\"type_id\":\"SQL_SERVER_COMPONENT_TYPE\",\"db_settings\":{\"$type\":\"SqlServerSettings\","
                        + "\"server\":\"sql.example.internal\",\"username\":\"repl\",\"password\":\"" + DB_PASSWORD + "\"}}"))
                .server(SimServer.compose("C").task(SimTaskSpec.named("Load", "DWH")))
                .start();
        des = new RawClient(sim).loggedIn("des", "des-pass-1");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private void importSourcePassword(String password) throws Exception {
        ObjectNode doc = (ObjectNode) des.exported(R, "Orders");
        ((ObjectNode) doc.path("cmd.replication_definition").path("databases").get(0).path("db_settings"))
                .put("password", password);
        assertThat(des.importTask(R, "Orders", doc.toString()).statusCode()).isEqualTo(200);
    }

    @Test
    void connectedOnlyWithTheSecretTheDatabaseExpects() throws Exception {
        JsonNode ok = RawClient.json(des.testEndpoint(R, "Source-DB", "&timeout=5"));
        assertThat(ok.path("requeststate").asText()).isEqualTo("CONNECTED");

        importSourcePassword(WRONG);
        HttpResponse<String> refused = des.testEndpoint(R, "Source-DB", "&timeout=5");
        assertThat(refused.statusCode()).isEqualTo(200);
        JsonNode error = RawClient.json(refused);
        assertThat(error.path("requeststate").asText()).isEqualTo("ERROR");
        assertThat(error.path("message").asText()).isEqualTo("Test connection to endpoint 'Source-DB' failed.");
        assertThat(error.path("detailed_message").asText()).contains("the database refused the login of user 'repl'")
                .doesNotContain(WRONG).doesNotContain(DB_PASSWORD);
        assertThat(sim.task(R, "Orders").state()).isEqualTo("STOPPED");
        assertThat(des.run(R, "Orders", "&timeout=5").body()).as("a run meets the same database").contains("ERROR");

        // The DBA changed the password: the one the import brought is now the right one.
        sim.repository(R).endpoints().databaseSecret("Source-DB", "password", WRONG);
        assertThat(RawClient.json(des.testEndpoint(R, "Source-DB", "")).path("requeststate").asText()).isEqualTo("CONNECTED");
        sim.repository(R).endpoints().databaseSecret("Source-DB", "password", ROTATED);
        assertThat(RawClient.json(des.testEndpoint(R, "Source-DB", "")).path("requeststate").asText()).isEqualTo("ERROR");
        // While the old password stays valid besides the new one, both log in.
        sim.repository(R).endpoints().databaseAlsoAccepts("Source-DB", "password", WRONG);
        assertThat(RawClient.json(des.testEndpoint(R, "Source-DB", "")).path("requeststate").asText()).isEqualTo("CONNECTED");
    }

    @Test
    void anEndpointNothingDescribesTakesAnySecretThisServerCanDecryptButNoForeignOne() throws Exception {
        assertThat(RawClient.json(des.testEndpoint(R, "Target-DB", "")).path("requeststate").asText()).isEqualTo("CONNECTED");
        ObjectNode doc = (ObjectNode) des.exported(R, "Orders");
        ((ObjectNode) doc.path("cmd.replication_definition").path("databases").get(1).path("db_settings"))
                .put("password", "{ZAAAA0000BBBB1111CCCC2222DDDD3333EEEE4444FFFF5555}");
        assertThat(des.importTask(R, "Orders", doc.toString()).statusCode()).isEqualTo(200);
        JsonNode broken = RawClient.json(des.testEndpoint(R, "Target-DB", ""));
        assertThat(broken.path("requeststate").asText()).isEqualTo("ERROR");
        assertThat(broken.path("detailed_message").asText()).contains("the value of 'password' cannot be decrypted on this server");
    }

    @Test
    void aHostAemCannotReachAnswersTheTimeoutOnceItHasPassed() throws Exception {
        sim.repository(R).endpoints().hostReachable("sql.example.internal", false);
        long t0 = System.nanoTime();
        HttpResponse<String> r = des.testEndpoint(R, "Source-DB", "&timeout=1");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(990));
        assertError(r, 500, "AEM_TEST_ENDPOINT_CONNECTION_TIMEOUT");
        assertThat(RawClient.json(r).path("error_message").asText()).contains("sql.example.internal");
        assertThat(des.run(R, "Orders", "&timeout=5").body()).contains("ERROR");
        sim.repository(R).endpoints().hostReachable("sql.example.internal", true);
        assertThat(RawClient.json(des.testEndpoint(R, "Source-DB", "&timeout=1")).path("requeststate").asText())
                .isEqualTo("CONNECTED");
    }

    @Test
    void refusalsOfTheCall() throws Exception {
        assertError(des.testEndpoint(R, "Nope-DB", ""), 500, "AEM_ENDPOINT_NOT_FOUND");
        assertError(des.testEndpoint(R, "Source-DB", "&timeout=soon"), 400, "DESERIALIZE_TO_TYPE");
        assertError(des.testEndpoint("C", "Source-DB", ""), 500, "AEM_METHOD_NOT_SUPPORTED_VERSION");
        assertError(des.testEndpoint("Nowhere", "Source-DB", ""), 500, "AEM_SERVER_NOT_FOUND");
        RawClient ops = new RawClient(sim).loggedIn("ops", "ops-pass-1");
        assertError(ops.testEndpoint(R, "Source-DB", ""), 403, "UNAUTHORIZED_REQUEST");
    }

    @Test
    void eachReleaseNamesTheResultItsOwnWayAndOldReleasesHaveNoSuchCall() throws Exception {
        sim.testEndpointShape(TestEndpointShape.STATUS);
        JsonNode status = RawClient.json(des.testEndpoint(R, "Source-DB", ""));
        assertThat(status.path("status").asText()).isEqualTo("CONNECTED");
        assertThat(status.has("requeststate")).isFalse();
        sim.testEndpointShape(TestEndpointShape.STATE);
        assertThat(RawClient.json(des.testEndpoint(R, "Source-DB", "")).path("state").asText()).isEqualTo("CONNECTED");
        sim.testEndpointShape(TestEndpointShape.ABSENT);
        assertError(des.testEndpoint(R, "Source-DB", ""), 404, "NOT_FOUND");
    }

    @Test
    void taskDetailsNameTheEndpointsTheTaskUses() throws Exception {
        JsonNode details = des.details(R, "Orders");
        assertThat(details.path("source_endpoint").path("name").asText()).isEqualTo("Source-DB");
        assertThat(details.path("source_endpoint").path("type").asText()).isEqualTo("SQL_SERVER");
        assertThat(details.path("target_endpoint").path("name").asText()).isEqualTo("Target-DB");
    }
}
