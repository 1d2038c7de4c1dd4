package io.jenkins.plugins.aem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** aem export-task, deploy-task and restore-task against the simulator: files, secrets, exit codes 0 to 6. */
class DefinitionCommandsTest {

    private static final String PASSWORD = "deploy-Secret-42";
    private static final String SOURCE_SECRET = "cli-Source-Secret-7";
    private static final String TARGET_SECRET = "cli-Target-Secret-8";
    private static final String TYPED_SECRET = "typed-Secret-99";

    static {
        SecretScan.register(SOURCE_SECRET);
        SecretScan.register(TARGET_SECRET);
        SecretScan.register(TYPED_SECRET);
    }

    private static final Map<String, String> ENV = Map.of("AEM_USERNAME", "release", "AEM_PASSWORD", PASSWORD);

    @TempDir
    Path dir;

    private AemSimulator sim;
    private final List<CliRun> runs = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        sim = AemSimulator.builder().designer("release", PASSWORD)
                .server(server("Dev")).server(server("Prod"))
                .server(SimServer.compose("Comp").task(SimTaskSpec.named("Load", "DWH")))
                .start();
    }

    private static SimServer server(String name) {
        return SimServer.replicate(name).version("2024.11.0.357")
                .task(SimTaskSpec.named("Orders").startDuration(Duration.ofMillis(100)).stopDuration(Duration.ofMillis(100)))
                .task(SimTaskSpec.named("Live").startDuration(Duration.ofMillis(100)).stopDuration(Duration.ofMillis(100))
                        .initialState("RUNNING", "NONE", ""));
    }

    @AfterEach
    void noStackTraces() {
        for (CliRun run : runs) {
            assertThat(run.all()).doesNotContain("\tat ").doesNotContain("Exception in thread");
        }
        sim.close();
    }

    private CliRun aem(String... args) {
        List<String> argv = new ArrayList<>(List.of(args));
        argv.add(1, sim.baseUrl().toString());
        argv.add(1, "--url");
        CliRun run = CliRun.of(ENV, argv.toArray(String[]::new));
        runs.add(run);
        return run;
    }

    private Path secretFile(String name, String secret) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, secret + "\n");
        return file;
    }

    private Path exported(String task) {
        Path file = dir.resolve(task + ".json");
        CliRun export = aem("export-task", "--server", "Dev", "--task", task, "--with-endpoints", "--output", file.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        return file;
    }

    private List<String> secrets() throws IOException {
        return List.of("--secret", "Source-DB=" + secretFile("src", SOURCE_SECRET), "--secret",
                "Target-DB=" + secretFile("tgt", TARGET_SECRET));
    }

    private CliRun deploy(String task, Path file, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("deploy-task", "--server", "Prod", "--task", task, "--definition", file.toString()));
        args.addAll(secrets());
        args.addAll(List.of(more));
        return aem(args.toArray(String[]::new));
    }

    private long imports() {
        return sim.journal().count(e -> e.kind() == RequestKind.IMPORT);
    }

    @Test
    void exportWritesTheCanonicalFileToStdoutOrAFile() throws IOException {
        CliRun out = aem("export-task", "--server", "Dev", "--task", "Orders", "--with-endpoints");
        assertThat(out.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.out());
        assertThat(json.path("cmd.replication_definition").path("tasks").get(0).path("task").path("name").asText()).isEqualTo("Orders");
        assertThat(out.out()).doesNotContain("{Z").contains("${secret:Source-DB/password}");
        assertThat(out.err()).contains("Exporting task 'Orders' on server 'Dev' with its endpoints");

        Path file = dir.resolve("Orders.json");
        CliRun toFile = aem("export-task", "--server", "Dev", "--task", "Orders", "--with-endpoints", "--output", file.toString(), "--json");
        assertThat(toFile.exit()).isZero();
        assertThat(Files.readString(file)).isEqualTo(out.out());
        JsonNode summary = new ObjectMapper().readTree(toFile.lastOutLine());
        assertThat(summary.get("placeholders")).hasSize(2);
        assertThat(summary.get("version").asText()).isEqualTo("2024.11.0.357");

        CliRun jsonToStdout = aem("export-task", "--server", "Dev", "--task", "Orders", "--json");
        assertThat(jsonToStdout.exit()).isEqualTo(2);
        assertThat(jsonToStdout.err()).contains("--json: needs --output FILE");
        CliRun compose = aem("export-task", "--server", "Comp", "--task", "Load", "--project", "DWH");
        assertThat(compose.exit()).isEqualTo(2);
        assertThat(compose.err()).contains("Server 'Comp' is a Compose server");
    }

    @Test
    void deployWritesAPrivateBackupFirstAndIsIdempotent() throws IOException {
        Path file = exported("Orders");
        Files.writeString(file, Files.readString(file).replace("\"full_load_sub_tasks\": 5", "\"full_load_sub_tasks\": \"${SUBTASKS}\""));
        Path backup = dir.resolve("backup.json");
        CliRun run = deploy("Orders", file, "--set", "SUBTASKS=6", "--backup", backup.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.lastOutLine());
        assertThat(result.get("result").asText()).isEqualTo("DEPLOYED");
        assertThat(result.get("plan").toString()).contains("change setting task_settings.common_settings.full_load_sub_tasks: 5 -> \\\"6\\\"");
        assertThat(result.get("backup").asText()).isEqualTo(backup.toAbsolutePath().toString());
        assertThat(run.err()).contains("Plan for task 'Orders' on server 'Prod':");
        assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(backup)).contains("{Z").contains("\"full_load_sub_tasks\": 5");
        assertThat(sim.repository("Prod").secretMatches("Source-DB", "password", SOURCE_SECRET)).isTrue();

        CliRun again = deploy("Orders", file, "--set", "SUBTASKS=6", "--backup", dir.resolve("backup2.json").toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out().strip()).isEqualTo("NO_CHANGE");
        assertThat(imports()).isEqualTo(1);

        CliRun existing = deploy("Orders", file, "--set", "SUBTASKS=7", "--backup", backup.toString());
        assertThat(existing.exit()).isEqualTo(2);
        assertThat(existing.err()).contains("--backup: " + backup + " already exists");
    }

    @Test
    void aDryRunNeedsNoBackupAndChangesNothing() {
        CliRun run = aem("deploy-task", "--server", "Prod", "--task", "Orders", "--definition", exported("Orders").toString(), "--dry-run");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("DRY_RUN");
        assertThat(run.err()).contains("keep endpoint 'Source-DB' as the target has it");
        assertThat(imports()).isZero();
        CliRun noBackup = aem("deploy-task", "--server", "Prod", "--task", "Orders", "--definition", exported("Orders").toString());
        assertThat(noBackup.exit()).isEqualTo(2);
        assertThat(noBackup.err()).contains("--backup: is missing.");
    }

    @Test
    void secretsComeOnlyFromFilesAndAreNeverEchoed() {
        String file = exported("Orders").toString();
        CliRun typed = aem("deploy-task", "--server", "Prod", "--task", "Orders", "--definition", file, "--secret", TYPED_SECRET,
                "--dry-run");
        assertThat(typed.exit()).isEqualTo(2);
        assertThat(typed.err()).contains("Option '--secret' takes ENDPOINT=FILE").doesNotContain(TYPED_SECRET);
        CliRun asPath = aem("deploy-task", "--server", "Prod", "--task", "Orders", "--definition", file, "--secret",
                "Source-DB=" + TYPED_SECRET, "--dry-run");
        assertThat(asPath.exit()).isEqualTo(2);
        assertThat(asPath.err()).contains("--secret Source-DB: the file given cannot be read").doesNotContain(TYPED_SECRET);
        assertThat(imports()).isZero();
    }

    @Test
    void exitCodesOfARunningTaskAndOfAFailedDeploy() throws IOException {
        Path file = exported("Live");
        Files.writeString(file, Files.readString(file).replace("\"parallel_load_threads\": 4", "\"parallel_load_threads\": 8"));
        CliRun refused = deploy("Live", file, "--backup", dir.resolve("b1.json").toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("is RUNNING: a definition is never imported under a task that is not stopped");

        sim.task("Prod", "Live").spec().runErrorOnce("AEM_RUN_TASK_INNER_ERR");
        CliRun restored = deploy("Live", file, "--stop-if-running", "--backup", dir.resolve("b2.json").toString(), "--json");
        assertThat(restored.exit()).isEqualTo(5);
        assertThat(restored.err()).contains("The task was restored to its definition before the deploy and is RUNNING again");
        assertThat(new ObjectMapper().readTree(restored.lastOutLine()).get("kind").asText()).isEqualTo("DEPLOY_RESTORED");

        sim.task("Prod", "Live").spec().runError("AEM_RUN_TASK_INNER_ERR");
        Path backup = dir.resolve("b3.json");
        CliRun lost = deploy("Live", file, "--stop-if-running", "--backup", backup.toString());
        assertThat(lost.exit()).isEqualTo(6);
        assertThat(lost.err()).contains("The task is now STOPPED, with its definition before the deploy.")
                .contains("kept at " + backup.toAbsolutePath() + ": restore it from there (aem restore-task");

        sim.task("Prod", "Live").spec().runError((String) null);
        CliRun restore = aem("restore-task", "--server", "Prod", "--task", "Live", "--from", backup.toString(),
                "--stop-if-running", "--backup", dir.resolve("b4.json").toString());
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(sim.repository("Prod").runningDefinition("Live").orElseThrow()).contains("\"parallel_load_threads\" : 4");
    }

    @Test
    void helpListsTheNewCommandsAndExitCodes() {
        CliRun help = CliRun.of(Map.of(), "--help");
        assertThat(help.out()).contains("export-task").contains("deploy-task").contains("restore-task")
                .containsPattern("\\n  5 +a deploy failed after changing the task").containsPattern("\\n  130 +cancelled");
        CliRun deployHelp = CliRun.of(Map.of(), "deploy-task", "--help");
        assertThat(deployHelp.out()).contains("--secret=ENDPOINT=FILE").contains("--stop-if-running").contains("--replace")
                .contains("--allow-newer-version").contains("${secret:ENDPOINT/FIELD}");
    }
}
