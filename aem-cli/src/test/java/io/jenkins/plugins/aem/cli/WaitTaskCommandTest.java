package io.jenkins.plugins.aem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.SimHealthSpec;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code aem task-status} with the health values, and {@code aem wait-task}: each exit code and each refusal. */
class WaitTaskCommandTest {

    private static final String PASSWORD = "gate-Secret-77";
    private static final Map<String, String> ENV = Map.of("AEM_USERNAME", "ops", "AEM_PASSWORD", PASSWORD);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AemSimulator sim;
    private final List<CliRun> runs = new ArrayList<>();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

    private static SimTaskSpec running(String name, SimHealthSpec health) {
        return SimTaskSpec.named(name).initialState("RUNNING", "NONE", "").health(health);
    }

    @BeforeEach
    void start() throws IOException {
        sim = AemSimulator.builder().user("ops", PASSWORD)
                .server(SimServer.replicate("Rep")
                        .task(running("Catching", SimHealthSpec.create()
                                .latencyFalling(Duration.ofSeconds(90), Duration.ofSeconds(2), Duration.ofSeconds(3))))
                        .task(running("Behind", SimHealthSpec.create()
                                .latencyAt(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(70))
                                .dataErrorsAt(Duration.ZERO, 4)))
                        .task(SimTaskSpec.named("Idle")))
                .start();
    }

    @AfterEach
    void close() {
        later.shutdownNow();
        for (CliRun run : runs) {
            assertThat(run.all()).doesNotContain("\tat ").doesNotContain("Exception in thread");
        }
        sim.close();
    }

    private CliRun aem(String... args) {
        List<String> argv = new ArrayList<>(List.of(args));
        argv.addAll(1, List.of("--url", sim.baseUrl().toString(), "--server", "Rep"));
        CliRun run = CliRun.of(ENV, argv.toArray(String[]::new));
        runs.add(run);
        return run;
    }

    private void assertNoCommandWasSent() {
        assertThat(sim.journal().count(e -> e.isRun() || e.isStop())).isZero();
        assertThat(sim.journal().count(e -> e.isTaskList() || e.isServerList())).isZero();
    }

    @Test
    void statusPrintsTheStateAloneOnStdoutAndTheHealthOnStderr() throws IOException {
        CliRun status = aem("task-status", "--task", "Behind");
        assertThat(status.exit()).isZero();
        assertThat(status.out().strip()).isEqualTo("RUNNING");
        assertThat(status.err()).contains("task 'Behind' on server 'Rep': RUNNING; full load not completed, tables 0 "
                + "completed, 0 loading, 0 queued, 0 in error; total latency 00:01:10 (70 s), source 00:00:30; data errors 4");

        JsonNode json = JSON.readTree(aem("task-status", "--task", "Behind", "--json").lastOutLine());
        assertThat(json.get("state").asText()).isEqualTo("RUNNING");
        assertThat(json.get("server").asText()).isEqualTo("Rep");
        assertThat(json.get("stopReason").asText()).isEqualTo("NONE");
        assertThat(json.get("totalLatency").asText()).isEqualTo("00:01:10");
        assertThat(json.get("totalLatencySeconds").asLong()).isEqualTo(70);
        assertThat(json.get("sourceLatencySeconds").asLong()).isEqualTo(30);
        assertThat(json.get("dataErrors").asLong()).isEqualTo(4);
        assertThat(json.get("tablesWithError").asLong()).isZero();
        assertThat(json.get("fullLoadCompleted").asBoolean()).isFalse();
        assertThat(json.has("elapsedSeconds")).isTrue();
        assertNoCommandWasSent();
    }

    @Test
    void theConditionsHoldingIsExitZero() throws IOException {
        CliRun run = aem("wait-task", "--task", "Catching", "--max-latency", "5", "--no-table-errors", "--timeout", "60", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("Waiting for task 'Catching' on server 'Rep' to be healthy (total latency <= 5 s, "
                + "no table in error)").contains("sends no command").contains("is healthy after");
        JsonNode json = JSON.readTree(run.lastOutLine());
        assertThat(json.get("state").asText()).isEqualTo("RUNNING");
        assertThat(json.get("totalLatencySeconds").asLong()).isLessThanOrEqualTo(5);
        assertThat(json.get("conditions").asText()).isEqualTo("total latency <= 5 s, no table in error");
        assertNoCommandWasSent();
    }

    @Test
    void withNoConditionTheTaskMustBeRunning() {
        CliRun run = aem("wait-task", "--task", "Catching");
        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo("RUNNING");
        assertThat(run.err()).contains("to be healthy (RUNNING)");
    }

    @Test
    void aTaskThatFailsIsExitOneWithAemsMessage() {
        later.schedule(() -> sim.task("Rep", "Behind").setState("ERROR", "FATAL_ERROR", "Source log is gone"), 1,
                TimeUnit.SECONDS);
        CliRun run = aem("wait-task", "--task", "Behind", "--max-latency", "5", "--timeout", "120");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("aem: The task failed: ERROR (stop reason FATAL_ERROR): Source log is gone.");
        assertNoCommandWasSent();
    }

    @Test
    void theDeadlinePassingIsExitThreeWithTheLastValues() throws IOException {
        CliRun run = aem("wait-task", "--task", "Behind", "--max-latency", "5", "--timeout", "3", "--json");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("Timed out after 3.").contains("last values: RUNNING")
                .contains("total latency 00:01:10 (70 s)").contains("not yet: total latency <= 5 s");
        JsonNode json = JSON.readTree(run.lastOutLine());
        assertThat(json.get("errorCode").asText()).isEqualTo("TIMED_OUT");
        assertThat(json.get("lastValues").get("totalLatencySeconds").asLong()).isEqualTo(70);
        assertThat(json.get("lastValues").get("dataErrors").asLong()).isEqualTo(4);
    }

    @Test
    void aStoppedTaskIsWaitedForAndTheProgressSaysWhy() {
        CliRun run = aem("wait-task", "--task", "Idle", "--state", "running", "--timeout", "2");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("task 'Idle' on server 'Rep' is STOPPED; this wait sends no command, so it waits "
                + "for someone or AEM's scheduler to start the task, until the deadline.");
        assertNoCommandWasSent();
    }

    @Test
    void anUnreachableAemIsExitFour() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun run = CliRun.of(ENV, "wait-task", "--url", "http://127.0.0.1:" + port, "--server", "Rep", "--task", "Catching",
                "--timeout", "3");
        runs.add(run);
        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.err()).contains("Cannot connect to AEM");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--for 60|latency hold: was given without a max latency",
        "--max-latency -5|max latency: must be 0 seconds or more (was -5)",
        "--max-latency 5 --for -1|latency hold: must be 0 seconds or more (was -1)",
        "--max-latency 5 --for 120 --timeout 60|latency hold: 120 s cannot be held within a timeout of 60 s",
        "--state ERROR|state: 'ERROR' is not a state to wait for. Give RUNNING or STOPPED",
        "--state started|state: 'started' is not a state to wait for",
        "--state STOPPED --max-latency 5|max latency: cannot be combined with state STOPPED",
        "--max-latency five|Invalid value for option '--max-latency'",
        "--timeout 0|timeout: must be at least 1 second",
    })
    void nonsenseIsExitTwoAndSendsNothing(String options, String message) {
        List<String> argv = new ArrayList<>(List.of("wait-task", "--task", "Catching"));
        argv.addAll(List.of(options.split(" ")));
        CliRun run = aem(argv.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(sim.journal().entries()).isEmpty();
    }

    @Test
    void helpNamesEveryConditionAndTheExitCodes() {
        CliRun help = CliRun.of(ENV, "wait-task", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--state", "--full-load-completed", "--max-latency", "--for", "--no-table-errors",
                "--timeout", "Viewer on the task is enough");
        assertThat(CliRun.of(ENV, "--help").out()).contains("wait-task").contains("wait-task: the conditions hold");
    }
}
