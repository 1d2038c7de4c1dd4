package io.jenkins.plugins.aem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.ServerRepository;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.io.IOException;
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

/** aem deploy-task's endpoint test and --update-secrets, and aem rotate-secrets, against the simulator. */
class EndpointCommandsTest {

    private static final String PASSWORD = "deploy-Secret-43";
    private static final String ROTATED = "cli-Rotated-Secret-5";
    private static final String MISTYPED = "cli-Rotated-Secret-S";

    static {
        SecretScan.register(ROTATED);
        SecretScan.register(MISTYPED);
    }

    private static final Map<String, String> ENV = Map.of("AEM_USERNAME", "release", "AEM_PASSWORD", PASSWORD);

    @TempDir
    Path dir;

    private AemSimulator sim;
    private final List<CliRun> runs = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        sim = AemSimulator.builder().designer("release", PASSWORD).server(SimServer.replicate("Prod").version("2024.11.0.357")
                        .task(SimTaskSpec.named("Orders").startDuration(Duration.ofMillis(100)).stopDuration(Duration.ofMillis(100)))
                        .task(SimTaskSpec.named("Live").startDuration(Duration.ofMillis(100)).stopDuration(Duration.ofMillis(100))
                                .initialState("RUNNING", "NONE", "")))
                .start();
        // The DBA changed the source database's password: the new one is what it takes.
        prod().endpoints().databaseSecret("Source-DB", "password", ROTATED);
    }

    @AfterEach
    void noStackTraces() {
        for (CliRun run : runs) {
            assertThat(run.all()).doesNotContain("\tat ").doesNotContain("Exception in thread");
        }
        sim.close();
    }

    private ServerRepository prod() {
        return sim.repository("Prod");
    }

    private CliRun aem(String... args) {
        List<String> argv = new ArrayList<>(List.of(args));
        argv.add(1, sim.baseUrl().toString());
        argv.add(1, "--url");
        CliRun run = CliRun.of(ENV, argv.toArray(String[]::new));
        runs.add(run);
        return run;
    }

    private String secretFile(String secret) throws IOException {
        Path file = Files.createTempFile(dir, "secret", ".txt");
        Files.writeString(file, secret + "\n");
        return file.toString();
    }

    private String exported(String task) {
        Path file = dir.resolve(task + ".json");
        CliRun export = aem("export-task", "--server", "Prod", "--task", task, "--with-endpoints", "--output", file.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        return file.toString();
    }

    private String backup(String name) {
        return dir.resolve(name).toString();
    }

    private long calls(RequestKind kind) {
        return sim.journal().count(e -> e.kind() == kind);
    }

    @Test
    void updateSecretsRotatesASecretAloneAndTestsIt() throws IOException {
        String file = exported("Orders");
        CliRun plain = aem("deploy-task", "--server", "Prod", "--task", "Orders", "--definition", file,
                "--secret", "Source-DB=" + secretFile(ROTATED), "--backup", backup("b0.json"));
        assertThat(plain.out().strip()).as("a secret alone is no change").isEqualTo("NO_CHANGE");
        CliRun run = aem("deploy-task", "--server", "Prod", "--task", "Orders", "--definition", file,
                "--secret", "Source-DB=" + secretFile(ROTATED), "--update-secrets", "--backup", backup("b1.json"), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.lastOutLine());
        assertThat(result.get("result").asText()).isEqualTo("DEPLOYED");
        assertThat(result.get("testedEndpoints").toString()).isEqualTo("[\"Source-DB\"]");
        assertThat(run.err()).contains("rotate the secret of endpoint 'Source-DB' (password) through PatchEndpoint")
                .contains("task Live (RUNNING) uses endpoint 'Source-DB' and keeps its old secret until run again");
        assertThat(prod().secretMatches("Source-DB", "password", ROTATED)).isTrue();
        assertThat(calls(RequestKind.IMPORT)).isZero();
        assertThat(calls(RequestKind.PATCH_ENDPOINT)).isEqualTo(1);
    }

    @Test
    void anEndpointThatDoesNotConnectExitsFiveAndNoEndpointTestSkipsTheTest() throws IOException {
        String file = exported("Orders").toString();
        Files.writeString(Path.of(file), Files.readString(Path.of(file)).replace("\"full_load_sub_tasks\": 5",
                "\"full_load_sub_tasks\": 6"));
        CliRun failed = aem("deploy-task", "--server", "Prod", "--task", "Orders", "--definition", file,
                "--secret", "Source-DB=" + secretFile(MISTYPED), "--backup", backup("b1.json"));
        assertThat(failed.exit()).isEqualTo(5);
        assertThat(failed.err()).contains("Endpoint 'Source-DB' of server 'Prod' did not connect: TestEndpoint answered ERROR")
                .contains("What to do: Check the endpoint's secret, user and host");
        assertThat(prod().definition("Orders").orElseThrow()).contains("\"full_load_sub_tasks\" : 5");

        long tests = calls(RequestKind.TEST_ENDPOINT);
        CliRun skipped = aem("deploy-task", "--server", "Prod", "--task", "Orders", "--definition", file,
                "--secret", "Source-DB=" + secretFile(MISTYPED), "--no-endpoint-test", "--backup", backup("b2.json"));
        assertThat(skipped.exit()).as(skipped.err()).isZero();
        assertThat(skipped.err()).contains("endpoint 'Source-DB' are not tested (skipEndpointTest)");
        assertThat(calls(RequestKind.TEST_ENDPOINT)).isEqualTo(tests);
    }

    @Test
    void rotateSecretsRotatesTestsAndRestartsTheTasksUsingTheEndpoint() throws IOException {
        Path backup = dir.resolve("before-rotation.json");
        CliRun run = aem("rotate-secrets", "--server", "Prod", "--task", "Orders", "--secret", "Source-DB=" + secretFile(ROTATED),
                "--stop-if-running", "--backup", backup.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.lastOutLine());
        assertThat(result.get("result").asText()).isEqualTo("DEPLOYED");
        assertThat(result.get("actions").toString()).contains("rotated the secret of endpoint 'Source-DB' (PatchEndpoint)")
                .contains("restarted task 'Live' (RESUME_PROCESSING) to use the new secret");
        assertThat(Files.readString(backup)).contains("{Z");
        assertThat(prod().runningSecretMatches("Live", "Source-DB", "password", ROTATED)).isTrue();
    }

    @Test
    void aRotationThatFailsItsTestExitsFiveWithTheOldSecretBack() throws IOException {
        CliRun first = aem("rotate-secrets", "--server", "Prod", "--task", "Orders", "--secret", "Source-DB=" + secretFile(ROTATED),
                "--backup", backup("b1.json"));
        assertThat(first.exit()).as(first.err()).isZero();
        CliRun failed = aem("rotate-secrets", "--server", "Prod", "--task", "Orders", "--secret",
                "Source-DB=" + secretFile(MISTYPED), "--backup", backup("b2.json"));
        assertThat(failed.exit()).isEqualTo(5);
        assertThat(failed.err()).contains("The task was restored to its definition before the deploy and is STOPPED, as it was.");
        assertThat(prod().secretMatches("Source-DB", "password", ROTATED)).isTrue();
    }

    @Test
    void rotateSecretsPlansWithDryRunAndNeedsABackupOtherwise() throws IOException {
        CliRun dry = aem("rotate-secrets", "--server", "Prod", "--task", "Orders", "--secret", "Source-DB=" + secretFile(ROTATED),
                "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out().strip()).isEqualTo("DRY_RUN");
        assertThat(dry.err()).contains("rotate the secret of endpoint 'Source-DB' (password) through PatchEndpoint");
        assertThat(calls(RequestKind.PATCH_ENDPOINT)).isZero();
        CliRun noBackup = aem("rotate-secrets", "--server", "Prod", "--task", "Orders", "--secret",
                "Source-DB=" + secretFile(ROTATED));
        assertThat(noBackup.exit()).isEqualTo(2);
        assertThat(noBackup.err()).contains("--backup: is missing.");
        CliRun running = aem("rotate-secrets", "--server", "Prod", "--task", "Live", "--secret",
                "Source-DB=" + secretFile(ROTATED), "--backup", backup("b3.json"));
        assertThat(running.exit()).isEqualTo(1);
        assertThat(running.err()).contains("rotating its endpoints' secrets needs stopIfRunning (--stop-if-running)");
    }

    @Test
    void helpListsRotateSecretsAndTheNewOptions() {
        assertThat(CliRun.of(Map.of(), "--help").out()).contains("rotate-secrets");
        assertThat(CliRun.of(Map.of(), "deploy-task", "--help").out()).contains("--update-secrets").contains("--no-endpoint-test");
        assertThat(CliRun.of(Map.of(), "rotate-secrets", "--help").out()).contains("--secret=ENDPOINT=FILE")
                .contains("--stop-if-running").contains("--backup=FILE").doesNotContain("--replace");
    }
}
