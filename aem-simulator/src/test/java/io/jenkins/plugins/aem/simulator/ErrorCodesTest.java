package io.jenkins.plugins.aem.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorCodesTest {
    private static final String R = "Replicate-1";
    private AemSimulator sim;
    private RawClient client;

    @BeforeEach
    void start() throws Exception {
        sim = AemSimulator.builder().user("admin", "pw").viewer("viewer", "vpw")
                .server(SimServer.replicate(R)
                        .task(SimTaskSpec.named("T").startDuration(Duration.ZERO).stopDuration(Duration.ZERO)))
                .server(SimServer.replicate("Off").state("NOT_MONITORED").task(SimTaskSpec.named("T")))
                .server(SimServer.replicate("Down").state("ERROR", "connection refused by replicate:3552")
                        .task(SimTaskSpec.named("T")))
                .start();
        client = new RawClient(sim).loggedIn("admin", "pw");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private void assertError(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(r.headers().firstValue("Server")).contains("Microsoft-HTTPAPI/2.0");
        assertThat(RawClient.code(r)).isEqualTo(code);
        assertThat(RawClient.json(r).path("error_message").asText()).isNotBlank();
    }

    @Test
    void authenticationAndRoleErrors() throws Exception {
        assertError(new RawClient(sim).login("admin", "wrong"), 401, "UNAUTHORIZED_REQUEST");
        assertError(new RawClient(sim).get("/servers"), 401, "INVALID_SESSION_ID");
        RawClient viewer = new RawClient(sim).loggedIn("viewer", "vpw");
        assertThat(viewer.get("/servers").statusCode()).isEqualTo(200);
        assertError(viewer.run(R, "T", "&timeout=1"), 403, "UNAUTHORIZED_REQUEST");
        assertError(viewer.stop(R, "T", "&timeout=1"), 403, "UNAUTHORIZED_REQUEST");
        assertThat(sim.task(R, "T").commands()).allMatch(c -> !c.accepted());
        assertThat(sim.task(R, "T").state()).isEqualTo("STOPPED");
    }

    @Test
    void serverAndTaskLookupErrors() throws Exception {
        assertError(client.get("/servers/Nope"), 500, "AEM_SERVER_NOT_FOUND");
        assertError(client.get("/servers/Nope/tasks"), 500, "AEM_SERVER_NOT_FOUND");
        assertError(client.get("/servers/" + R + "/tasks/Nope"), 500, "AEM_TASK_NOT_FOUND");
        assertError(client.run(R, "Nope", ""), 500, "AEM_TASK_NOT_FOUND");
        assertError(client.get("/servers/Off/tasks/T"), 500, "AEM_SERVER_NOT_MONITORED");
        assertError(client.run("Off", "T", ""), 500, "AEM_SERVER_NOT_MONITORED");
        HttpResponse<String> down = client.get("/servers/Down/tasks");
        assertError(down, 500, "AEM_SERVER_NOT_CONNECTED");
        assertThat(RawClient.json(down).path("error_message").asText()).contains("connection refused by replicate:3552");
        assertThat(client.get("/servers/Down").statusCode()).isEqualTo(200); // details still answer
    }

    @Test
    void runOptionAndPositionErrors() throws Exception {
        assertError(client.run(R, "T", "&option=BOGUS"), 400, "DESERIALIZE_TO_TYPE");
        assertError(client.post("/servers/" + R + "/tasks/T?action=run&option=RELOAD_TARGET", "{not json"), 400,
                "DESERIALIZE_TO_TYPE");
        assertError(client.post("/servers/" + R + "/tasks/T?action=run&option=RELOAD_TARGET",
                "{\"cdcposition\":\"2024-01-01T00:00:00\"}"), 500, "AEM_WRONG_OPTION_FOR_CDCPOSITION");
        String ts = "/servers/" + R + "/tasks/T?action=run&option=RESUME_PROCESSING_FROM_TIMESTAMP&timeout=1";
        assertError(client.post(ts, null), 500, "AEM_CDC_POSITION_ERR_FORMAT");
        assertError(client.post(ts, "{\"cdcposition\":\"2024-01-01 00:00:00\"}"), 500, "AEM_CDC_POSITION_ERR_FORMAT");
        assertError(client.post(ts, "{\"cdcposition\":\"2024-13-01T00:00:00\"}"), 500, "AEM_CDC_POSITION_ERR_FORMAT");
        assertError(client.post("/servers/" + R + "/tasks/T?action=run&option=RECOVER_USING_CHECKPOINT_STORED_ON_TARGET",
                "{\"cdcposition\":\"\"}"), 500, "AEM_CDC_POSITION_ERR_FORMAT");
        assertError(client.post("/servers/" + R + "/tasks/T?action=run&option=RESUME_PROCESSING_FROM_POSITION", null),
                500, "AEM_CDC_POSITION_ERR_FORMAT");
        assertThat(sim.task(R, "T").state()).isEqualTo("STOPPED");
        HttpResponse<String> ok = client.post(ts, "{\"cdcposition\":\"2024-01-01T00:00:00\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(sim.task(R, "T").commands()).last().satisfies(c -> {
            assertThat(c.cdcPosition()).isEqualTo("2024-01-01T00:00:00");
            assertThat(c.accepted()).isTrue();
        });
    }

    @Test
    void stateErrors() throws Exception {
        assertError(client.stop(R, "T", "&timeout=1"), 500, "AEM_TASK_ALREADY_STOPPED");
        assertThat(client.run(R, "T", "&timeout=1").statusCode()).isEqualTo(200);
        assertError(client.run(R, "T", "&timeout=1"), 500, "AEM_TASK_ALREADY_RUNNING");
        sim.task(R, "T").setState("RECOVERY", "RECOVERABLE_ERROR", "retrying");
        assertError(client.run(R, "T", "&timeout=1"), 500, "AEM_TASK_IN_RECOVERY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AEM_RUN_TASK_INNER_ERR", "AEM_RUN_TASK_NO_SRC_NO_TRG", "AEM_RUN_TASK_NO_SRC",
        "AEM_RUN_TASK_TRG", "AEM_RUN_TASK_NOT_FL_NOR_CDC", "AEM_RUN_BIDI_TASK_NO_FL_NOR_CDC",
        "AEM_SERVER_LICENSE_EXPIRED", "AEM_SERVER_INVALID_LICENSE", "LICENSE_NOT_FOUND",
        "LICENSE_NOT_FOUND_CONTACT_ADMIN"})
    void configuredRunErrorsRefuseTheCommand(String code) throws Exception {
        sim.task(R, "T").spec().runError(code);
        assertError(client.run(R, "T", "&timeout=1"), 500, code);
        assertError(client.run(R, "T", "&timeout=1"), 500, code); // "always"
        assertThat(sim.task(R, "T").state()).isEqualTo("STOPPED");
        assertThat(sim.task(R, "T").commands()).extracting(CommandRecord::errorCode).containsOnly(code);
        assertThat(sim.task(R, "T").commands()).noneMatch(CommandRecord::accepted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AEM_STOP_TASK_INNER_ERR", "AEM_SERVER_LICENSE_EXPIRED"})
    void configuredStopErrorsOnceThenNormal(String code) throws Exception {
        client.run(R, "T", "&timeout=1");
        sim.task(R, "T").spec().stopErrorOnce(code);
        assertError(client.stop(R, "T", "&timeout=1"), 500, code);
        assertThat(sim.task(R, "T").state()).isEqualTo("RUNNING");
        assertThat(client.stop(R, "T", "&timeout=1").body()).contains("STOPPED");
    }

    @Test
    void injectedTimeoutCodesStillCarryOutTheCommand() throws Exception {
        sim.task(R, "T").spec().runErrorOnce("AEM_RUN_TASK_TIMEOUT");
        assertError(client.run(R, "T", "&timeout=1"), 500, "AEM_RUN_TASK_TIMEOUT");
        assertThat(sim.task(R, "T").awaitState("RUNNING", Duration.ofSeconds(1))).isTrue();
        sim.task(R, "T").spec().stopError("AEM_STOP_TASK_TIMEOUT");
        assertError(client.stop(R, "T", "&timeout=1"), 500, "AEM_STOP_TASK_TIMEOUT");
        assertThat(sim.task(R, "T").awaitState("STOPPED", Duration.ofSeconds(1))).isTrue();
        assertThat(sim.task(R, "T").commands()).allMatch(CommandRecord::accepted);
    }

    @Test
    void unknownActionAndBadTimeoutAreDeserializeErrors() throws Exception {
        assertError(client.post("/servers/" + R + "/tasks/T?action=pause", null), 400, "DESERIALIZE_TO_TYPE");
        assertError(client.run(R, "T", "&timeout=soon"), 400, "DESERIALIZE_TO_TYPE");
    }
}
