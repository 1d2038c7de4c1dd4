package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.TransportFault;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A release of three changed tasks, one at a time, whose second fails at each step: atomic, every task the release
 * changed is put back (exit 5), or the outcome names each task that is not, with its state and backup (exit 6);
 * without atomic, each task stands alone. Task-0002 runs on Prod, so its deploy stops it and runs it again.
 */
class AtomicReleaseTest {

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

    private CompletableFuture<DeployTasksOutcome> start(boolean atomic, Duration timeout, Consumer<String> onEvent) {
        DeployTasksRequest request = f.release().atomic(atomic).parallel(1).timeout(timeout)
                .stopIfRunning(true, null, null).backups(t -> b -> "backups/" + t.task() + ".json").build();
        return f.client().deployTasks(request, f.folder, f.io, e -> {
            f.fx.events.add(e);
            onEvent.accept(e.message());
        });
    }

    private DeployTasksOutcome release(boolean atomic, Consumer<String> onEvent) {
        return SimFixture.join(start(atomic, Duration.ofSeconds(30), onEvent));
    }

    private static ReleasedTask task(DeployTasksOutcome outcome, String name) {
        return outcome.tasks().stream().filter(t -> t.task().task().equals(name)).findFirst().orElseThrow();
    }

    private void assertAllBack(DeployTasksOutcome outcome) {
        assertThat(outcome.exitCode()).isEqualTo(5);
        assertThat(outcome.notBack()).isEmpty();
        assertThat(f.definitions("Prod")).isEqualTo(before);
        assertThat(f.fx.sim.task("Prod", "Task-0002").state()).isEqualTo("RUNNING");
        assertThat(task(outcome, "Task-0001").result()).isEqualTo(ReleasedTask.Result.UNDONE);
        assertThat(task(outcome, "Task-0001").error().getMessage()).isEqualTo("The deploy of task 'Task-0001' on server "
                + "'Prod' failed: The release was undone: task 'Task-0002' failed, and the release is atomic. The task was "
                + "restored to its definition before the deploy and is STOPPED, as it was.");
        assertThat(task(outcome, "Task-0003").result()).isEqualTo(ReleasedTask.Result.NOT_STARTED);
        assertThat(task(outcome, "Task-0003").note()).isEqualTo("Not started: task 'Task-0002' failed.");
    }

    @Test
    void anImportRefusedPutsBackEveryTaskTheReleaseChanged() {
        DeployTasksOutcome outcome = release(true, m -> {
            if (m.startsWith("Task-0001: imported the definition")) {
                f.fx.sim.faults().failNext(RequestKind.IMPORT, 1, "AEM_IMPORT_INVALID_CONTENT");
            }
        });
        assertThat(task(outcome, "Task-0002").result()).isEqualTo(ReleasedTask.Result.FAILED);
        assertThat(task(outcome, "Task-0002").error().kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(task(outcome, "Task-0002").error().errorCode()).isEqualTo("AEM_IMPORT_INVALID_CONTENT");
        assertThat(task(outcome, "Task-0002").backup()).isEqualTo("backups/Task-0002.json");
        assertAllBack(outcome);
        assertThat(f.events()).contains("The release stops: task 'Task-0002' failed; the release is atomic, so every "
                + "task it changed is put back.");
    }

    @Test
    void aRunThatFailsAfterTheImportPutsBackEveryTask() {
        f.fx.sim.task("Prod", "Task-0002").spec().runErrorOnce("AEM_RUN_TASK_INNER_ERR");
        DeployTasksOutcome outcome = release(true, m -> { });
        assertThat(task(outcome, "Task-0002").error().kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(task(outcome, "Task-0002").error().getMessage()).contains("AEM refused RunTask: AEM_RUN_TASK_INNER_ERR");
        assertAllBack(outcome);
    }

    @Test
    void anImportThatNeverShowsPutsBackEveryTask() {
        DeployTasksOutcome outcome = SimFixture.join(start(true, Duration.ofSeconds(6), m -> {
            if (m.startsWith("Task-0001: imported the definition")) {
                f.fx.sim.faults().nextTransport(RequestKind.IMPORT, 1, TransportFault.RESET);
            }
        }));
        assertThat(task(outcome, "Task-0002").error().getMessage()).contains("ImportTask's answer was lost, and ");
        assertAllBack(outcome);
    }

    /** A task started in AEM after the plan is refused at its deploy, which the release cannot stop it for. */
    @Test
    void aRefusalAtTheDeployPutsBackEveryTask() {
        f.fx.sim.task("Prod", "Task-0002").setState("STOPPED");
        before = f.definitions("Prod");
        DeployTasksOutcome outcome = SimFixture.join(f.client().deployTasks(f.release().atomic(true).parallel(1).build(),
                f.folder, f.io, e -> {
                    if (e.message().startsWith("Task-0001: imported the definition")) {
                        f.fx.sim.task("Prod", "Task-0003").setState("RUNNING");
                    }
                }));
        assertThat(task(outcome, "Task-0003").result()).isEqualTo(ReleasedTask.Result.FAILED);
        assertThat(task(outcome, "Task-0003").error().kind()).isEqualTo(FailureKind.DEPLOY_REFUSED);
        assertThat(task(outcome, "Task-0001").result()).isEqualTo(ReleasedTask.Result.UNDONE);
        assertThat(task(outcome, "Task-0002").result()).isEqualTo(ReleasedTask.Result.UNDONE);
        assertThat(outcome.exitCode()).isEqualTo(5);
        assertThat(f.definitions("Prod")).isEqualTo(before);
    }

    @Test
    void whenATaskCannotBePutBackTheOutcomeNamesItWithItsStateAndBackup() {
        f.fx.sim.task("Prod", "Task-0002").spec().runError("AEM_RUN_TASK_INNER_ERR");
        DeployTasksOutcome outcome = release(true, m -> { });
        assertThat(outcome.exitCode()).isEqualTo(6);
        assertThat(outcome.notBack()).extracting(t -> t.task().task()).containsExactly("Task-0002");
        assertThat(task(outcome, "Task-0002").backup()).isEqualTo("backups/Task-0002.json");
        assertThat(task(outcome, "Task-0002").error().getMessage()).contains("The task is now STOPPED, with its definition "
                + "before the deploy.").endsWith("Its definition before the deploy is kept at backups/Task-0002.json: "
                + "restore it from there (aem restore-task, or ImportTask in AEM).");
        assertThat(task(outcome, "Task-0001").result()).isEqualTo(ReleasedTask.Result.UNDONE);
        assertThat(f.repo("Prod").definition("Task-0001")).isEqualTo(java.util.Optional.of(before.get("Task-0001")));
    }

    @Test
    void whenAemIsGoneTheTasksNotBackAreNamed() {
        AtomicReference<Boolean> gone = new AtomicReference<>(false);
        DeployTasksOutcome outcome = SimFixture.join(start(true, Duration.ofSeconds(6), m -> {
            if (m.startsWith("Task-0002: Deploying to") && !gone.getAndSet(true)) {
                f.fx.sim.faults().reset(1.0);
            }
        }));
        f.fx.sim.faults().clear();
        assertThat(outcome.exitCode()).isEqualTo(6);
        assertThat(task(outcome, "Task-0002").result()).isEqualTo(ReleasedTask.Result.FAILED);
        assertThat(task(outcome, "Task-0002").error().kind()).isEqualTo(FailureKind.TIMED_OUT);
        assertThat(task(outcome, "Task-0002").error().getMessage()).contains("kept failing");
        assertThat(outcome.notBack()).extracting(t -> t.task().task()).containsExactly("Task-0001");
        assertThat(task(outcome, "Task-0001").error().getMessage()).contains("The task is now in a state that could not be read")
                .endsWith("kept at backups/Task-0001.json: restore it from there (aem restore-task, or ImportTask in AEM).");
    }

    @Test
    void withoutAtomicEachTaskStandsAloneAndTheExitIsTheWorst() {
        f.fx.sim.task("Prod", "Task-0002").spec().runErrorOnce("AEM_RUN_TASK_INNER_ERR");
        DeployTasksOutcome outcome = release(false, m -> { });
        assertThat(task(outcome, "Task-0001").result()).isEqualTo(ReleasedTask.Result.DEPLOYED);
        assertThat(task(outcome, "Task-0002").result()).isEqualTo(ReleasedTask.Result.FAILED);
        assertThat(task(outcome, "Task-0003").result()).isEqualTo(ReleasedTask.Result.DEPLOYED);
        assertThat(outcome.exitCode()).isEqualTo(5);
        assertThat(f.repo("Prod").definition("Task-0002")).hasValue(before.get("Task-0002"));
        assertThat(f.repo("Prod").definition("Task-0003").orElseThrow()).contains("\"parallel_load_threads\" : 8");
    }

    /** Ctrl-C while the second task is stopped for its deploy: it is restored, and so is the first (atomic). */
    @Test
    void aCancelledAtomicReleasePutsBackEveryTaskBeforeItEnds() throws Exception {
        AtomicReference<CompletableFuture<DeployTasksOutcome>> release = new AtomicReference<>();
        f.fx.sim.faults().latency(1.0, Duration.ofMillis(300), Duration.ofMillis(300)).onlyFor(RequestKind.IMPORT);
        release.set(start(true, Duration.ofSeconds(30), m -> {
            if (m.startsWith("Task-0002: stopped task 'Task-0002'")) {
                assertThat(release.get().cancel(true)).isTrue();
            }
        }));
        DeployTasksOutcome outcome = release.get().get(60, TimeUnit.SECONDS);
        assertThat(outcome.cancelled()).isTrue();
        assertThat(task(outcome, "Task-0002").result()).isEqualTo(ReleasedTask.Result.UNDONE);
        assertThat(task(outcome, "Task-0001").result()).isEqualTo(ReleasedTask.Result.UNDONE);
        assertThat(task(outcome, "Task-0003").result()).isEqualTo(ReleasedTask.Result.NOT_STARTED);
        assertThat(outcome.exitCode()).isEqualTo(5);
        assertThat(f.definitions("Prod")).isEqualTo(before);
        assertThat(f.fx.sim.task("Prod", "Task-0002").state()).isEqualTo("RUNNING");
    }

    @Test
    void aCancelBeforeAnyDeployEndsTheReleaseAtOnceWithNothingChanged() {
        AtomicReference<CompletableFuture<DeployTasksOutcome>> release = new AtomicReference<>();
        release.set(start(true, Duration.ofSeconds(30), m -> {
            if (m.startsWith("Plan for 6 task(s)")) {
                release.get().cancel(true);
            }
        }));
        assertThatThrownBy(() -> release.get().get(30, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(f.repo("Prod").imports()).isEmpty();
        assertThat(f.definitions("Prod")).isEqualTo(before);
    }
}
