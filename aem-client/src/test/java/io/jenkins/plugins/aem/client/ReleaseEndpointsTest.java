package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.PatchRecord;
import io.jenkins.plugins.aem.simulator.RequestKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoint test and secret rotation in a release: an endpoint several tasks share goes with one of them, which
 * alone sends it, rotates it and tests it, before any other task of the release that uses it runs; the release's plan
 * says when the test is off and names the tasks a rotation restarts. On Prod, Task-0001 carries Source-01 and
 * Target-01 (Task-0003 and Task-0005 use Source-01 too), Task-0002 Source-02, Task-0003 Target-02.
 */
class ReleaseEndpointsTest {

    private final ReleaseFixture f = new ReleaseFixture();

    @BeforeEach
    void folder() {
        f.exportDev();
        // The DBA has the databases take the release's secret too, as during a password change.
        for (String e : List.of("Source-01", "Source-02", "Target-01", "Target-02")) {
            f.repo("Prod").endpoints().databaseAlsoAccepts(e, "password", ReleaseFixture.SECRET);
        }
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static ReleasedTask task(DeployTasksOutcome outcome, String name) {
        return outcome.tasks().stream().filter(t -> t.task().task().equals(name)).findFirst().orElseThrow();
    }

    private List<JournalEntry> tests(String endpoint) {
        return f.fx.sim.journal().entries().stream().filter(e -> e.kind() == RequestKind.TEST_ENDPOINT
                && e.path().contains("/endpoints/" + endpoint)).toList();
    }

    private Instant firstRun(String task) {
        return f.fx.sim.journal().entries().stream().filter(e -> e.isRun() && e.path().endsWith("/tasks/" + task))
                .map(JournalEntry::at).findFirst().orElseThrow();
    }

    @Test
    void aChangedSharedEndpointIsSentAndTestedOnceBeforeAnyTaskOfTheReleaseThatUsesItRuns() {
        f.folder.edit("endpoints/Source-01.json", "\"database\": \"Sales\"", "\"database\": \"Sales2\"");
        f.change("Task-0003");
        f.change("Task-0005");
        f.fx.sim.task("Prod", "Task-0003").setState("RUNNING");
        f.fx.sim.task("Prod", "Task-0005").setState("RUNNING");
        f.fx.sim.journal().clear();
        DeployTasksOutcome outcome = f.deploy(f.release().secrets(ReleaseFixture.secrets("Source-01")).parallel(4)
                .stopIfRunning(true, null, null).build());
        assertThat(outcome.exitCode()).as("%s", f.events()).isZero();
        assertThat(task(outcome, "Task-0001").plan().lines()).contains("test endpoint 'Source-01' (TestEndpoint) before "
                + "the task runs");
        assertThat(task(outcome, "Task-0001").testedEndpoints()).containsExactly("Source-01");
        assertThat(task(outcome, "Task-0003").plan().tests()).isEmpty();
        assertThat(f.repo("Prod").imports().stream().filter(i -> i.endpoints().contains("Source-01")).toList()).hasSize(1);
        List<JournalEntry> tested = tests("Source-01");
        assertThat(tested).hasSize(1);
        assertThat(firstRun("Task-0003")).isAfter(tested.get(0).at());
        assertThat(firstRun("Task-0005")).isAfter(tested.get(0).at());
    }

    @Test
    void anEndpointThatDoesNotConnectFailsTheTaskThatCarriesItAndAnAtomicReleasePutsEverythingBack() {
        f.folder.edit("endpoints/Source-01.json", "\"database\": \"Sales\"", "\"database\": \"Sales2\"");
        f.change("Task-0003");
        f.repo("Prod").endpoints().databaseSecret("Source-01", "password", "the-DBA-set-another-one");
        var before = f.definitions("Prod");
        DeployTasksOutcome outcome = f.deploy(f.release().secrets(ReleaseFixture.secrets("Source-01")).atomic(true)
                .build());
        assertThat(outcome.exitCode()).isEqualTo(5);
        assertThat(task(outcome, "Task-0001").result()).isEqualTo(ReleasedTask.Result.FAILED);
        assertThat(task(outcome, "Task-0001").error().getMessage()).contains("Endpoint 'Source-01' of server 'Prod' did "
                + "not connect: TestEndpoint answered ERROR");
        assertThat(task(outcome, "Task-0003").result()).isEqualTo(ReleasedTask.Result.NOT_STARTED);
        assertThat(f.definitions("Prod")).isEqualTo(before);
        assertThat(f.repo("Prod").secretMatches("Source-01", "password", ReleaseFixture.SECRET)).isFalse();
    }

    @Test
    void theTestCanBeTurnedOffAndTheReleasesPlanSaysSo() {
        f.folder.edit("endpoints/Source-01.json", "\"database\": \"Sales\"", "\"database\": \"Sales2\"");
        f.repo("Prod").endpoints().databaseSecret("Source-01", "password", "the-DBA-set-another-one");
        f.fx.sim.journal().clear();
        DeployTasksOutcome outcome = f.deploy(f.release().secrets(ReleaseFixture.secrets("Source-01"))
                .skipEndpointTest(true).build());
        assertThat(outcome.exitCode()).as("%s", f.events()).isZero();
        assertThat(f.events()).contains("  endpoint test: off (skipEndpointTest): the endpoints the release creates, "
                + "changes or rotates are not tested; a wrong secret or host shows only when a task runs");
        assertThat(task(outcome, "Task-0001").plan().lines()).contains("endpoint 'Source-01' are not tested "
                + "(skipEndpointTest): a wrong secret or host shows only when a task runs");
        assertThat(tests("Source-01")).isEmpty();
    }

    @Test
    void rotatingRotatesEachEndpointOnceByTheTaskThatCarriesItAndRestartsTheTasksThePlanNames() {
        f.fx.sim.task("Prod", "Task-0005").setState("RUNNING");
        f.fx.sim.task("Prod", "Extra").setState("RUNNING");
        DeployTasksRequest.Builder request = f.release().secrets(ReleaseFixture.secrets("Source-01")).updateSecrets(true)
                .stopIfRunning(true, null, null).parallel(4);
        DeployTasksOutcome plan = f.deploy(request.dryRun(true).build());
        assertThat(plan.with(ReleasedTask.Result.DRIFT)).extracting(t -> t.task().task()).containsExactly("Task-0001");
        assertThat(task(plan, "Task-0001").plan().lines()).contains("rotate the secret of endpoint 'Source-01' (password) "
                + "through PatchEndpoint, its secret fields alone");
        assertThat(task(plan, "Task-0001").plan().restarts()).containsExactly("Task-0005");
        assertThat(f.events()).contains("  restarted to take the rotated secrets: Task-0005");

        DeployTasksOutcome outcome = f.deploy(request.dryRun(false).build());
        assertThat(outcome.exitCode()).as("%s", f.events()).isZero();
        assertThat(f.repo("Prod").endpoints().patches()).extracting(PatchRecord::endpoint).containsExactly("Source-01");
        assertThat(tests("Source-01")).hasSize(1);
        assertThat(f.repo("Prod").secretMatches("Source-01", "password", ReleaseFixture.SECRET)).isTrue();
        assertThat(f.repo("Prod").runningSecretMatches("Task-0005", "Source-01", "password", ReleaseFixture.SECRET)).isTrue();
        assertThat(f.repo("Prod").imports()).isEmpty();
        assertThat(outcome.with(ReleasedTask.Result.NO_CHANGE)).hasSize(5);
    }

    /**
     * Task-0002 rotates Source-02 and Task-0003 Target-02; Task-0004 uses both and runs: each restarts it, the second
     * once the first is done, so that no two stop and run it at once, and it ends on both new secrets.
     */
    @Test
    void twoRotationsThatRestartOneTaskRestartItOneAfterTheOther() {
        f.fx.sim.task("Prod", "Task-0004").setState("RUNNING");
        DeployTasksOutcome outcome = f.deploy(f.release().secrets(ReleaseFixture.secrets("Source-02", "Target-02"))
                .updateSecrets(true).stopIfRunning(true, null, null).parallel(4).build());
        assertThat(outcome.exitCode()).as("%s", f.events()).isZero();
        assertThat(task(outcome, "Task-0002").plan().restarts()).contains("Task-0004");
        assertThat(task(outcome, "Task-0003").plan().restarts()).contains("Task-0004");
        assertThat(f.repo("Prod").endpoints().patches()).extracting(PatchRecord::endpoint)
                .containsExactlyInAnyOrder("Source-02", "Target-02");
        assertThat(f.fx.sim.task("Prod", "Task-0004").state()).isEqualTo("RUNNING");
        assertThat(f.fx.sim.task("Prod", "Task-0004").commands()).allMatch(c -> c.accepted());
        assertThat(f.repo("Prod").runningSecretMatches("Task-0004", "Source-02", "password", ReleaseFixture.SECRET)).isTrue();
        assertThat(f.repo("Prod").runningSecretMatches("Task-0004", "Target-02", "password", ReleaseFixture.SECRET)).isTrue();
    }

    @Test
    void aSecretToRotateThatNoTaskOfTheReleaseCarriesIsRefusedBeforeAnythingIsSent() {
        f.fx.sim.journal().clear();
        assertThatThrownBy(() -> f.deploy(f.release().secrets(ReleaseFixture.secrets("Source-01", "Nowhere-DB"))
                .updateSecrets(true).build())).isInstanceOfSatisfying(AemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.INVALID_INPUT);
                    assertThat(e.getMessage()).isEqualTo("secrets: were given to rotate for Nowhere-DB, which no task of "
                            + "the release carries (no endpoint file, or no task using it, in the folder). Give the secrets "
                            + "of the folder's endpoints, or export the tasks with their endpoints. Nothing was sent to AEM.");
                });
        assertThat(f.repo("Prod").endpoints().patches()).isEmpty();
        assertThat(f.fx.count(e -> e.isImport() || e.isRun() || e.isStop())).isZero();
    }
}
