package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.client.DeployCheckpoint.Action;
import io.jenkins.plugins.aem.client.DeployCheckpoint.End;
import io.jenkins.plugins.aem.client.DeployCheckpoint.Stage;
import io.jenkins.plugins.aem.client.DeployCheckpoint.Status;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.TransportFault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A release outlives the process that runs it: each task's deploy tells its checkpoints, with its place in the release,
 * and {@link AemClient#resumeDeployTasks} takes the release up from what each task left, finishing what is safe,
 * putting back what is not, never sending a deploy's import twice, and, atomic, putting every task back when one
 * failed. Three changed tasks, deployed one at a time; Task-0002 runs on Prod. A process is "killed" by having AEM
 * answer nothing more to it from a chosen checkpoint on (every later request hangs and none is carried out).
 */
class ReleaseResumeTest {

    private final ReleaseFixture f = new ReleaseFixture();
    private Map<String, String> before;

    @BeforeEach
    void folder() {
        before = f.threeChangedTasks();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private DeployTasksRequest.Builder release(boolean atomic) {
        return f.release().atomic(atomic).parallel(1).stopIfRunning(true, null, null).tasks(
                io.jenkins.plugins.aem.client.release.TaskPatterns.of(List.of("Task-0001", "Task-0002", "Task-0003")));
    }

    /** What a killed release left: each task's last checkpoint kept, and its backup. */
    private record Left(Map<String, DeployCheckpoint> checkpoints, Map<String, String> backups) {
        ReleaseResume resume() {
            return new ReleaseResume(checkpoints.values().stream().map(c -> new DeployResume(backups.get(c.task()), c,
                    "backups/" + c.task() + ".json")).toList());
        }
    }

    /**
     * Runs the release on a pool of its own and kills it at the first checkpoint {@code at} accepts: {@code faults}
     * then make AEM answer nothing more, that checkpoint is kept unless {@code keepIt} is false, and the release is
     * cancelled, as a dead process starts nothing more.
     */
    private Left kill(DeployTasksRequest.Builder request, Predicate<DeployCheckpoint> at, boolean keepIt, Runnable faults) {
        Map<String, DeployCheckpoint> kept = new ConcurrentHashMap<>();
        Map<String, String> backups = new ConcurrentHashMap<>();
        ProcessKill kill = new ProcessKill(f.fx, at, keepIt, faults);
        request.timeout(Duration.ofSeconds(5)).checkpoints(task -> c -> {
            if (kill.keeps(c)) {
                kept.put(c.task(), c);
            }
        }).backups(task -> b -> {
            if (kill.dead()) {
                throw new IllegalStateException("the process is gone");
            }
            backups.put(task.task(), b.restorableText());
            return "backups/" + task.task() + ".json";
        });
        try (AemClientPool dying = ProcessKill.pool()) {
            AemClient client = dying.client(ConnectionSettings.builder(f.fx.sim.baseUrl().toString(),
                    Credentials.of(ReleaseFixture.RELEASER, ReleaseFixture.RELEASER_PASSWORD)).build());
            CompletableFuture<DeployTasksOutcome> running = client.deployTasks(request.build(), f.folder, f.io, null);
            // Once the change the kill came at has left (and hangs), the dead process starts nothing more.
            kill.killed.thenRunAsync(() -> running.cancel(true), CompletableFuture.delayedExecutor(300,
                    java.util.concurrent.TimeUnit.MILLISECONDS));
            running.handle((o, e) -> null).join();
        }
        kill.over();
        return new Left(Map.copyOf(kept), Map.copyOf(backups));
    }

    private static Predicate<DeployCheckpoint> at(String task, Stage stage, Action action, Status status) {
        return c -> c.task().equals(task) && c.stage() == stage && !c.changes().isEmpty()
                && c.changes().get(c.changes().size() - 1).action() == action
                && c.changes().get(c.changes().size() - 1).status() == status;
    }

    private DeployTasksOutcome resume(DeployTasksRequest.Builder request, Left left) {
        return SimFixture.join(f.client().resumeDeployTasks(request.timeout(Duration.ofSeconds(30)).build(), left.resume(),
                f.folder, f.io, f.fx.listener()));
    }

    private static ReleasedTask task(DeployTasksOutcome outcome, String name) {
        return outcome.tasks().stream().filter(t -> t.task().task().equals(name)).findFirst().orElseThrow();
    }

    /** How many times the deploy's own import of {@code task} (its file's setting 8) was sent, answered or not. */
    private long imports(String task) {
        java.util.regex.Pattern mine = java.util.regex.Pattern.compile("\"parallel_load_threads\"\\s*:\\s*8");
        return f.fx.sim.journal().entries().stream().filter(e -> e.isImport() && e.path().endsWith("/tasks/" + task)
                && e.body() != null && mine.matcher(e.body()).find()).count();
    }

    private void assertAllChanged() {
        for (String t : List.of("Task-0001", "Task-0002", "Task-0003")) {
            assertThat(f.repo("Prod").definition(t).orElseThrow()).as(t).contains("\"parallel_load_threads\" : 8");
        }
        assertThat(f.fx.sim.task("Prod", "Task-0002").state()).isEqualTo("RUNNING");
    }

    @Test
    void eachDeployOfAReleaseChecksItsPlaceInTheReleaseAndHowItEnded() {
        List<DeployCheckpoint> heard = new CopyOnWriteArrayList<>();
        DeployTasksOutcome outcome = f.deploy(release(true).checkpoints(task -> heard::add).build());
        assertThat(outcome.exitCode()).as("%s", f.events()).isZero();
        Map<String, DeployCheckpoint> last = new TreeMap<>();
        heard.forEach(c -> last.put(c.task(), c));
        assertThat(last.values()).extracting(c -> c.task() + " " + c.release() + " " + c.stage() + " " + c.end())
                .containsExactly("Task-0001 Release[order=1, atomic=true] DONE DEPLOYED",
                        "Task-0002 Release[order=2, atomic=true] DONE DEPLOYED",
                        "Task-0003 Release[order=3, atomic=true] DONE DEPLOYED");
        DeployCheckpoint end = last.get("Task-0002");
        assertThat(DeployCheckpoint.fromJson(end.toJson())).isEqualTo(end);
    }

    @Test
    void killedBetweenTwoTasksTheResumeFinishesTheReleaseAndImportsEachTaskOnce() {
        Left left = kill(release(false), at("Task-0002", Stage.FORWARD, Action.STOP, Status.SENDING), false, () -> { });
        assertThat(left.checkpoints()).containsOnlyKeys("Task-0001");
        DeployTasksOutcome outcome = resume(release(false), left);
        assertThat(outcome.exitCode()).as("%s", f.events()).isZero();
        assertThat(task(outcome, "Task-0001").result()).isEqualTo(ReleasedTask.Result.DEPLOYED);
        assertThat(task(outcome, "Task-0001").resumed()).isEqualTo("deployed before the interruption");
        assertThat(task(outcome, "Task-0002").result()).isEqualTo(ReleasedTask.Result.DEPLOYED);
        assertThat(task(outcome, "Task-0003").result()).isEqualTo(ReleasedTask.Result.DEPLOYED);
        assertAllChanged();
        assertThat(List.of(imports("Task-0001"), imports("Task-0002"), imports("Task-0003"))).containsOnly(1L);
    }

    @Test
    void anImportWhoseAnswerWasLostIsNeverSentAgainAndTheTaskIsFinished() {
        Left left = kill(release(false), at("Task-0002", Stage.FORWARD, Action.IMPORT, Status.SENDING), true,
                () -> f.fx.sim.faults().nextTransport(RequestKind.IMPORT, 1, TransportFault.HANG_AFTER_APPLY));
        DeployTasksOutcome outcome = resume(release(false), left);
        assertThat(outcome.exitCode()).as("%s", f.events()).isZero();
        assertThat(task(outcome, "Task-0002").resumed()).isEqualTo("finished: the import sent before the interruption "
                + "shows in the task");
        assertThat(task(outcome, "Task-0003").resumed()).isNull();
        assertAllChanged();
        assertThat(imports("Task-0002")).isEqualTo(1);
        assertThat(imports("Task-0003")).isEqualTo(1);
    }

    @Test
    void atomicAnImportThatNeverHappenedIsNotSentAgainAndEveryTaskTheReleaseChangedIsPutBack() {
        Left left = kill(release(true), at("Task-0002", Stage.FORWARD, Action.IMPORT, Status.SENDING), true, () -> { });
        assertThat(left.checkpoints().get("Task-0001").end()).isEqualTo(End.DEPLOYED);
        DeployTasksOutcome outcome = resume(release(true), left);
        assertThat(outcome.exitCode()).isEqualTo(5);
        assertThat(outcome.notBack()).isEmpty();
        assertThat(task(outcome, "Task-0002").result()).isEqualTo(ReleasedTask.Result.FAILED);
        assertThat(task(outcome, "Task-0002").resumed()).isEqualTo("restored: the import sent before the interruption does "
                + "not show in the task");
        assertThat(task(outcome, "Task-0001").result()).isEqualTo(ReleasedTask.Result.UNDONE);
        assertThat(task(outcome, "Task-0001").resumed()).isEqualTo("deployed before the interruption");
        assertThat(task(outcome, "Task-0003").result()).isEqualTo(ReleasedTask.Result.NOT_STARTED);
        assertThat(f.definitions("Prod")).isEqualTo(before);
        assertThat(imports("Task-0002")).as("sent once, before the kill, and lost; never again").isEqualTo(1);
        assertThat(f.fx.sim.task("Prod", "Task-0002").state()).isEqualTo("RUNNING");
    }

    @Test
    void atomicKilledWhilePuttingTasksBackTheResumeFinishesPuttingThemBack() {
        Predicate<DeployCheckpoint> refusedThenKilled = c -> {
            if (at("Task-0002", Stage.FORWARD, Action.IMPORT, Status.SENDING).test(c)) {
                f.fx.sim.faults().failNext(RequestKind.IMPORT, 1, "AEM_IMPORT_INVALID_CONTENT");
            }
            return at("Task-0001", Stage.RESTORING, Action.IMPORT, Status.SENDING).test(c);
        };
        Left left = kill(release(true), refusedThenKilled, true, () -> { });
        assertThat(left.checkpoints().get("Task-0002").end()).isEqualTo(End.RESTORED);
        DeployTasksOutcome outcome = resume(release(true), left);
        assertThat(outcome.exitCode()).isEqualTo(5);
        assertThat(task(outcome, "Task-0001").result()).isIn(ReleasedTask.Result.FAILED, ReleasedTask.Result.UNDONE);
        assertThat(task(outcome, "Task-0001").resumed()).isEqualTo("the restore under way at the interruption went on");
        assertThat(task(outcome, "Task-0002").resumed()).isEqualTo("put back before the interruption, after its deploy failed");
        assertThat(task(outcome, "Task-0003").result()).isEqualTo(ReleasedTask.Result.NOT_STARTED);
        assertThat(f.definitions("Prod")).isEqualTo(before);
        assertThat(f.fx.sim.task("Prod", "Task-0002").state()).isEqualTo("RUNNING");
    }

    @Test
    void aResumeIsRefusedBeforeAnythingIsSentWhenItIsNotOfThisRelease() {
        DeployCheckpoint alone = new DeployCheckpoint("Prod", "Task-0001", Stage.FORWARD, "STOPPED", List.of(), List.of(),
                List.of(), List.of());
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(AemException.class, () -> new ReleaseResume(List.of(
                new DeployResume("{}", alone, null)))).getMessage()).isEqualTo("checkpoint: of task 'Task-0001' on server "
                + "'Prod' is not of a release's deploy: it has no place in a release. Resume a deploy of its own with "
                + "resumeDeploy.");
        ReleaseResume atomic = new ReleaseResume(List.of(new DeployResume("{}", alone.inRelease(1, true), null)));
        f.fx.sim.journal().clear();
        AemException other = DeployFixture.fails(f.client().resumeDeployTasks(release(false).build(), atomic, f.folder,
                f.io, null));
        assertThat(other.getMessage()).isEqualTo("checkpoint: of task 'Task-0001' on server 'Prod' is not of this release "
                + "(server 'Prod', not atomic). Resume the release with the request it ran with.");
        AemException dryRun = DeployFixture.fails(f.client().resumeDeployTasks(release(true).dryRun(true).build(), atomic,
                f.folder, f.io, null));
        assertThat(dryRun.getMessage()).startsWith("dryRun: cannot go with a resume");
        f.folder.files.remove("tasks/Task-0001.json");
        AemException gone = DeployFixture.fails(f.client().resumeDeployTasks(f.release().atomic(true).build(), atomic,
                f.folder, f.io, null));
        assertThat(gone.getMessage()).isEqualTo("folder: release no longer holds the file of task 'Task-0001', which the "
                + "interrupted release had reached. Resume with the folder as the release had it (its commit), so that "
                + "each task is finished or put back. Nothing was sent to AEM.");
        assertThat(f.fx.sim.journal().entries()).isEmpty();
    }
}
