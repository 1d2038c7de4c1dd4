package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import io.jenkins.plugins.aem.simulator.RequestKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Releases that change an endpoint, Source-01, which several of their tasks use: the task that carries it is put back
 * with it, and only that task.
 */
class SharedEndpointRestoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReleaseFixture f = new ReleaseFixture();

    /** The databases take the secret the releases give, beside their own, as during a password change. */
    @BeforeEach
    void databasesTakeTheReleasesSecret() {
        for (String endpoint : new String[] {"Source-01", "Target-01"}) {
            f.repo("Prod").endpoints().databaseAlsoAccepts(endpoint, "password", ReleaseFixture.SECRET);
        }
    }

    @AfterEach
    void close() {
        f.close();
    }

    private String host(String endpoint) throws Exception {
        return JSON.readTree(f.repo("Prod").endpoint(endpoint).orElseThrow()).path("db_settings").path("server").asText();
    }

    /**
     * Task-0001 carries the endpoint, and Task-0003, which uses it too, fails at the same time. Task-0003's backup was
     * read before Task-0001 changed the endpoint; putting Task-0003 back must not put back the endpoint, which its
     * deploy never carried: Task-0001 stands, endpoint and all.
     */
    @Test
    void restoringATaskLeavesTheEndpointAnotherTaskOfTheReleaseChanged() throws Exception {
        f.exportDev();
        f.folder.edit("endpoints/Source-01.json", "\"server\": \"sqlserver.example.internal\"",
                "\"server\": \"moved.example.internal\"");
        f.change("Task-0003");
        f.fx.sim.task("Prod", "Task-0003").setState("RUNNING");
        f.fx.sim.task("Prod", "Task-0003").spec().runErrorOnce("AEM_RUN_TASK_INNER_ERR");
        // Task-0001's import lands late, so that Task-0003's deploy has read its backup before the endpoint changed.
        f.fx.sim.faults().latency(1.0, Duration.ofMillis(400), Duration.ofMillis(400)).onlyFor(RequestKind.IMPORT);
        Map<String, String> before = f.definitions("Prod");

        DeployTasksOutcome outcome = f.deploy(f.release().parallel(2).stopIfRunning(true, null, null)
                .secrets(ReleaseFixture.secrets("Source-01")).build());

        ReleasedTask owner = outcome.tasks().stream().filter(t -> t.task().task().equals("Task-0001")).findFirst().orElseThrow();
        ReleasedTask failed = outcome.tasks().stream().filter(t -> t.task().task().equals("Task-0003")).findFirst().orElseThrow();
        assertThat(owner.result()).as(f.events()).isEqualTo(ReleasedTask.Result.DEPLOYED);
        assertThat(failed.result()).isEqualTo(ReleasedTask.Result.FAILED);
        assertThat(failed.error().kind()).as(failed.error().getMessage()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(host("Source-01")).isEqualTo("moved.example.internal");
        assertThat(f.repo("Prod").secretMatches("Source-01", "password", ReleaseFixture.SECRET)).isTrue();
        String task0003 = f.repo("Prod").definition("Task-0003").orElseThrow();
        assertThat(JSON.readTree(task0003).path("cmd.replication_definition").path("tasks"))
                .isEqualTo(JSON.readTree(before.get("Task-0003")).path("cmd.replication_definition").path("tasks"));
        assertThat(outcome.exitCode()).isEqualTo(5);
    }

    /**
     * A new task, New-1, uses the endpoint too, and sorts before Task-0001. The endpoint goes with Task-0001, which the
     * server has: its backup holds the endpoint, so undoing the atomic release puts the endpoint back. Carried by the
     * new task, whose undo deletes it, the endpoint would have stayed changed.
     */
    @Test
    void anAtomicReleasePutsBackAnEndpointThatANewTaskUsesToo() throws Exception {
        f.exportDev();
        f.copy("Task-0001", "New-1");
        f.folder.edit("endpoints/Source-01.json", "\"server\": \"sqlserver.example.internal\"",
                "\"server\": \"moved.example.internal\"");
        f.change("Task-0003");
        f.fx.sim.task("Prod", "Task-0003").spec().runErrorOnce("AEM_RUN_TASK_INNER_ERR");
        f.fx.sim.task("Prod", "Task-0003").setState("RUNNING");
        Map<String, String> before = f.definitions("Prod");

        DeployTasksOutcome outcome = f.deploy(f.release().parallel(1).atomic(true).stopIfRunning(true, null, null)
                .secrets(ReleaseFixture.secrets("Source-01", "Target-01")).build());

        assertThat(outcome.tasks().stream().filter(t -> t.task().task().equals("Task-0001")).findFirst().orElseThrow()
                .plan().lines()).as(f.events()).anyMatch(l -> l.startsWith("change endpoint 'Source-01'"));
        assertThat(outcome.exitCode()).as(f.events()).isEqualTo(5);
        assertThat(host("Source-01")).isEqualTo("sqlserver.example.internal");
        assertThat(f.repo("Prod").taskExists("New-1")).isFalse();
        assertThat(f.definitions("Prod")).isEqualTo(before);
    }

    /**
     * Task-0003's backup is read after Task-0001 moved the endpoint. Kept whole, restoring it after Task-0001's (the
     * order in which the tasks were deployed, or their names) would move the endpoint again. Each backup of a release
     * holds only the endpoints its task carries, so restoring them in any order puts the server back as it was.
     */
    @Test
    void eachBackupOfAReleaseHoldsOnlyTheEndpointsItsTaskCarries() throws Exception {
        f.exportDev();
        f.folder.edit("endpoints/Source-01.json", "\"server\": \"sqlserver.example.internal\"",
                "\"server\": \"moved.example.internal\"");
        f.change("Task-0003");
        Map<String, String> before = f.definitions("Prod");
        Map<String, DeployBackup> kept = new ConcurrentHashMap<>();

        DeployTasksOutcome outcome = f.deploy(f.release().parallel(1).secrets(ReleaseFixture.secrets("Source-01"))
                .backups(t -> b -> {
                    kept.put(t.task(), b);
                    return "memory:" + t.task();
                }).build());

        assertThat(outcome.exitCode()).as(f.events()).isZero();
        assertThat(host("Source-01")).isEqualTo("moved.example.internal");
        // Task-0001 carries Source-01 and Target-01, Task-0003 Target-02 only: Source-01 goes with Task-0001.
        assertThat(TaskDefinition.parse(kept.get("Task-0001").restorableText()).endpointNames())
                .containsExactly("Source-01", "Target-01");
        assertThat(TaskDefinition.parse(kept.get("Task-0003").restorableText()).endpointNames()).containsExactly("Target-02");
        assertThat(TaskDefinition.parse(kept.get("Task-0003").portableText()).endpointNames()).containsExactly("Target-02");
        for (String task : List.of("Task-0001", "Task-0003")) {
            SimFixture.join(f.client().deploy(DeployRequest.builder(new TaskRef("Prod", task), kept.get(task).restorableText())
                    .restore(true).replace(true).allowNewerVersion(true).timeout(Duration.ofSeconds(30)).build(), null));
        }
        assertThat(host("Source-01")).isEqualTo("sqlserver.example.internal");
        assertThat(f.definitions("Prod")).isEqualTo(before);
    }
}
