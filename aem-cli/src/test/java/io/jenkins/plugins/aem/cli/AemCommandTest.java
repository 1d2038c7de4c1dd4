package io.jenkins.plugins.aem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AemCommandTest {

    private static final String PASSWORD = "cli-Secret-42";
    /** Given on the command line, where it is refused before it reaches any simulator; so registered here. */
    private static final String REFUSED_ARGUMENT_PASSWORD = "hunter2";

    static {
        SecretScan.register(REFUSED_ARGUMENT_PASSWORD);
    }
    private static final Map<String, String> ENV = Map.of("AEM_USERNAME", "ops", "AEM_PASSWORD", PASSWORD);

    private AemSimulator sim;
    private final List<CliRun> runs = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        sim = AemSimulator.builder().user("ops", PASSWORD)
                .server(SimServer.replicate("Rep")
                        .task(SimTaskSpec.named("Orders").startDuration(Duration.ofMillis(200)).stopDuration(Duration.ofMillis(200)))
                        .task(SimTaskSpec.named("Full").fullLoadOnly(true).startDuration(Duration.ofMillis(100)).fullLoadDuration(Duration.ofMillis(300)))
                        .task(SimTaskSpec.named("Broken").failOnRun("Target database is read-only"))
                        .task(SimTaskSpec.named("Slow").startDuration(Duration.ofSeconds(60)).startingState("STARTING")))
                .server(SimServer.compose("Comp").task(SimTaskSpec.named("Load", "DWH").startDuration(Duration.ofMillis(100))))
                .start();
    }

    @AfterEach
    void noStackTraces() {
        // CliRun checked each run's output against the secret scan already.
        for (CliRun run : runs) {
            assertThat(run.all()).doesNotContain("\tat ").doesNotContain("Exception in thread");
        }
        sim.close();
    }

    private CliRun aem(Map<String, String> env, String... args) {
        CliRun run = CliRun.of(env, args);
        runs.add(run);
        return run;
    }

    private CliRun aem(String... args) {
        return aem(ENV, args);
    }

    private String url() {
        return sim.baseUrl().toString();
    }

    @Test
    void runThenStopThenStatus() {
        CliRun run = aem("run-task", "--url", url(), "--server", "Rep", "--task", "Orders");
        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo("RUNNING");
        assertThat(run.err()).contains("RESUME_PROCESSING").contains("is RUNNING");

        CliRun status = aem("task-status", "--url", url(), "--server", "Rep", "--task", "Orders");
        assertThat(status.exit()).isZero();
        assertThat(status.out().strip()).isEqualTo("RUNNING");

        CliRun stop = aem("stop-task", "--url", url(), "--server", "Rep", "--task", "Orders");
        assertThat(stop.exit()).isZero();
        assertThat(stop.out().strip()).isEqualTo("STOPPED");
    }

    @Test
    void cdcOptionWaitForCompletionAndCompose() {
        assertThat(aem("run-task", "--url", url(), "--server", "Rep", "--task", "Orders",
                "--option", "resume-processing-from-timestamp", "--cdc-position", "2026-01-02T03:04:05").exit()).isZero();
        assertThat(sim.task("Rep", "Orders").commands().get(0).cdcPosition()).isEqualTo("2026-01-02T03:04:05");
        assertThat(aem("run-task", "--url", url(), "--server", "Rep", "--task", "Full", "--wait-for-completion").exit()).isZero();
        assertThat(aem("run-task", "--url", url(), "--server", "Comp", "--task", "Load", "--project", "DWH").exit()).isZero();
        assertThat(sim.task("Comp", "Load__DWH").state()).isEqualTo("RUNNING");
    }

    @Test
    void jsonOnSuccessAndOnAemError() throws IOException {
        CliRun ok = aem("run-task", "--url", url(), "--server", "Rep", "--task", "Orders", "--json");
        JsonNode json = new ObjectMapper().readTree(ok.lastOutLine());
        assertThat(json.get("state").asText()).isEqualTo("RUNNING");
        assertThat(json.get("server").asText()).isEqualTo("Rep");
        assertThat(json.get("task").asText()).isEqualTo("Orders");
        assertThat(json.get("elapsedSeconds").asDouble()).isPositive();
        assertThat(json.get("stopReason").asText()).isEqualTo("NONE");

        CliRun stopped = aem("stop-task", "--url", url(), "--server", "Rep", "--task", "Orders", "--json");
        JsonNode stopJson = new ObjectMapper().readTree(stopped.lastOutLine());
        assertThat(stopJson.get("state").asText()).isEqualTo("STOPPED");
        // The same stop reason the client's outcome and the plugin's step result give for a stop AEM carried out.
        assertThat(stopJson.get("stopReason").asText()).isEqualTo("NORMAL");
        assertThat(aem("run-task", "--url", url(), "--server", "Rep", "--task", "Orders").exit()).isZero();

        CliRun again = aem("run-task", "--url", url(), "--server", "Rep", "--task", "Orders", "--json");
        assertThat(again.exit()).isEqualTo(1);
        JsonNode error = new ObjectMapper().readTree(again.lastOutLine());
        assertThat(error.get("errorCode").asText()).isEqualTo("AEM_TASK_ALREADY_RUNNING");
        assertThat(error.get("message").asText()).contains("AEM_TASK_ALREADY_RUNNING");
        assertThat(again.err()).contains("What to do: Stop the task first");
    }

    @Test
    void taskFailureIsExitOne() {
        CliRun run = aem("run-task", "--url", url(), "--server", "Rep", "--task", "Broken");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("Target database is read-only");
    }

    @Test
    void deadlineIsExitThreeAndNamesTheLastState() {
        CliRun run = aem("run-task", "--url", url(), "--server", "Rep", "--task", "Slow", "--timeout", "2");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("last state seen: STARTING");
    }

    @Test
    void unreachableAndRefusedLoginAreExitFour() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun closed = aem("task-status", "--url", "http://127.0.0.1:" + port, "--server", "Rep", "--task", "Orders", "--timeout", "3");
        assertThat(closed.exit()).isEqualTo(4);
        assertThat(closed.err()).contains("Cannot connect to AEM");

        CliRun refused = aem(Map.of("AEM_PASSWORD", "wrong-password"), "run-task", "--url", url(), "--username", "ops",
                "--server", "Rep", "--task", "Orders");
        assertThat(refused.exit()).isEqualTo(4);
        assertThat(refused.err()).contains("AEM refused the login for user 'ops'");
        assertThat(sim.journal().count(e -> e.isRun())).isZero();
    }

    @Test
    void passwordFileIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pw");
        Files.writeString(file, PASSWORD + "\n");
        CliRun run = aem(Map.of(), "task-status", "--url", url(), "--username", "ops", "--password-file", file.toString(),
                "--server", "Rep", "--task", "Orders");
        assertThat(run.exit()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "run-task --server Rep --task Orders --option FAST|option: 'FAST' is not a run option",
            "run-task --task Orders|Missing required option: '--server=NAME'",
            "run-task --server Rep --task Orders --option RESUME_PROCESSING_FROM_TIMESTAMP --cdc-position yesterday|cdcPosition: 'yesterday' is not a UTC timestamp",
            "run-task --server Rep --task Orders --option RELOAD_TARGET --cdc-position x|takes no cdc position",
            "run-task --server Rep --task Orders --password " + REFUSED_ARGUMENT_PASSWORD + "|Unknown option '--password'; 1 argument not shown",
            "run-task --server Rep --task Orders --password=" + REFUSED_ARGUMENT_PASSWORD + "|Unknown option '--password'; 1 argument not shown",
            "run-task --server Rep --task Orders --timeout 0|timeout: must be at least 1 second",
            "run-task --server Rep --task Orders --timeout -5|timeout: must be at least 1 second",
            "stop-task --server ' ' --task Orders|server: is empty",
            "task-status --server Rep --task ''|task: is empty",
    })
    void badUsageIsExitTwoAndSendsNothing(String args, String message) {
        List<String> argv = new ArrayList<>(List.of(args.replace("' '", " ").replace("''", "").split(" (?=--)")))
                .stream().flatMap(a -> {
                    int sp = a.indexOf(' ');
                    return sp < 0 ? java.util.stream.Stream.of(a) : java.util.stream.Stream.of(a.substring(0, sp), a.substring(sp + 1));
                }).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        argv.add(1, url());
        argv.add(1, "--url");
        CliRun run = aem(argv.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(sim.journal().entries()).isEmpty();
    }

    @Test
    void missingPasswordOrBadUrlIsExitTwo() {
        CliRun noPassword = aem(Map.of("AEM_USERNAME", "ops"), "run-task", "--url", url(), "--server", "Rep", "--task", "Orders");
        assertThat(noPassword.exit()).isEqualTo(2);
        assertThat(noPassword.err()).contains("password: is missing. Set AEM_PASSWORD or give --password-file FILE.");
        CliRun noScheme = aem("run-task", "--url", "aem.example.com", "--server", "Rep", "--task", "Orders");
        assertThat(noScheme.exit()).isEqualTo(2);
        assertThat(noScheme.err()).contains("has no http:// or https:// scheme");
        assertThat(sim.journal().entries()).isEmpty();
    }

    @Test
    void demoRunsAndStopsWithoutSetUp() {
        CliRun demo = aem(Map.of(), "demo");
        assertThat(demo.exit()).isZero();
        assertThat(demo.out()).contains("Orders is RUNNING").contains("Orders is STOPPED");
    }

    @Test
    void simulatorCommandChecksItsArguments() {
        CliRun bad = aem(Map.of(), "simulator", "--port", "notanumber");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--port");
        CliRun help = aem(Map.of(), "simulator", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--tls").contains("--config");
    }

    @Test
    void noCommandIsBadUsage() {
        CliRun none = aem(Map.of());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("a command is needed");
    }
}
