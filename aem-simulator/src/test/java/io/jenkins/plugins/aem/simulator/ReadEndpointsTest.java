package io.jenkins.plugins.aem.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadEndpointsTest {
    private static final String[] NAMES = {"My Sample Task", "a#b", "100%", "x&y=z", "a+b", "Zürich-Übertrag ✓"};
    private AemSimulator sim;
    private RawClient client;

    @BeforeEach
    void start() throws Exception {
        SimServer server = SimServer.replicate("Local Server #1");
        for (String n : NAMES) {
            server.task(SimTaskSpec.named(n));
        }
        sim = AemSimulator.builder().user("admin", "pw").server(server)
                .server(SimServer.compose("Compose SRV - C4DW").task(SimTaskSpec.named("Load", "DWH")))
                .start();
        client = new RawClient(sim).loggedIn("admin", "pw");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void namesArePercentDecodedExactlyOnce() throws Exception {
        for (String n : NAMES) {
            JsonNode d = client.details("Local Server #1", n);
            assertThat(d.path("name").asText()).isEqualTo(n);
        }
        // a literal plus is a plus, not a space; a double-encoded name is not found
        assertThat(client.get("/servers/Local%20Server%20%231/tasks/a+b").statusCode()).isEqualTo(200);
        HttpResponse<String> doubled = client.get("/servers/Local%2520Server%2520%25231/tasks/a%2Bb");
        assertThat(RawClient.code(doubled)).isEqualTo("AEM_SERVER_NOT_FOUND");
        assertThat(sim.journal().entries()).last().satisfies(e ->
                assertThat(e.path()).endsWith("/servers/Local%20Server%20%231/tasks/a+b"));
    }

    @Test
    void serverListAndDetailsHaveTheDocumentedShape() throws Exception {
        JsonNode list = RawClient.json(client.get("/servers"));
        assertThat(list.path("serverList")).hasSize(2);
        JsonNode first = list.path("serverList").get(0);
        assertThat(first.path("$type").asText()).isEqualTo("ReplicateServerInfo");
        assertThat(first.path("state").asText()).isEqualTo("MONITORED");
        assertThat(first.fieldNames()).toIterable().contains("name", "description", "host", "port", "message",
                "platform", "version", "last_connection");
        assertThat(list.path("serverList").get(1).path("$type").asText()).isEqualTo("ComposeServerInfo");
        JsonNode details = RawClient.json(client.get("/servers/" + RawClient.seg("Local Server #1")));
        JsonNode d = details.path("server_details");
        assertThat(d.path("$type").asText()).isEqualTo("ReplicateServerDetails");
        assertThat(d.path("task_summary").path("total").asInt()).isEqualTo(NAMES.length);
        assertThat(d.path("task_summary").path("stopped").asInt()).isEqualTo(NAMES.length);
        assertThat(d.path("license").path("days_to_expiration").asInt()).isPositive();
    }

    @Test
    void wrappedShapeCanBeServed() throws Exception {
        assertThat(client.details("Local Server #1", "a#b").has("task")).isFalse();
        sim.detailsShape(DetailsShape.WRAPPED);
        JsonNode wrapped = client.details("Local Server #1", "a#b");
        assertThat(wrapped.path("task").path("state").asText()).isEqualTo("STOPPED");
        assertThat(wrapped.path("task").path("name").asText()).isEqualTo("a#b");
    }

    @Test
    void unknownPathsAnswer404() throws Exception {
        assertThat(client.get("/nothing").statusCode()).isEqualTo(404);
        assertThat(client.get("/servers/x/y/z/w/v").statusCode()).isEqualTo(404);
        assertThat(client.get("/servers/" + RawClient.seg("Local Server #1") + "?action=export").statusCode())
                .as("ExportAll is not simulated").isEqualTo(404);
    }
}
