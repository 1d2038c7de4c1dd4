package io.jenkins.plugins.aem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** aem export-tasks and deploy-tasks against the simulator: the folder, the plan, the exit codes 0 to 7. */
class ReleaseCommandsTest {

    private static final String PASSWORD = "release-Secret-43";
    private static final String NEW_SECRET = "cli-New-Endpoint-9";

    static {
        SecretScan.register(NEW_SECRET);
    }

    private static final Map<String, String> ENV = Map.of("AEM_USERNAME", "release", "AEM_PASSWORD", PASSWORD);

    @TempDir
    Path dir;

    private Path folder;
    private AemSimulator sim;
    private final List<CliRun> runs = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        SimTaskSpec fast = SimTaskSpec.named("t").startDuration(Duration.ofMillis(100)).stopDuration(Duration.ofMillis(100));
        sim = AemSimulator.builder().designer("release", PASSWORD)
                .server(SimServer.replicate("Dev").generatedTasks(4, 4, fast))
                .server(SimServer.replicate("Prod").generatedTasks(4, 4, fast).task(SimTaskSpec.named("Extra")))
                .start();
        folder = dir.resolve("release");
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
        argv.addAll(1, List.of("--url", sim.baseUrl().toString(), "--dir", folder.toString()));
        CliRun run = CliRun.of(ENV, argv.toArray(String[]::new));
        runs.add(run);
        return run;
    }

    private CliRun exportDev(String... more) {
        List<String> args = new ArrayList<>(List.of("export-tasks", "--server", "Dev", "--with-endpoints"));
        args.addAll(List.of(more));
        CliRun run = aem(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        return run;
    }

    private CliRun release(String... more) {
        List<String> args = new ArrayList<>(List.of("deploy-tasks", "--server", "Prod", "--timeout", "30"));
        args.addAll(List.of(more));
        return aem(args.toArray(String[]::new));
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = folder.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to));
    }

    private void change(String task) throws IOException {
        edit("tasks/" + task + ".json", "\"parallel_load_threads\": 4", "\"parallel_load_threads\": 8");
    }

    private Map<String, FileTime> times() throws IOException {
        Map<String, FileTime> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(folder.relativize(p).toString(), Files.getLastModifiedTime(p));
            }
        }
        return out;
    }

    private static JsonNode json(CliRun run) throws IOException {
        return new ObjectMapper().readTree(run.lastOutLine());
    }

    @Test
    void exportWritesOneFilePerTaskAndEndpointAndAnUnchangedServerChangesNoByte() throws Exception {
        CliRun first = exportDev("--json");
        JsonNode result = json(first);
        assertThat(result.path("exitCode").asInt()).isZero();
        assertThat(result.path("tasks")).hasSize(4);
        assertThat(result.path("tasks").get(0).path("status").asText()).isEqualTo("WRITTEN");
        assertThat(Files.list(folder.resolve("tasks")).count()).isEqualTo(4);
        assertThat(Files.list(folder.resolve("endpoints")).count()).isEqualTo(4);
        edit("endpoints/Source-01.json", "\"database\": \"Sales\"", "\"database\": \"${SALES_DB}\"");
        Path values = dir.resolve("dev.values");
        Files.writeString(values, "# Dev\nSALES_DB=Sales\n");
        Map<String, FileTime> before = times();
        Thread.sleep(20);
        CliRun again = exportDev("--values", values.toString());
        assertThat(again.out()).contains("UNCHANGED tasks/Task-0001.json");
        assertThat(times()).isEqualTo(before);
        assertThat(Files.readString(folder.resolve("endpoints/Source-01.json"))).contains("${SALES_DB}");
        CliRun differs = exportDev("--values", values.toString(), "--set", "SALES_DB=Sales_TEST");
        assertThat(differs.err()).contains("endpoints/Source-01.json: '${SALES_DB}' at db_settings.database is replaced by "
                + "the server's value (it gives \"Sales_TEST\" with these values, and the server has \"Sales\").");
    }

    @Test
    void staleFilesAreListedAndPrunedOnlyWithPrune() throws IOException {
        exportDev();
        Files.writeString(folder.resolve("tasks/Retired.json"), Files.readString(folder.resolve("tasks/Task-0001.json"))
                .replace("\"name\": \"Task-0001\"", "\"name\": \"Retired\""));
        CliRun listed = exportDev();
        assertThat(listed.err()).contains("aem: 1 file(s) of tasks or endpoints no longer on server 'Dev' were kept; "
                + "--prune deletes them: tasks/Retired.json");
        assertThat(folder.resolve("tasks/Retired.json")).exists();
        exportDev("--prune");
        assertThat(folder.resolve("tasks/Retired.json")).doesNotExist();
    }

    @Test
    void aDryRunExitsZeroWhenTheServerMatchesAndSevenWhenItDiffers() throws IOException {
        exportDev();
        CliRun same = release("--dry-run");
        assertThat(same.exit()).as(same.err()).isZero();
        assertThat(same.out()).contains("NO_CHANGE Task-0001");
        assertThat(same.err()).contains("on the server but not in the folder, never touched: Extra");
        change("Task-0002");
        CliRun drift = release("--dry-run", "--json");
        assertThat(drift.exit()).isEqualTo(7);
        JsonNode result = json(drift);
        assertThat(result.path("exitCode").asInt()).isEqualTo(7);
        assertThat(result.path("tasks").get(1).path("result").asText()).isEqualTo("DRIFT");
        assertThat(result.path("tasks").get(1).path("plan").get(0).asText())
                .isEqualTo("change setting task_settings.target_settings.ftm_settings.parallel_load_threads: 4 -> 8");
        assertThat(result.path("notInFolder").get(0).asText()).isEqualTo("Extra");
    }

    @Test
    void aReleaseWritesAPrivateBackupPerChangedTaskAndThenMatches() throws IOException {
        exportDev();
        change("Task-0001");
        change("Task-0003");
        CliRun noBackup = release();
        assertThat(noBackup.exit()).isEqualTo(2);
        assertThat(noBackup.err()).contains("--backup-dir: is missing.");
        Path backups = dir.resolve("backups");
        CliRun run = release("--backup-dir", backups.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode result = json(run);
        assertThat(result.path("tasks").get(0).path("result").asText()).isEqualTo("DEPLOYED");
        assertThat(result.path("tasks").get(0).path("backup").asText()).isEqualTo(backups.resolve("Task-0001.json").toAbsolutePath().toString());
        assertThat(result.path("tasks").get(1).path("result").asText()).isEqualTo("NO_CHANGE");
        try (Stream<Path> files = Files.list(backups)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("Task-0001.json", "Task-0003.json");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backups.resolve("Task-0001.json")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backups))).isEqualTo("rwx------");
        CliRun again = release("--backup-dir", backups.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("--backup-dir: " + backups + " already holds 2 backup(s), maybe of an earlier release.");
        assertThat(release("--dry-run").exit()).isZero();
    }

    @Test
    void aRefusalStopsTheReleaseAndSkipRefusedDeploysTheOthers() throws IOException {
        exportDev();
        change("Task-0001");
        change("Task-0002");
        sim.task("Prod", "Task-0002").setState("RUNNING");
        CliRun stopped = release("--backup-dir", dir.resolve("b1").toString());
        assertThat(stopped.exit()).isEqualTo(1);
        assertThat(stopped.out()).contains("NOT_STARTED Task-0001", "REFUSED Task-0002");
        assertThat(stopped.err()).contains("aem: task 'Task-0002' on server 'Prod' is RUNNING: a definition is never "
                + "imported under a task that is not stopped.");
        assertThat(sim.repository("Prod").imports()).isEmpty();
        CliRun others = release("--backup-dir", dir.resolve("b2").toString(), "--skip-refused");
        assertThat(others.exit()).isEqualTo(1);
        assertThat(others.out()).contains("DEPLOYED Task-0001", "REFUSED Task-0002");
        CliRun check = release("--dry-run");
        assertThat(check.exit()).as("a dry run keeps a refusal's code: neither 0 (matches) nor 7 (drift)").isEqualTo(1);
        assertThat(check.out() + check.err()).contains("1 refused: the release would not go as it stands. Nothing was "
                + "changed.").doesNotContain("matches the folder");
    }

    @Test
    void anAtomicReleaseThatFailsPutsBackEveryTaskAndSaysWhichAreNot() throws IOException {
        exportDev();
        change("Task-0001");
        change("Task-0002");
        sim.task("Prod", "Task-0002").setState("RUNNING");
        String before = sim.repository("Prod").definition("Task-0001").orElseThrow();
        sim.task("Prod", "Task-0002").spec().runErrorOnce("AEM_RUN_TASK_INNER_ERR");
        CliRun back = release("--backup-dir", dir.resolve("b1").toString(), "--atomic", "--stop-if-running", "--parallel", "1");
        assertThat(back.exit()).as(back.err()).isEqualTo(5);
        assertThat(back.out()).contains("UNDONE Task-0001", "FAILED Task-0002");
        assertThat(sim.repository("Prod").definition("Task-0001")).hasValue(before);
        sim.task("Prod", "Task-0002").spec().runError("AEM_RUN_TASK_INNER_ERR");
        Path b2 = dir.resolve("b2");
        CliRun notBack = release("--backup-dir", b2.toString(), "--atomic", "--stop-if-running", "--parallel", "1");
        assertThat(notBack.exit()).isEqualTo(6);
        assertThat(notBack.err()).contains("Restoring the task failed too").contains("The task is now STOPPED")
                .contains("kept at " + b2.resolve("Task-0002.json").toAbsolutePath());
    }

    @Test
    void theFolderIsCheckedWholeBeforeAnythingIsSent() throws IOException {
        exportDev();
        edit("tasks/Task-0002.json", "\"handle_truncate_ddl\": \"TRUNCATE_TABLE\"", "\"handle_truncate_ddl\": \"${DDL}\"");
        sim.journal().clear();
        CliRun missing = release("--dry-run");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("aem: values: placeholders without a value: ${DDL} (tasks/Task-0002.json).");
        assertThat(sim.journal().entries()).isEmpty();
        assertThat(release("--dry-run", "--set", "DDL=TRUNCATE_TABLE").exit()).isZero();
        assertThat(release("--dry-run", "--set", "DDL=TRUNCATE_TABLE", "--parallel", "40").err())
                .contains("parallel: must be 1 to 16 (was 40).");
        assertThat(release("--dry-run", "--set", "DDL=TRUNCATE_TABLE", "--task", "Nope").err())
                .contains("task: 'Nope' matches no task file in ");
    }

    @Test
    void aNewEndpointTakesItsSecretFromAFileAndNeverShowsIt() throws IOException {
        exportDev();
        Files.writeString(folder.resolve("endpoints/Source-NEW.json"), Files.readString(folder.resolve("endpoints/Source-01.json"))
                .replace("Source-01", "Source-NEW"));
        Files.writeString(folder.resolve("tasks/NewA.json"), Files.readString(folder.resolve("tasks/Task-0001.json"))
                .replace("Source-01", "Source-NEW").replace("\"name\": \"Task-0001\"", "\"name\": \"NewA\""));
        CliRun without = release("--dry-run");
        assertThat(without.exit()).isEqualTo(2);
        assertThat(without.err()).contains("endpoint 'Source-NEW' has secrets (password) and no value was given");
        Path secret = dir.resolve("new.secret");
        Files.writeString(secret, NEW_SECRET + "\n");
        CliRun run = release("--backup-dir", dir.resolve("b").toString(), "--secret", "Source-NEW=" + secret);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("DEPLOYED NewA");
        assertThat(sim.repository("Prod").secretMatches("Source-NEW", "password", NEW_SECRET)).isTrue();
    }

    /**
     * --update-secrets rotates Source-01 once, by Task-0001 which carries it (PatchEndpoint), tests it, and restarts
     * Task-0003, which runs on it; --no-endpoint-test turns the test off, and the plan says so.
     */
    @Test
    void deployTasksRotatesEachEndpointOnceAndTheEndpointTestCanBeTurnedOff() throws IOException {
        exportDev();
        sim.task("Prod", "Task-0003").setState("RUNNING");
        sim.repository("Prod").endpoints().databaseAlsoAccepts("Source-01", "password", NEW_SECRET);
        Path secret = dir.resolve("rotated.secret");
        Files.writeString(secret, NEW_SECRET + "\n");
        CliRun plan = release("--dry-run", "--secret", "Source-01=" + secret, "--update-secrets", "--stop-if-running",
                "--no-endpoint-test");
        assertThat(plan.exit()).as(plan.err()).isEqualTo(7);
        assertThat(plan.err()).contains("  endpoint test: off (skipEndpointTest)",
                "rotate the secret of endpoint 'Source-01' (password) through PatchEndpoint, its secret fields alone",
                "  restarted to take the rotated secrets: Task-0003");
        CliRun run = release("--json", "--backup-dir", dir.resolve("b").toString(), "--secret", "Source-01=" + secret,
                "--update-secrets", "--stop-if-running");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode task = json(run).get("tasks").get(0);
        assertThat(task.get("task").asText()).isEqualTo("Task-0001");
        assertThat(task.get("result").asText()).isEqualTo("DEPLOYED");
        assertThat(task.get("testedEndpoints").toString()).isEqualTo("[\"Source-01\"]");
        assertThat(sim.repository("Prod").endpoints().patches()).hasSize(1);
        assertThat(sim.repository("Prod").runningSecretMatches("Task-0003", "Source-01", "password", NEW_SECRET)).isTrue();
        assertThat(run.all()).doesNotContain(NEW_SECRET);
    }
}
