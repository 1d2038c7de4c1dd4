package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the health members of GetTaskDetails, strictly: what cannot be read is unknown, never zero. */
class HealthValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ResponseReader READER = new ResponseReader(JSON, "https://aem.example");
    private static final TaskRef T = new TaskRef("S", "T");

    private static TaskStatus parse(String json) throws Exception {
        return TaskDetailsParser.parse(JSON.readTree(json), T, READER);
    }

    @Test
    void latencyTextsInEveryFormAemWritesThem() {
        assertThat(CdcLatency.parse("00:00:05")).isEqualTo(Duration.ofSeconds(5));
        assertThat(CdcLatency.parse("01:02:03")).isEqualTo(Duration.ofSeconds(3723));
        assertThat(CdcLatency.parse("27:03:10")).isEqualTo(Duration.ofHours(27).plusMinutes(3).plusSeconds(10));
        assertThat(CdcLatency.parse("1.03:03:10")).isEqualTo(Duration.ofHours(27).plusMinutes(3).plusSeconds(10));
        assertThat(CdcLatency.parse("00:00:01.5000000")).isEqualTo(Duration.ofMillis(1500));
        assertThat(CdcLatency.parse(" 00:00:07 ")).isEqualTo(Duration.ofSeconds(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "N/A", "-00:00:02", "00:61:00", "00:00:60", "1.25:00:00", "5", "5s", "00:05",
        "00:00:05Z", "PT5S"})
    void anythingElseIsUnknown(String text) {
        assertThat(CdcLatency.parse(text)).isNull();
    }

    @Test
    void everyHealthMemberIsRead() throws Exception {
        TaskStatus s = parse("""
                {"name":"T","state":"RUNNING","task_stop_reason":"NONE","message":"",
                 "full_load_completed":true,
                 "full_load_counters":{"tables_completed_count":9,"tables_loading_count":0,"tables_queued_count":0,
                                       "tables_with_error_count":1},
                 "cdc_latency":{"source_latency":"00:00:02","total_latency":"00:01:10"},
                 "data_error_count":3}""");
        assertThat(s.tablesCompleted()).isEqualTo(9);
        assertThat(s.tablesWithError()).isEqualTo(1);
        assertThat(s.sourceLatency()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.totalLatency()).isEqualTo(Duration.ofSeconds(70));
        assertThat(s.dataErrors()).isEqualTo(3);
        // AEM says the load completed, but a table is in error: the load did not complete as a gate means it.
        assertThat(s.fullLoadCompleted()).isTrue();
        assertThat(s.loadCompleted()).isFalse();
        assertThat(s.toMap()).containsEntry("totalLatency", "00:01:10").containsEntry("totalLatencySeconds", 70L)
                .containsEntry("tablesWithError", 1L).containsEntry("dataErrors", 3L)
                .containsEntry("fullLoadCompleted", false).containsEntry("state", "RUNNING");
    }

    @Test
    void membersAnOlderAemLeavesOutAreUnknown() throws Exception {
        TaskStatus s = parse("{\"task\":{\"name\":\"T\",\"state\":\"RUNNING\"}}");
        assertThat(s.cdcLatency()).isNull();
        assertThat(s.totalLatency()).isNull();
        assertThat(s.tablesCompleted()).isEqualTo(-1);
        assertThat(s.tablesWithError()).isEqualTo(-1);
        assertThat(s.dataErrors()).isEqualTo(-1);
        assertThat(s.toMap()).containsEntry("totalLatency", null).containsEntry("tablesWithError", null)
                .containsEntry("dataErrors", null);
    }

    @Test
    void membersOfTheWrongTypeAreUnknownNotZero() throws Exception {
        TaskStatus s = parse("""
                {"state":"RUNNING","cdc_latency":{"source_latency":null,"total_latency":"N/A"},
                 "full_load_counters":{"tables_with_error_count":"0","tables_completed_count":-1},
                 "data_error_count":"0"}""");
        assertThat(s.cdcLatency().totalText()).isEqualTo("N/A");
        assertThat(s.totalLatency()).isNull();
        assertThat(s.cdcLatency().sourceText()).isNull();
        assertThat(s.tablesWithError()).isEqualTo(-1);
        assertThat(s.tablesCompleted()).isEqualTo(-1);
        assertThat(s.dataErrors()).isEqualTo(-1);
    }

    @Test
    void conditionsDefaultToRunningAndRefuseNonsense() {
        assertThat(new HealthConditions(null, false, null, null, false).state()).isEqualTo(TaskState.RUNNING);
        assertThat(new HealthConditions(null, false, Duration.ofSeconds(5), null, false).state()).isNull();
        assertThat(HealthConditions.running().withMaxLatency(Duration.ofSeconds(5), Duration.ofSeconds(60))
                .withFullLoadCompleted(true).withNoTableErrors(true))
                .hasToString("RUNNING, full load completed, total latency <= 5 s for 60 s, no table in error");
        assertThat(HealthConditions.running().needsRunning()).isTrue();
        assertThat(new HealthConditions(null, true, null, null, false).needsRunning()).isFalse();
        assertThat(new HealthConditions(null, false, Duration.ZERO, null, false).needsRunning()).isTrue();

        assertInvalid(() -> new HealthConditions(TaskState.ERROR, false, null, null, false),
                "state: ERROR is not a state to wait for. Give RUNNING or STOPPED");
        assertInvalid(() -> new HealthConditions(null, false, Duration.ofSeconds(-1), null, false),
                "max latency: must be 0 seconds or more (was -1)");
        assertInvalid(() -> new HealthConditions(null, false, null, Duration.ofSeconds(60), false),
                "latency hold: was given without a max latency");
        assertInvalid(() -> new HealthConditions(null, false, Duration.ofSeconds(5), Duration.ofSeconds(-3), false),
                "latency hold: must be 0 seconds or more (was -3)");
        assertInvalid(() -> new HealthConditions(TaskState.STOPPED, false, Duration.ofSeconds(5), null, false),
                "max latency: cannot be combined with state STOPPED");
        assertInvalid(() -> HealthWaitRequest.of(T, HealthConditions.running().withMaxLatency(Duration.ofSeconds(5),
                Duration.ofSeconds(60)), Duration.ofSeconds(60)), "latency hold: 60 s cannot be held within a timeout of 60 s");
        assertInvalid(() -> HealthWaitRequest.of(T, null, Duration.ZERO), "timeout: must be at least 1 second");
        assertInvalid(() -> HealthWaitRequest.of(null, null, Duration.ofSeconds(5)), "task: is missing");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AemException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.INVALID_INPUT);
            assertThat(e.getMessage()).startsWith(message);
        });
    }

    @Test
    void aRequestWithoutConditionsWaitsForRunningAndKeepsItsAbsoluteDeadline() {
        HealthWaitRequest r = HealthWaitRequest.of(T, null, Duration.ofSeconds(90));
        assertThat(r.conditions()).isEqualTo(HealthConditions.running());
        assertThat(r.timeout()).isEqualTo(Duration.ofSeconds(90));
        HealthWaitRequest resumed = new HealthWaitRequest(r.task(), r.conditions(), r.startedAt(), r.deadline());
        assertThat(resumed).isEqualTo(r);
    }
}
