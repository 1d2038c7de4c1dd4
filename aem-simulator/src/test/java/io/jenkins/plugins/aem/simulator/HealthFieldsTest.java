package io.jenkins.plugins.aem.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.aem.simulator.SimHealthSpec.HealthField;
import io.jenkins.plugins.aem.simulator.SimHealthSpec.LatencyFormat;
import io.jenkins.plugins.aem.simulator.config.SimulatorConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GetTaskDetails' health members as task behaviours, and the ways older or odder AEM releases show them. */
class HealthFieldsTest {
    private static final String R = "Rep";
    private AemSimulator sim;
    private RawClient client;

    private void start(SimTaskSpec... tasks) throws Exception {
        SimServer server = SimServer.replicate(R);
        for (SimTaskSpec t : tasks) {
            server.task(t);
        }
        sim = AemSimulator.builder().user("admin", "pw").seed(5L).server(server).start();
        client = new RawClient(sim).loggedIn("admin", "pw");
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static long seconds(String hhmmss) {
        String[] p = hhmmss.split(":");
        return Long.parseLong(p[0]) * 3600 + Long.parseLong(p[1]) * 60 + Long.parseLong(p[2]);
    }

    @Test
    void latencyFallsOverTimeFromWhenTheTaskRuns() throws Exception {
        start(SimTaskSpec.named("Catching").initialState("RUNNING", "NONE", "")
                .health(SimHealthSpec.create().latencyFalling(Duration.ofSeconds(100), Duration.ofSeconds(4), Duration.ofSeconds(2))));
        JsonNode first = client.details(R, "Catching").path("cdc_latency");
        assertThat(seconds(first.path("total_latency").asText())).isBetween(60L, 100L);
        assertThat(seconds(first.path("source_latency").asText())).isBetween(30L, 50L);
        Thread.sleep(2300);
        JsonNode later = client.details(R, "Catching").path("cdc_latency");
        assertThat(later.path("total_latency").asText()).isEqualTo("00:00:04");
        assertThat(later.path("source_latency").asText()).isEqualTo("00:00:02");
    }

    @Test
    void aStoppedTaskShowsNoLatencyWhateverItsCurveAndTheCurveStartsWhenItRuns() throws Exception {
        start(SimTaskSpec.named("Idle").startDuration(Duration.ofMillis(50))
                .health(SimHealthSpec.create().latencyAt(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60))));
        assertThat(client.details(R, "Idle").path("cdc_latency").path("total_latency").asText()).isEqualTo("00:00:00");
        client.run(R, "Idle", "&option=RESUME_PROCESSING&timeout=5");
        assertThat(client.details(R, "Idle").path("cdc_latency").path("total_latency").asText()).isEqualTo("00:01:00");
    }

    @Test
    void latenciesPastADayRunOnInHoursOrAsDotNetWritesThem() throws Exception {
        Duration big = Duration.ofHours(27).plusMinutes(3).plusSeconds(10);
        start(SimTaskSpec.named("Hours").initialState("RUNNING", "NONE", "")
                        .health(SimHealthSpec.create().latencyAt(Duration.ZERO, big, big)),
                SimTaskSpec.named("Days").initialState("RUNNING", "NONE", "")
                        .health(SimHealthSpec.create().latencyAt(Duration.ZERO, big, big).latencyFormat(LatencyFormat.DAYS)),
                SimTaskSpec.named("Odd").initialState("RUNNING", "NONE", "")
                        .health(SimHealthSpec.create().latencyText("N/A", "-00:00:02")));
        assertThat(client.details(R, "Hours").path("cdc_latency").path("total_latency").asText()).isEqualTo("27:03:10");
        assertThat(client.details(R, "Days").path("cdc_latency").path("total_latency").asText()).isEqualTo("1.03:03:10");
        JsonNode odd = client.details(R, "Odd").path("cdc_latency");
        assertThat(odd.path("source_latency").asText()).isEqualTo("N/A");
        assertThat(odd.path("total_latency").asText()).isEqualTo("-00:00:02");
    }

    @Test
    void tablesLoadOneByOneAndAFailingTableLeavesTheLoadCompletedWithTheTaskRunning() throws Exception {
        start(SimTaskSpec.named("Load").tables(4).startDuration(Duration.ofMillis(20)).fullLoadDuration(Duration.ofMillis(1200))
                .health(SimHealthSpec.create().tablesOneByOne(true).failingTable(2)));
        client.run(R, "Load", "&option=RELOAD_TARGET&timeout=5");
        List<JsonNode> seen = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode d;
        do {
            d = client.details(R, "Load");
            seen.add(d.path("full_load_counters"));
            Thread.sleep(40);
        } while (!d.path("full_load_completed").asBoolean() && System.nanoTime() < end);
        assertThat(seen).allSatisfy(c -> assertThat(c.path("tables_loading_count").asInt()).isLessThanOrEqualTo(1));
        assertThat(seen).anySatisfy(c -> {
            assertThat(c.path("tables_with_error_count").asInt()).isEqualTo(1);
            assertThat(c.path("tables_loading_count").asInt()).isEqualTo(1);
        });
        assertThat(d.path("full_load_completed").asBoolean()).isTrue();
        assertThat(d.path("state").asText()).isEqualTo("RUNNING");
        JsonNode counters = d.path("full_load_counters");
        assertThat(counters.path("tables_completed_count").asInt()).isEqualTo(3);
        assertThat(counters.path("tables_with_error_count").asInt()).isEqualTo(1);
        assertThat(counters.path("tables_queued_count").asInt()).isZero();
    }

    @Test
    void dataErrorsAppearFromTheirTimeOn() throws Exception {
        start(SimTaskSpec.named("Errs").initialState("RUNNING", "NONE", "")
                .health(SimHealthSpec.create().dataErrorsAt(Duration.ofSeconds(3), 3)));
        assertThat(client.details(R, "Errs").path("data_error_count").asLong()).isZero();
        Thread.sleep(3100);
        assertThat(client.details(R, "Errs").path("data_error_count").asLong()).isEqualTo(3);
    }

    @Test
    void anOlderReleaseLeavesTheHealthMembersOut() throws Exception {
        start(SimTaskSpec.named("Old").initialState("RUNNING", "NONE", "")
                .health(SimHealthSpec.create().omit(HealthField.CDC_LATENCY, HealthField.FULL_LOAD_COUNTERS,
                        HealthField.DATA_ERROR_COUNT)),
                SimTaskSpec.named("Plain"));
        JsonNode old = client.details(R, "Old");
        assertThat(old.has("cdc_latency")).isFalse();
        assertThat(old.has("full_load_counters")).isFalse();
        assertThat(old.has("data_error_count")).isFalse();
        assertThat(old.path("state").asText()).isEqualTo("RUNNING");
        JsonNode plain = client.details(R, "Plain");
        assertThat(plain.has("cdc_latency")).isTrue();
        assertThat(plain.has("data_error_count")).isTrue();
    }

    @Test
    void aWrappedAnswerCarriesTheHealthMembersInsideTheWrapper() throws Exception {
        start(SimTaskSpec.named("W").initialState("RUNNING", "NONE", "")
                .health(SimHealthSpec.create().latencyAt(Duration.ZERO, Duration.ofSeconds(3), Duration.ofSeconds(7))));
        sim.detailsShape(DetailsShape.WRAPPED);
        assertThat(client.details(R, "W").path("task").path("cdc_latency").path("total_latency").asText())
                .isEqualTo("00:00:07");
    }

    @Test
    void theJsonConfigurationSetsEveryHealthBehaviour() throws Exception {
        SimulatorConfig config = SimulatorConfig.parse(new ByteArrayInputStream("""
                {"servers": [{"name": "S", "tasks": [{"name": "T", "health": {
                  "latency": [{"at": "0s", "total": "10m"}, {"at": "90s", "source": "1s", "total": "2s"}],
                  "latencyFormat": "days", "latencyText": {"source": "N/A", "total": null},
                  "tablesOneByOne": true, "failingTable": 3,
                  "dataErrors": [{"at": "30s", "count": 2}],
                  "omit": ["data_error_count"]}}]}]}
                """.getBytes(StandardCharsets.UTF_8)), "health.json");
        try (AemSimulator s = config.toBuilder().port(0).start()) {
            SimHealthSpec h = s.task("S", "T").spec().health();
            assertThat(h.latency()).containsExactly(
                    new SimHealthSpec.LatencyPoint(Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(10)),
                    new SimHealthSpec.LatencyPoint(Duration.ofSeconds(90), Duration.ofSeconds(1), Duration.ofSeconds(2)));
            assertThat(h.latencyFormat()).isEqualTo(LatencyFormat.DAYS);
            assertThat(h.sourceLatencyText()).isEqualTo("N/A");
            assertThat(h.totalLatencyText()).isNull();
            assertThat(h.tablesOneByOne()).isTrue();
            assertThat(h.failingTable()).isEqualTo(3);
            assertThat(h.dataErrors()).containsExactly(new SimHealthSpec.DataErrorStep(Duration.ofSeconds(30), 2));
            assertThat(h.omitted()).containsExactly(HealthField.DATA_ERROR_COUNT);
        }
    }

    @Test
    void aMisspelledHealthMemberOrFieldIsRefusedByName() {
        assertThatThrownBy(() -> SimulatorConfig.parse(new ByteArrayInputStream("""
                {"servers": [{"name": "S", "tasks": [{"name": "T", "health": {"latencyy": []}}]}]}
                """.getBytes(StandardCharsets.UTF_8)), "bad.json"))
                .hasMessageContaining("latencyy").hasMessageContaining("$.servers[0].tasks[0].health");
        assertThatThrownBy(() -> SimulatorConfig.parse(new ByteArrayInputStream("""
                {"servers": [{"name": "S", "tasks": [{"name": "T", "health": {"omit": ["cdc_latencies"]}}]}]}
                """.getBytes(StandardCharsets.UTF_8)), "bad.json").toBuilder())
                .hasMessageContaining("task T").hasMessageContaining("'cdc_latencies' is not a health field");
    }

    @Test
    void aCopiedSpecIsIndependent() {
        SimTaskSpec spec = SimTaskSpec.named("T").health(SimHealthSpec.create().failingTable(1));
        SimTaskSpec copy = spec.copy();
        spec.health().failingTable(2);
        assertThat(copy.health().failingTable()).isEqualTo(1);
    }
}
