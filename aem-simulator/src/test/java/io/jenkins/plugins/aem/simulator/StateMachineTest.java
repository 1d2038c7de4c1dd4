package io.jenkins.plugins.aem.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StateMachineTest {
    private static final String R = "Replicate-1";
    private AemSimulator sim;
    private RawClient client;

    @BeforeEach
    void start() throws Exception {
        sim = AemSimulator.builder().user("admin", "pw").seed(1L)
                .server(SimServer.replicate(R)
                        .task(SimTaskSpec.named("Orders").startDuration(Duration.ofMillis(150))
                                .stopDuration(Duration.ofMillis(150)).fullLoadDuration(Duration.ofMillis(100)))
                        .task(SimTaskSpec.named("FullLoad").startDuration(Duration.ofMillis(50))
                                .fullLoadDuration(Duration.ofMillis(200)).fullLoadOnly(true))
                        .task(SimTaskSpec.named("Broken").startDuration(Duration.ofMillis(50)).failOnRun("source is down"))
                        .task(SimTaskSpec.named("Flaky").startDuration(Duration.ofMillis(50))
                                .recovery(Duration.ofMillis(100), Duration.ofMillis(200)))
                        .task(SimTaskSpec.named("Doomed").startDuration(Duration.ofMillis(50))
                                .recovery(Duration.ofMillis(50), Duration.ofMillis(100)).recoveryEndsInError(true))
                        .task(SimTaskSpec.named("Laggy").startDuration(Duration.ofMillis(50)).lag(Duration.ofMillis(600)))
                        .task(SimTaskSpec.named("Starter").startDuration(Duration.ofMillis(400)).startingState("STARTING")
                                .stoppingState("STOPPING").stopDuration(Duration.ofMillis(400)))
                        .task(SimTaskSpec.named("Old").initialState("STOPPED", "FATAL_ERROR", "old failure")
                                .startDuration(Duration.ofMillis(100))))
                .server(SimServer.compose("Compose-1").task(SimTaskSpec.named("Load", "DWH")
                        .startDuration(Duration.ofMillis(50)).fullLoadDuration(Duration.ofMillis(100)).fullLoadOnly(true)))
                .start();
        client = new RawClient(sim).loggedIn("admin", "pw");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void runThenStopFollowsTheDurationsAndRecordsTheGroundTruth() throws Exception {
        HttpResponse<String> run = client.run(R, "Orders", "&option=RESUME_PROCESSING&timeout=5");
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(run.body()).isEqualTo("{\"state\":\"RUNNING\",\"error_message\":\"\"}");
        JsonNode d = client.details(R, "Orders");
        assertThat(d.path("state").asText()).isEqualTo("RUNNING");
        assertThat(d.path("memory_mb").asInt()).isPositive();
        assertThat(sim.task(R, "Orders").awaitState("RUNNING", Duration.ofSeconds(1))).isTrue();
        Thread.sleep(200); // let the 100 ms full load finish before stopping

        HttpResponse<String> stop = client.stop(R, "Orders", "&timeout=5");
        assertThat(stop.body()).isEqualTo("{\"state\":\"STOPPED\",\"error_message\":\"\"}");
        d = client.details(R, "Orders");
        assertThat(d.path("task_stop_reason").asText()).isEqualTo("NORMAL");
        assertThat(d.path("memory_mb").asInt()).isZero();
        assertThat(d.path("full_load_completed").asBoolean()).isTrue();

        SimTask t = sim.task(R, "Orders");
        assertThat(t.history()).extracting(StateChange::state).containsExactly("STOPPED", "RUNNING", "STOPPED");
        List<StateChange> h = t.history();
        assertThat(Duration.between(h.get(0).at(), h.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(140));
        assertThat(t.commands()).extracting(CommandRecord::action).containsExactly("run", "stop");
        CommandRecord first = t.commands().get(0);
        assertThat(first.option()).isEqualTo("RESUME_PROCESSING");
        assertThat(first.timeoutSeconds()).isEqualTo(5);
        assertThat(first.sessionAlias()).isEqualTo("s1");
        assertThat(first.user()).isEqualTo("admin");
        assertThat(first.accepted()).isTrue();
    }

    @Test
    void fullLoadOnlyTaskStopsWithFullLoadOnlyFinished() throws Exception {
        assertThat(client.run(R, "FullLoad", "&option=RELOAD_TARGET&timeout=5").body()).contains("\"RUNNING\"");
        JsonNode during = client.details(R, "FullLoad");
        assertThat(during.path("full_load_completed").asBoolean()).isFalse();
        assertThat(during.path("full_load_counters").path("tables_queued_count").asInt()
                + during.path("full_load_counters").path("tables_loading_count").asInt()).isPositive();
        assertThat(sim.task(R, "FullLoad").awaitState("STOPPED", Duration.ofSeconds(2))).isTrue();
        JsonNode d = client.details(R, "FullLoad");
        assertThat(d.path("task_stop_reason").asText()).isEqualTo("FULL_LOAD_ONLY_FINISHED");
        assertThat(d.path("full_load_completed").asBoolean()).isTrue();
        assertThat(d.path("full_load_counters").path("tables_completed_count").asInt()).isEqualTo(10);
        assertThat(d.path("full_load_counters").path("tables_queued_count").asInt()).isZero();
        assertThat(d.path("options").path("apply_changes_enabled").asBoolean()).isFalse();
    }

    @Test
    void failOnRunEndsInErrorWithTheMessage() throws Exception {
        HttpResponse<String> run = client.run(R, "Broken", "&timeout=5");
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(RawClient.json(run).path("state").asText()).isEqualTo("ERROR");
        assertThat(RawClient.json(run).path("error_message").asText()).isEqualTo("source is down");
        JsonNode d = client.details(R, "Broken");
        assertThat(d.path("task_stop_reason").asText()).isEqualTo("FATAL_ERROR");
        assertThat(d.path("message").asText()).isEqualTo("source is down");
    }

    @Test
    void recoveryGoesBackToRunningOrEndsInError() throws Exception {
        client.run(R, "Flaky", "&timeout=5");
        SimTask flaky = sim.task(R, "Flaky");
        assertThat(flaky.awaitState("RECOVERY", Duration.ofSeconds(2))).isTrue();
        assertThat(client.details(R, "Flaky").path("state").asText()).isEqualTo("RECOVERY");
        assertThat(RawClient.code(client.run(R, "Flaky", "&timeout=1"))).isEqualTo("AEM_TASK_IN_RECOVERY");
        assertThat(flaky.awaitState("RUNNING", Duration.ofSeconds(2))).isTrue();
        assertThat(flaky.history()).extracting(StateChange::state)
                .containsExactly("STOPPED", "RUNNING", "RECOVERY", "RUNNING");

        client.run(R, "Doomed", "&timeout=5");
        SimTask doomed = sim.task(R, "Doomed");
        assertThat(doomed.awaitState("ERROR", Duration.ofSeconds(2))).isTrue();
        assertThat(doomed.stopReason()).isEqualTo("FATAL_ERROR");
    }

    @Test
    void statusLagShowsThePreviousStateForAWhileButTheAnswerIsNotLagged() throws Exception {
        HttpResponse<String> run = client.run(R, "Laggy", "&timeout=5");
        assertThat(RawClient.json(run).path("state").asText()).isEqualTo("RUNNING");
        assertThat(client.details(R, "Laggy").path("state").asText()).isEqualTo("STOPPED");
        assertThat(client.get("/servers/" + R + "/tasks").body()).contains("{\"name\":\"Laggy\",\"state\":\"STOPPED\"");
        Thread.sleep(700);
        assertThat(client.details(R, "Laggy").path("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void transitionalWireValuesShowWhileStartingAndStopping() throws Exception {
        HttpResponse<String> run = client.run(R, "Starter", "&timeout=0");
        assertThat(RawClient.code(run)).isEqualTo("AEM_RUN_TASK_TIMEOUT");
        assertThat(client.details(R, "Starter").path("state").asText()).isEqualTo("STARTING");
        assertThat(RawClient.code(client.run(R, "Starter", "&timeout=1"))).isEqualTo("AEM_TASK_ALREADY_RUNNING");
        assertThat(sim.task(R, "Starter").awaitState("RUNNING", Duration.ofSeconds(2))).isTrue();
        client.stop(R, "Starter", "&timeout=0");
        assertThat(client.details(R, "Starter").path("state").asText()).isEqualTo("STOPPING");
        assertThat(sim.task(R, "Starter").awaitState("STOPPED", Duration.ofSeconds(2))).isTrue();
        assertThat(sim.task(R, "Starter").history()).extracting(StateChange::state)
                .containsExactly("STOPPED", "STARTING", "RUNNING", "STOPPING", "STOPPED");
    }

    @Test
    void initialStateKeepsAnOldStopReasonAndSetStateForcesAState() throws Exception {
        JsonNode d = client.details(R, "Old");
        assertThat(d.path("state").asText()).isEqualTo("STOPPED");
        assertThat(d.path("task_stop_reason").asText()).isEqualTo("FATAL_ERROR");
        assertThat(d.path("message").asText()).isEqualTo("old failure");
        sim.task(R, "Old").setState("ERROR", "FATAL_ERROR", "disk full");
        assertThat(client.details(R, "Old").path("state").asText()).isEqualTo("ERROR");
        assertThat(client.run(R, "Old", "&timeout=1").statusCode()).isEqualTo(200); // ERROR tasks can be run
    }

    @Test
    void composeTaskLoadsAndStopsWithLoadingCompleted() throws Exception {
        HttpResponse<String> run = client.run("Compose-1", "Load__DWH", "&option=ANYTHING&timeout=5");
        assertThat(run.statusCode()).isEqualTo(200); // Compose ignores the option
        assertThat(sim.task("Compose-1", "Load").awaitState("STOPPED", Duration.ofSeconds(2))).isTrue();
        JsonNode d = client.details("Compose-1", "Load__DWH");
        assertThat(d.path("name").asText()).isEqualTo("Load");
        assertThat(d.path("project").asText()).isEqualTo("DWH");
        assertThat(d.path("loading_completed").asBoolean()).isTrue();
        assertThat(d.path("loading_counters").path("tables_total_count").asInt()).isEqualTo(10);
        assertThat(client.get("/servers/Compose-1/tasks").body())
                .contains("{\"name\":\"Load__DWH\",\"state\":\"STOPPED\",\"stop_reason\":\"NONE\"");
    }
}
