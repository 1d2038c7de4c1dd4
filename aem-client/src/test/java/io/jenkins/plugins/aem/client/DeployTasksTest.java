package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.aem.simulator.ImportRecord;
import io.jenkins.plugins.aem.simulator.RequestKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rules of a release's plan and deploy, task by task and for the folder as a whole. */
class DeployTasksTest {

    private final ReleaseFixture f = new ReleaseFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static Map<String, ReleasedTask.Result> results(DeployTasksOutcome outcome) {
        Map<String, ReleasedTask.Result> out = new java.util.TreeMap<>();
        outcome.tasks().forEach(t -> out.put(t.task().task(), t.result()));
        return out;
    }

    private static ReleasedTask task(DeployTasksOutcome outcome, String name) {
        return outcome.tasks().stream().filter(t -> t.task().task().equals(name)).findFirst().orElseThrow();
    }

    /** A folder exported from Dev holds what Prod has: nothing is sent but one export per task, and the exit is 0. */
    @Test
    void aFolderTheServerMatchesPlansNoChangeWithOneReadPerTask() {
        f.exportDev();
        f.fx.sim.journal().clear();
        DeployTasksOutcome outcome = f.deploy(f.release().dryRun(true).build());
        assertThat(outcome.tasks()).hasSize(6).extracting(ReleasedTask::result).containsOnly(ReleasedTask.Result.NO_CHANGE);
        assertThat(outcome.notInFolder()).containsExactly("Extra");
        assertThat(outcome.exitCode()).isZero();
        assertThat(f.fx.count(e -> e.isExport())).isEqualTo(6);
        assertThat(f.fx.count(e -> true)).isLessThanOrEqualTo(2 * 6 + 4);
        DeployTasksOutcome deployed = f.deploy(f.release().build());
        assertThat(deployed.exitCode()).isZero();
        assertThat(f.repo("Prod").imports()).isEmpty();
    }

    @Test
    void theOnePlanSaysCreateChangeNoChangeRefusedAndTheServersOtherTasksAndARefusalStopsEverything() {
        f.exportDev();
        f.change("Task-0001");
        f.copy("Task-0002", "New-1");
        f.change("Task-0003");
        f.fx.sim.task("Prod", "Task-0003").setState("RUNNING");
        Map<String, String> before = f.definitions("Prod");

        DeployTasksOutcome plan = f.deploy(f.release().dryRun(true).build());
        assertThat(results(plan)).containsEntry("Task-0001", ReleasedTask.Result.DRIFT)
                .containsEntry("New-1", ReleasedTask.Result.DRIFT).containsEntry("Task-0002", ReleasedTask.Result.NO_CHANGE)
                .containsEntry("Task-0003", ReleasedTask.Result.REFUSED);
        assertThat(task(plan, "Task-0001").plan().lines()).contains(
                "change setting task_settings.target_settings.ftm_settings.parallel_load_threads: 4 -> 8");
        assertThat(task(plan, "New-1").plan().verdict()).isEqualTo(PlannedTask.Verdict.CREATE);
        assertThat(task(plan, "New-1").plan().lines().get(0)).startsWith("create task 'New-1' using endpoints Source-02, Target-01");
        assertThat(task(plan, "Task-0003").error().getMessage()).startsWith("task 'Task-0003' on server 'Prod' is RUNNING: "
                + "a definition is never imported under a task that is not stopped.");
        assertThat(plan.notInFolder()).containsExactly("Extra");
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(f.events()).contains("Plan for 7 task(s) on server 'Prod':", "  task 'Task-0001' (tasks/Task-0001.json): change",
                "  task 'New-1' (tasks/New-1.json): create", "  task 'Task-0003' (tasks/Task-0003.json): refused: ",
                "  no change: Task-0002, Task-0004, Task-0005, Task-0006",
                "  on the server but not in the folder, never touched: Extra");

        DeployTasksOutcome stopped = f.deploy(f.release().build());
        assertThat(results(stopped)).containsEntry("Task-0001", ReleasedTask.Result.NOT_STARTED)
                .containsEntry("New-1", ReleasedTask.Result.NOT_STARTED).containsEntry("Task-0003", ReleasedTask.Result.REFUSED);
        assertThat(task(stopped, "Task-0001").note()).isEqualTo("Not started: 1 task(s) of the release are refused, and the "
                + "release changes nothing then.");
        assertThat(stopped.warnings()).contains("1 task(s) of the release are refused, so nothing was changed. Fix what each "
                + "refusal says, or deploy the others anyway (skipRefused, --skip-refused).");
        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(f.repo("Prod").imports()).isEmpty();
        assertThat(f.definitions("Prod")).isEqualTo(before);
    }

    @Test
    void skipRefusedDeploysTheOthersAndTheExitStillSaysTheRefusal() {
        f.exportDev();
        f.change("Task-0001");
        f.copy("Task-0002", "New-1");
        f.change("Task-0003");
        f.fx.sim.task("Prod", "Task-0003").setState("RUNNING");
        DeployTasksOutcome outcome = f.deploy(f.release().skipRefused(true).build());
        assertThat(results(outcome)).containsEntry("Task-0001", ReleasedTask.Result.DEPLOYED)
                .containsEntry("New-1", ReleasedTask.Result.DEPLOYED).containsEntry("Task-0003", ReleasedTask.Result.REFUSED)
                .containsEntry("Task-0004", ReleasedTask.Result.NO_CHANGE);
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(f.repo("Prod").definition("Task-0001").orElseThrow()).contains("\"parallel_load_threads\" : 8");
        assertThat(f.repo("Prod").taskExists("New-1")).isTrue();
        assertThat(f.repo("Prod").definition("Task-0003").orElseThrow()).contains("\"parallel_load_threads\" : 4");
        assertThat(f.repo("Prod").imports()).extracting(ImportRecord::task).containsExactlyInAnyOrder("Task-0001", "New-1");
    }

    @Test
    void aDryRunExitsSevenWhileTheServerDiffersFromTheFolderAndZeroOnceItMatches() {
        f.exportDev();
        f.change("Task-0004");
        DeployTasksOutcome drift = f.deploy(f.release().dryRun(true).build());
        assertThat(drift.exitCode()).isEqualTo(DeployTasksOutcome.DRIFT_EXIT_CODE).isEqualTo(7);
        assertThat(drift.with(ReleasedTask.Result.DRIFT)).extracting(t -> t.task().task()).containsExactly("Task-0004");
        assertThat(f.events()).contains("server 'Prod' differs from the folder. Nothing was changed.");
        assertThat(f.deploy(f.release().build()).exitCode()).isZero();
        assertThat(f.deploy(f.release().dryRun(true).build()).exitCode()).isZero();
        assertThat(f.events()).contains("server 'Prod' matches the folder. Nothing was changed.");
    }

    /** A refused task could not be compared and would not be deployed: the dry run never says the server matches. */
    @Test
    void aDryRunWithARefusedTaskAndNoDriftSaysTheReleaseWouldNotGo() {
        f.exportDev();
        f.change("Task-0003");
        f.fx.sim.task("Prod", "Task-0003").setState("RUNNING");
        DeployTasksOutcome plan = f.deploy(f.release().dryRun(true).build());
        assertThat(plan.with(ReleasedTask.Result.REFUSED)).extracting(t -> t.task().task()).containsExactly("Task-0003");
        assertThat(plan.with(ReleasedTask.Result.DRIFT)).isEmpty();
        assertThat(plan.exitCode()).as("the refusal's code, as documented").isEqualTo(1);
        assertThat(f.events()).contains("1 refused: the release would not go as it stands. Nothing was changed.")
                .doesNotContain("matches the folder");
    }

    @Test
    void aPlaceholderWithoutValueIsRefusedBeforeAnythingIsSentNamingTheFiles() {
        f.exportDev();
        f.folder.edit("endpoints/Source-01.json", "\"database\": \"Sales\"", "\"database\": \"${SALES_DB}\"");
        f.folder.edit("tasks/Task-0002.json", "\"handle_truncate_ddl\": \"TRUNCATE_TABLE\"", "\"handle_truncate_ddl\": \"${DDL}\"");
        f.folder.edit("tasks/Task-0005.json", "\"handle_truncate_ddl\": \"TRUNCATE_TABLE\"", "\"handle_truncate_ddl\": \"${DDL}\"");
        f.fx.sim.journal().clear();
        assertThatThrownBy(() -> f.deploy(f.release().values(Map.of("UNUSED", "x")).build()))
                .isInstanceOfSatisfying(AemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.INVALID_INPUT);
                    assertThat(e.getMessage()).isEqualTo("values: placeholders without a value: ${DDL} (tasks/Task-0002.json, "
                            + "tasks/Task-0005.json), ${SALES_DB} (endpoints/Source-01.json). Give a value for each (aem: "
                            + "--values FILE or --set NAME=VALUE), or write '$${' for a literal '${'. Nothing was sent to AEM.");
                });
        assertThat(f.fx.sim.journal().entries()).isEmpty();
        DeployTasksOutcome withValues = f.deploy(f.release().values(Map.of("SALES_DB", "Sales", "DDL", "TRUNCATE_TABLE",
                "UNUSED", "x")).build());
        assertThat(withValues.tasks()).extracting(ReleasedTask::result).containsOnly(ReleasedTask.Result.NO_CHANGE);
        assertThat(withValues.warnings()).contains("Value 'UNUSED' is used by no file of the release.");
    }

    @Test
    void anEmptyFolderIsRefused() {
        assertThatThrownBy(() -> f.deploy(f.release().dryRun(true).build())).isInstanceOfSatisfying(AemException.class, e ->
                assertThat(e.getMessage()).isEqualTo("folder: release/tasks holds no task file. Give the release folder "
                        + "'aem export-tasks' wrote, with one file per task in tasks/."));
    }

    @Test
    void anEndpointDefinedTwoWaysIsRefusedBeforeAnythingIsSentNamingTheFiles() {
        f.exportDev();
        String withEndpoints = SimFixture.join(f.client().exportTask(new ExportRequest(new TaskRef("Dev", "Task-0001"), true,
                Duration.ofSeconds(30)), f.fx.listener())).text();
        f.folder.files.put("tasks/Task-0001.json", withEndpoints);
        assertThat(f.deploy(f.release().dryRun(true).build()).exitCode()).isZero(); // the same definition twice is one
        f.folder.files.put("tasks/Task-0001.json", withEndpoints.replace("\"database\": \"Sales\"", "\"database\": \"Other\""));
        f.fx.sim.journal().clear();
        assertThatThrownBy(() -> f.deploy(f.release().build())).isInstanceOfSatisfying(AemException.class, e ->
                assertThat(e.getMessage()).isEqualTo("folder: defines endpoint 'Source-01' (endpoints/Source-01.json, "
                        + "tasks/Task-0001.json (its databases)) in different ways. Keep one definition of each endpoint: 'aem "
                        + "export-tasks --with-endpoints' writes each once, to endpoints/. Nothing was sent to AEM."));
        assertThat(f.fx.sim.journal().entries()).isEmpty();
    }

    /**
     * Two new tasks share a new endpoint: the first by name carries it and creates it; the second leaves it out and
     * follows, though four deploys could run at once. The endpoint is sent once, with its secret.
     */
    /** Tasks NewA and NewB, copies of Task-0001 reading from a new endpoint Source-NEW, copied from Source-01. */
    private void twoNewTasksOnANewEndpoint() {
        f.exportDev();
        f.folder.files.put("endpoints/Source-NEW.json", f.folder.files.get("endpoints/Source-01.json").replace("Source-01", "Source-NEW"));
        for (String task : List.of("NewA", "NewB")) {
            f.folder.files.put("tasks/" + task + ".json", f.folder.files.get("tasks/Task-0001.json")
                    .replace("Source-01", "Source-NEW").replace("\"name\": \"Task-0001\"", "\"name\": \"" + task + "\""));
        }
    }

    @Test
    void aNewEndpointSharedByTwoTasksIsCreatedOnceByTheFirstAndTheOtherFollows() {
        twoNewTasksOnANewEndpoint();
        DeployTasksOutcome outcome = f.deploy(f.release().secrets(ReleaseFixture.secrets("Source-NEW")).build());
        assertThat(outcome.exitCode()).isZero();
        assertThat(task(outcome, "NewA").plan().lines()).anyMatch(l -> l.startsWith("create endpoint 'Source-NEW'"));
        assertThat(task(outcome, "NewB").plan().lines()).noneMatch(l -> l.contains("Source-NEW'"));
        List<ImportRecord> imports = f.repo("Prod").imports();
        assertThat(imports).extracting(ImportRecord::task).containsExactly("NewA", "NewB");
        assertThat(imports.get(0).endpoints()).containsExactly("Source-NEW");
        assertThat(imports.get(1).endpoints()).isEmpty();
        assertThat(f.repo("Prod").secretMatches("Source-NEW", "password", ReleaseFixture.SECRET)).isTrue();
        assertThat(f.deploy(f.release().dryRun(true).build()).exitCode()).isZero();
    }

    @Test
    void aTaskThatNeedsAnEndpointARefusedTaskCreatesIsRefusedToo() {
        twoNewTasksOnANewEndpoint();
        f.folder.edit("tasks/NewA.json", "\"version\": \"2024.11.0.177\"", "\"version\": \"2099.5.0.1\"");
        DeployTasksOutcome outcome = f.deploy(f.release().secrets(ReleaseFixture.secrets("Source-NEW")).skipRefused(true).build());
        assertThat(results(outcome)).containsEntry("NewA", ReleasedTask.Result.REFUSED).containsEntry("NewB", ReleasedTask.Result.REFUSED);
        assertThat(task(outcome, "NewB").error().getMessage()).isEqualTo("task 'NewB' on server 'Prod' uses endpoint "
                + "'Source-NEW', which task 'NewA' of this release creates, and that task is refused. Nothing was changed.");
        assertThat(f.repo("Prod").imports()).isEmpty();
    }

    @Test
    void neverMoreDeploysAtOnceThanAskedAndEachChangedTaskGetsItsOwnBackup() {
        f.exportDev();
        for (int i = 1; i <= 6; i++) {
            f.change("Task-000" + i);
        }
        Map<String, DeployBackup> backups = new ConcurrentHashMap<>();
        f.fx.sim.inFlight().resetPeaks();
        DeployTasksOutcome outcome = f.deploy(f.release().parallel(2).backups(task -> backup -> {
            backups.put(task.task(), backup);
            return "backups/" + task.task() + ".json";
        }).build());
        assertThat(outcome.with(ReleasedTask.Result.DEPLOYED)).hasSize(6);
        assertThat(f.fx.sim.inFlight().peak(RequestKind.ALL)).isBetween(1, 2);
        assertThat(backups.keySet()).containsExactlyInAnyOrder("Task-0001", "Task-0002", "Task-0003", "Task-0004",
                "Task-0005", "Task-0006");
        assertThat(backups.get("Task-0003").restorableText()).contains("\"parallel_load_threads\": 4");
        assertThat(task(outcome, "Task-0003").backup()).isEqualTo("backups/Task-0003.json");
    }

    /**
     * Each deploy of a release checks that its plan is still the one the release showed: a task changed in AEM after
     * the plan (here while the release waits for its folder) is refused, and nothing is changed on it.
     */
    @Test
    void aTaskChangedAfterThePlanIsRefusedAndLeftAsItIs() {
        f.exportDev();
        f.change("Task-0001");
        f.change("Task-0002");
        String other = f.folder.files.get("tasks/Task-0002.json").replace("\"parallel_load_threads\": 8", "\"parallel_load_threads\": 6");
        CompletableFuture<DeployOutcome> meanwhile = new CompletableFuture<>();
        ProgressListener listener = e -> {
            if (e.message().startsWith("Plan for 6 task(s)")) {
                // Queued before the release's next read of the folder: it runs between the plan and the deploys.
                f.io.execute(() -> meanwhile.complete(SimFixture.join(f.client().deploy(DeployRequest.of(
                        new TaskRef("Prod", "Task-0002"), other).withTimeout(Duration.ofSeconds(30)), ProgressListener.NONE))));
            }
        };
        DeployTasksOutcome outcome = SimFixture.join(f.client().deployTasks(f.release().parallel(1).build(), f.folder, f.io, listener));
        assertThat(meanwhile.join().result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(task(outcome, "Task-0001").result()).isEqualTo(ReleasedTask.Result.DEPLOYED);
        ReleasedTask changed = task(outcome, "Task-0002");
        assertThat(changed.result()).isEqualTo(ReleasedTask.Result.FAILED);
        assertThat(changed.error().kind()).isEqualTo(FailureKind.DEPLOY_REFUSED);
        assertThat(changed.error().getMessage()).startsWith("task 'Task-0002' on server 'Prod' changed after the release was "
                + "planned: its plan now reads 'change setting task_settings.target_settings.ftm_settings.parallel_load_threads: "
                + "6 -> 8; ").contains("where the release planned 'change setting "
                + "task_settings.target_settings.ftm_settings.parallel_load_threads: 4 -> 8; ");
        assertThat(f.repo("Prod").definition("Task-0002").orElseThrow()).contains("\"parallel_load_threads\" : 6");
        assertThat(outcome.exitCode()).isEqualTo(1);
    }

    /**
     * A caller that keeps a record per task (a build's page) hears each task's plan as a fact, a dry run's and an
     * unchanged task's too, and each step a deploy takes, every fact naming its task.
     */
    @Test
    void eachTaskTellsItsPlanAndItsStepsAsFactsNamedByItsTask() {
        f.exportDev();
        f.change("Task-0001");
        List<ProgressFact> facts = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProgressListener recording = new ProgressListener() {
            @Override
            public void onProgress(ProgressEvent event) {
            }

            @Override
            public void onFact(ProgressFact fact) {
                facts.add(fact);
            }
        };

        SimFixture.join(f.client().deployTasks(f.release().dryRun(true).build(), f.folder, f.io, recording));
        assertThat(facts).filteredOn(ProgressFact.DeployPlanned.class::isInstance).extracting(p -> p.task().task())
                .containsExactlyInAnyOrder("Task-0001", "Task-0002", "Task-0003", "Task-0004", "Task-0005", "Task-0006");
        ProgressFact.DeployPlanned changed = facts.stream().filter(ProgressFact.DeployPlanned.class::isInstance)
                .map(ProgressFact.DeployPlanned.class::cast).filter(p -> p.task().task().equals("Task-0001")).findFirst()
                .orElseThrow();
        assertThat(changed.plan().lines()).contains(
                "change setting task_settings.target_settings.ftm_settings.parallel_load_threads: 4 -> 8");
        assertThat(facts).noneMatch(ProgressFact.DeployAction.class::isInstance);
        assertThat(facts).as("planning is no deploy: no task's deploy ended").noneMatch(ProgressFact.DeployEnded.class::isInstance);

        facts.clear();
        SimFixture.join(f.client().deployTasks(f.release().build(), f.folder, f.io, recording));
        assertThat(facts).filteredOn(ProgressFact.DeployAction.class::isInstance)
                .extracting(a -> ((ProgressFact.DeployAction) a).action())
                .contains("imported the definition into task 'Task-0001' on server 'Prod'");
        assertThat(facts).filteredOn(ProgressFact.DeployAction.class::isInstance)
                .allMatch(a -> a.task().equals(new TaskRef("Prod", "Task-0001")));
        List<ProgressFact.DeployEnded> ended = facts.stream().filter(ProgressFact.DeployEnded.class::isInstance)
                .map(ProgressFact.DeployEnded.class::cast).toList();
        assertThat(ended).as("the one task deployed tells how long its deploy took, once it ended")
                .extracting(ProgressFact.DeployEnded::task).containsExactly(new TaskRef("Prod", "Task-0001"));
        assertThat(ended.get(0).elapsed()).isPositive();
        assertThat(facts.get(facts.size() - 1)).as("its last fact").isEqualTo(ended.get(0));
    }
}
