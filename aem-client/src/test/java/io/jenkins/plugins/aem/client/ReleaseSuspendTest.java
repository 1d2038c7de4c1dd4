package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.client.DeployCheckpoint.Action;
import io.jenkins.plugins.aem.client.DeployCheckpoint.Stage;
import io.jenkins.plugins.aem.client.DeployCheckpoint.Status;
import io.jenkins.plugins.aem.client.release.TaskPatterns;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.TransportFault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A release whose tasks hand out checkpoints outlives its process as a single deploy does ({@code DeploySuspendTest}):
 * closing the pool stops it where it is, putting nothing back, not even when it is atomic, and a resume finishes it.
 */
class ReleaseSuspendTest {

    private final ReleaseFixture f = new ReleaseFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private DeployTasksRequest.Builder release() {
        return f.release().atomic(true).parallel(1).stopIfRunning(true, null, null).timeout(Duration.ofSeconds(30))
                .tasks(TaskPatterns.of(List.of("Task-0001", "Task-0002", "Task-0003")));
    }

    @Test
    void closingThePoolStopsAnAtomicReleaseWhereItIsAndAResumeFinishesIt() throws Exception {
        f.threeChangedTasks();
        Map<String, DeployCheckpoint> kept = new ConcurrentHashMap<>();
        Map<String, String> backups = new ConcurrentHashMap<>();
        f.fx.sim.faults().nextTransport(RequestKind.IMPORT, 1, TransportFault.HANG_AFTER_APPLY);
        DeployTasksRequest request = release().checkpoints(task -> c -> kept.put(c.task(), c)).backups(task -> b -> {
            backups.put(task.task(), b.restorableText());
            return "backups/" + task.task() + ".json";
        }).build();
        AemClientPool dying = ProcessKill.pool();
        var running = dying.client(ConnectionSettings.builder(f.fx.sim.baseUrl().toString(),
                Credentials.of(ReleaseFixture.RELEASER, ReleaseFixture.RELEASER_PASSWORD)).build())
                .deployTasks(request, f.folder, f.io, null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // Task-0001's import is carried out and its answer hangs: the release is caught in the middle of its first task.
        while (f.repo("Prod").imports().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(f.repo("Prod").imports()).as("Task-0001's import was carried out; its answer hangs").hasSize(1);
        dying.close();
        AemException e = DeployFixture.fails(running);
        assertThat(e.kind()).isEqualTo(FailureKind.CANCELLED);
        int imports = f.repo("Prod").imports().size();
        Thread.sleep(500);
        assertThat(f.repo("Prod").imports()).as("nothing is put back by the closed pool, atomic or not").hasSize(imports);
        DeployCheckpoint first = kept.get("Task-0001");
        assertThat(first.stage()).isEqualTo(Stage.FORWARD);
        assertThat(first.changes().get(first.changes().size() - 1))
                .isEqualTo(new DeployCheckpoint.Change(Stage.FORWARD, Action.IMPORT, "Task-0001", Status.SENDING));
        assertThat(kept).doesNotContainKey("Task-0003");

        f.fx.sim.faults().clear();
        DeployTasksOutcome outcome = SimFixture.join(f.client().resumeDeployTasks(release().build(),
                new ReleaseResume(kept.values().stream().map(c -> new DeployResume(backups.get(c.task()), c,
                        "backups/" + c.task() + ".json")).toList()), f.folder, f.io, f.fx.listener()));
        assertThat(outcome.exitCode()).as("%s", f.events()).isZero();
        for (String t : List.of("Task-0001", "Task-0002", "Task-0003")) {
            assertThat(f.repo("Prod").definition(t).orElseThrow()).as(t).contains("\"parallel_load_threads\" : 8");
        }
        assertThat(f.fx.sim.journal().entries().stream().filter(x -> x.isImport() && x.path().endsWith("/Task-0001"))
                .count()).as("Task-0001's import is never sent twice").isEqualTo(1);
    }
}
