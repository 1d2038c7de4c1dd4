package io.jenkins.plugins.aem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code aem} command in three situations real installations meet every day: an account with Operator on its own
 * tasks only, a server with many tasks and long messages, and a task whose failure AEM explains only in its details.
 */
class FieldSituationsTest {

    private static final String PASSWORD = "ci-Secret-77";
    private static final Map<String, String> CI = Map.of("AEM_USERNAME", "svc-ci", "AEM_PASSWORD", PASSWORD);
    private static final String REASON = "Cannot connect to the target: login failed for user 'repl' (SQL error 18456)";

    private AemSimulator sim;

    @BeforeEach
    void start() throws IOException {
        sim = AemSimulator.builder().serverWaitCap(Duration.ofMillis(200))
                .taskOperator("svc-ci", PASSWORD, "Orders", "Full", "Quiet", "Huge")
                .server(SimServer.replicate("Rep")
                        .task(SimTaskSpec.named("Orders").startDuration(Duration.ofMillis(500)).stopDuration(Duration.ofMillis(500)))
                        .task(SimTaskSpec.named("Full").fullLoadOnly(true).startDuration(Duration.ofMillis(100))
                                .fullLoadDuration(Duration.ofMillis(500)))
                        .task(SimTaskSpec.named("Quiet").startDuration(Duration.ofMillis(50)).failOnRun(REASON)
                                .errorMessageInAnswer(false)))
                // 900 tasks with 1.5 KB messages: a GetTaskList of about 1.5 MB.
                .server(SimServer.replicate("Big").fillerTasks(900, 1500)
                        .task(SimTaskSpec.named("Huge").startDuration(Duration.ofMillis(500))))
                .start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private CliRun aem(String... args) {
        CliRun run = CliRun.of(CI, args);
        assertThat(run.all()).doesNotContain("\tat ");
        return run;
    }

    private String[] task(String command, String server, String task, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(command, "--url", sim.baseUrl().toString(), "--server",
                server, "--task", task));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The progress lines of stderr whose message, after the elapsed time, is exactly {@code message}. */
    private static long lines(CliRun run, String message) {
        Pattern line = Pattern.compile("\\[\\d+\\.\\ds\\] " + Pattern.quote(message));
        return run.err().lines().filter(l -> line.matcher(l).matches()).count();
    }

    @Test
    void anAccountWithOperatorOnItsOwnTasksRunsWaitsStopsAndReads() {
        CliRun run = aem(task("run-task", "Rep", "Orders"));
        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo("RUNNING");
        assertThat(lines(run, "AEM refused GetServerList (UNAUTHORIZED_REQUEST): this account may not read it, which is "
                + "fine for an account that only runs its own tasks. Going on without it: the command itself tells "
                + "whether the server exists and is monitored.")).isEqualTo(1);
        assertThat(lines(run, "No run option given and the server's kind is not known; sending none, so AEM decides"))
                .isEqualTo(1);
        assertThat(sim.task("Rep", "Orders").commands().get(0).option()).isNull();

        assertThat(aem(task("task-status", "Rep", "Orders")).out().strip()).isEqualTo("RUNNING");
        CliRun stop = aem(task("stop-task", "Rep", "Orders"));
        assertThat(stop.exit()).isZero();
        assertThat(stop.out().strip()).isEqualTo("STOPPED");
        CliRun full = aem(task("run-task", "Rep", "Full", "--wait-for-completion"));
        assertThat(full.exit()).isZero();
        assertThat(full.out().strip()).isEqualTo("STOPPED");
    }

    @Test
    void aWaitOnAServerWithManyTasksReadsItsOwnTask() {
        CliRun run = aem(task("run-task", "Big", "Huge", "--json"));
        assertThat(run.exit()).isZero();
        assertThat(run.lastOutLine()).contains("\"state\":\"RUNNING\"");
        assertThat(sim.journal().count(e -> e.isTaskList())).isZero();
    }

    @Test
    void aFailedTaskShowsAemsMessageOnStderrAndInJson() throws IOException {
        String failed = "The task failed: ERROR (stop reason FATAL_ERROR): " + REASON + ".";
        CliRun run = aem(task("run-task", "Rep", "Quiet"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines()).contains("aem: " + failed);

        CliRun json = aem(task("run-task", "Rep", "Quiet", "--json"));
        assertThat(json.exit()).isEqualTo(1);
        JsonNode node = new ObjectMapper().readTree(json.lastOutLine());
        assertThat(node.get("message").asText()).isEqualTo(failed);
        assertThat(node.get("errorCode").asText()).isEqualTo("TASK_FAILED");
        assertThat(node.get("state").asText()).isEqualTo("ERROR");
    }
}
