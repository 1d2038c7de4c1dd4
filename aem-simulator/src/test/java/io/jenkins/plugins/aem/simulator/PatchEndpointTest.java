package io.jenkins.plugins.aem.simulator;

import static io.jenkins.plugins.aem.simulator.ExportTaskTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PatchEndpoint: JSON-Patch on {@code /db_settings/...}, all or nothing, secrets encrypted as on import, a
 * {@code {Z...}} taken literally, {@code $type} fixed, and a running task keeping its secret until it is run again.
 */
class PatchEndpointTest {
    private static final String R = "R";
    private static final String NEW_PASSWORD = "patched-Pw-4711";
    private AemSimulator sim;
    private RawClient des;

    @BeforeEach
    void start() throws Exception {
        SimTaskSpec fast = SimTaskSpec.named("Orders").startDuration(Duration.ZERO).stopDuration(Duration.ZERO);
        sim = AemSimulator.builder().seed(8L).designer("des", "des-pass-1")
                .user("ops", "ops-pass-1", Role.DESIGNER, Role.OPERATOR)
                .server(SimServer.replicate(R).task(fast)).start();
        des = new RawClient(sim).loggedIn("des", "des-pass-1");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static String replacePassword(String value) {
        return "[{\"op\":\"replace\",\"path\":\"/db_settings/password\",\"value\":\"" + value + "\"}]";
    }

    private EndpointStore endpoints() {
        return sim.repository(R).endpoints();
    }

    @Test
    void aSecretIsEncryptedAsOnImportAndReachesARunningTaskOnlyWhenItRunsAgain() throws Exception {
        assertThat(des.run(R, "Orders", "&timeout=5").body()).contains("RUNNING");
        assertThat(des.patch(R, "Source-DB", replacePassword(NEW_PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(endpoints().secretMatches("Source-DB", "password", NEW_PASSWORD)).isTrue();
        JsonNode exported = des.exported(R, "Orders").path("cmd.replication_definition").path("databases").get(0);
        assertThat(exported.path("db_settings").path("password").asText()).startsWith("{Z");
        assertThat(sim.journal().entries()).filteredOn(e -> e.kind() == RequestKind.PATCH_ENDPOINT).singleElement()
                .satisfies(e -> assertThat(e.body()).contains("<redacted>").doesNotContain(NEW_PASSWORD));
        assertThat(endpoints().patches()).singleElement().satisfies(p -> {
            assertThat(p.accepted()).isTrue();
            assertThat(p.paths()).containsExactly("replace /db_settings/password");
        });

        assertThat(sim.repository(R).runningSecretMatches("Orders", "Source-DB", "password", NEW_PASSWORD)).isFalse();
        des.stop(R, "Orders", "&timeout=5");
        assertThat(des.run(R, "Orders", "&timeout=5").body()).contains("RUNNING");
        assertThat(sim.repository(R).runningSecretMatches("Orders", "Source-DB", "password", NEW_PASSWORD)).isTrue();
    }

    @Test
    void addRemoveAndTestWorkOnSettingsAndARefusedPatchChangesNothing() throws Exception {
        String before = endpoints().endpoint("Source-DB").orElseThrow();
        assertThat(des.patch(R, "Source-DB", "[{\"op\":\"test\",\"path\":\"/db_settings/username\",\"value\":\"replicate\"},"
                + "{\"op\":\"add\",\"path\":\"/db_settings/server\",\"value\":\"prod-sql\"},"
                + "{\"op\":\"remove\",\"path\":\"/db_settings/username\"}]").statusCode()).isEqualTo(200);
        String after = endpoints().endpoint("Source-DB").orElseThrow();
        assertThat(after).contains("\"server\" : \"prod-sql\"").doesNotContain("username");

        for (String bad : new String[] {
            "[{\"op\":\"move\",\"from\":\"/db_settings/server\",\"path\":\"/db_settings/host\"}]",
            "[{\"op\":\"copy\",\"from\":\"/db_settings/server\",\"path\":\"/db_settings/host\"}]",
            "[{\"op\":\"replace\",\"path\":\"/db_settings/$type\",\"value\":\"OracleSettings\"}]",
            "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"Other\"}]",
            "[{\"op\":\"replace\",\"path\":\"/db_settings/nothing_here\",\"value\":1}]",
            "[{\"op\":\"add\",\"path\":\"/db_settings/server\",\"value\":\"x\"},"
                    + "{\"op\":\"test\",\"path\":\"/db_settings/server\",\"value\":\"y\"}]",
            "{\"op\":\"add\"}", "not json"}) {
            assertError(des.patch(R, "Source-DB", bad), 500, "AEM_PATCH_ENDPOINT_INNER_ERR");
        }
        assertThat(endpoints().endpoint("Source-DB").orElseThrow()).isEqualTo(after).isNotEqualTo(before);
        assertThat(endpoints().patches()).hasSize(9).filteredOn(PatchRecord::accepted).hasSize(1);
    }

    @Test
    void ciphertextSentThroughAPatchIsTakenAsTheSecretItself() throws Exception {
        String own = des.exported(R, "Orders").path("cmd.replication_definition").path("databases").get(0)
                .path("db_settings").path("password").asText();
        assertThat(des.patch(R, "Source-DB", replacePassword(own)).statusCode()).isEqualTo(200);
        assertThat(endpoints().secretMatches("Source-DB", "password", own)).isTrue();
        JsonNode test = RawClient.json(des.testEndpoint(R, "Source-DB", ""));
        assertThat(test.path("requeststate").asText()).isEqualTo("ERROR");
        assertThat(des.run(R, "Orders", "&timeout=5").body()).contains("ERROR");
    }

    @Test
    void refusalsOfTheCall() throws Exception {
        assertError(des.patch(R, "Nope-DB", replacePassword("x-Pw-1")), 500, "AEM_ENDPOINT_NOT_FOUND");
        RawClient ops = new RawClient(sim).loggedIn("ops", "ops-pass-1");
        assertError(ops.patch(R, "Source-DB", replacePassword("x-Pw-2")), 403, "UNAUTHORIZED_REQUEST");
        var chunked = des.send(HttpRequest.newBuilder(URI.create(sim.apiBaseUrl() + "/servers/R/endpoints/Source-DB"))
                .header(RawClient.SESSION, des.session).method("PATCH", HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(replacePassword("x-Pw-3").getBytes()))));
        assertThat(chunked.statusCode()).isEqualTo(411);
        assertThat(endpoints().patches()).isEmpty();
    }
}
