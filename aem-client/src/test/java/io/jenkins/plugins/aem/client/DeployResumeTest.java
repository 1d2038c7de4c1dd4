package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.client.DeployCheckpoint.Action;
import io.jenkins.plugins.aem.client.DeployCheckpoint.Stage;
import io.jenkins.plugins.aem.client.DeployCheckpoint.Status;
import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.TransportFault;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A deploy outlives the process that runs it: its checkpoints say, before and after each change, where it is, and
 * {@link AemClient#resumeDeploy} takes it up from the last one kept, finishing what is safe or restoring, and never
 * sending the deploy's import twice. A process is "killed" here by having AEM answer nothing more to it from a chosen
 * checkpoint on: every later request hangs and none is carried out, as none leaves a dead process.
 */
class DeployResumeTest {

    private static final String ROTATED = "resumed-Source-Pw-3";

    static {
        SecretScan.register(ROTATED);
    }

    private final DeployFixture f = new DeployFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private DeployRequest changeLive() {
        return f.changeLive(8).withBackupSink(null);
    }

    /** What a killed deploy left: the last checkpoint its sink kept, and its backup. */
    private record Left(DeployCheckpoint checkpoint, String backup) {
    }

    /**
     * Runs {@code request} on a pool of its own and kills it at the first checkpoint {@code at} accepts: {@code faults}
     * then make AEM answer nothing more (by default every request hangs, not carried out), and that checkpoint is kept
     * (the process died right after keeping it) unless {@code keepIt} is false (it died just before).
     */
    private Left kill(DeployRequest request, Predicate<DeployCheckpoint> at, boolean keepIt, Runnable faults) {
        AtomicReference<DeployCheckpoint> kept = new AtomicReference<>();
        AtomicReference<String> backup = new AtomicReference<>();
        ProcessKill kill = new ProcessKill(f.fx, at, keepIt, faults);
        DeployCheckpoints sink = c -> {
            if (kill.keeps(c)) {
                kept.set(c);
            }
        };
        try (AemClientPool dying = ProcessKill.pool()) {
            AemClient client = dying.client(ConnectionSettings.builder(f.fx.sim.baseUrl().toString(),
                    Credentials.of(DeployFixture.DEPLOYER, DeployFixture.DEPLOYER_PASSWORD)).build());
            DeployFixture.fails(client.deploy(request.withTimeout(Duration.ofSeconds(6)).withCheckpoints(sink)
                    .withBackupSink(b -> {
                        backup.set(b.restorableText());
                        return "backup.json";
                    }), null));
        }
        kill.over();
        return new Left(kept.get(), backup.get());
    }

    private static Predicate<DeployCheckpoint> last(Action action, Status status) {
        return c -> !c.changes().isEmpty() && c.changes().get(c.changes().size() - 1).action() == action
                && c.changes().get(c.changes().size() - 1).status() == status;
    }

    private DeployOutcome resume(DeployRequest request, Left left) {
        return SimFixture.join(f.deployer().resumeDeploy(request, new DeployResume(left.backup(), left.checkpoint(),
                "backup.json"), f.fx.listener()));
    }

    private long acceptedImports(String task) {
        return f.repo("Prod").imports().stream().filter(i -> i.accepted() && i.task().equals(task)).count();
    }

    @Test
    void checkpointsComeBeforeEachChangeAndAfterItsAnswerAndHoldNoSecret() throws Exception {
        List<DeployCheckpoint> heard = new CopyOnWriteArrayList<>();
        DeployOutcome outcome = f.deploy(changeLive().withCheckpoints(c -> {
            if (c.changes().size() == 1 && c.changes().get(0).status() == Status.SENDING) {
                assertThat(f.fx.sim.task("Prod", "Live").commands()).as("before the stop leaves").isEmpty();
            }
            if (last(Action.IMPORT, Status.SENDING).test(c)) {
                assertThat(f.repo("Prod").imports()).as("before the import leaves").isEmpty();
            }
            heard.add(c);
        }));
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(heard).extracting(c -> c.changes().isEmpty() ? c.stage().name() : c.stage() + " "
                + c.changes().get(c.changes().size() - 1).action() + " " + c.changes().get(c.changes().size() - 1).status())
                .containsExactly("FORWARD STOP SENDING", "FORWARD STOP CONFIRMED", "FORWARD IMPORT SENDING",
                        "FORWARD IMPORT CONFIRMED", "FORWARD RUN SENDING", "FORWARD RUN CONFIRMED", "DONE RUN CONFIRMED");
        DeployCheckpoint end = heard.get(heard.size() - 1);
        assertThat(end.stateBefore()).isEqualTo("RUNNING");
        assertThat(end.endpointsWritten()).containsExactly("Source-DB", "Target-DB");
        assertThat(DeployCheckpoint.fromJson(end.toJson())).isEqualTo(end);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(end);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(end);
        }
        heard.forEach(c -> SecretScan.assertClean("a checkpoint", c.toJson() + c));
    }

    @Test
    void aCheckpointThatCannotBeKeptKeepsTheChangeFromLeaving() {
        AemException e = f.deployFails(changeLive().withCheckpoints(c -> {
            throw new java.io.IOException("disk full");
        }));
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_REFUSED);
        assertThat(e.getMessage()).isEqualTo("The checkpoint of the deploy to task 'Live' on server 'Prod' could not be "
                + "kept (disk full), so its STOP was not sent: a change that could not be resumed after a restart must "
                + "not leave. Fix where the checkpoints go, then deploy again.");
        assertThat(f.fx.sim.task("Prod", "Live").commands()).isEmpty();
    }

    @Test
    void whenNothingWasSentTheDeployRunsAgainFromTheStart() {
        Left left = kill(changeLive(), c -> true, false, () -> { });
        DeployCheckpoint nothing = new DeployCheckpoint("Prod", "Live", Stage.FORWARD, "RUNNING", List.of(), List.of(),
                List.of(), List.of());
        DeployOutcome outcome = resume(changeLive(), new Left(nothing, left.backup()));
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(outcome.resumed()).isEqualTo("nothing was changed before the interruption: deployed again from the start");
        assertThat(f.repo("Prod").runningDefinition("Live").orElseThrow()).contains("\"parallel_load_threads\" : 8");
    }

    @Test
    void afterAStopTheDeployGoesOnAndRunsTheTaskAgain() {
        Left left = kill(changeLive(), last(Action.IMPORT, Status.SENDING), false, () -> { });
        assertThat(left.checkpoint().changes()).extracting(DeployCheckpoint.Change::action).containsExactly(Action.STOP);
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("STOPPED");
        DeployOutcome outcome = resume(changeLive(), left);
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(outcome.resumed()).isEqualTo("went on from where the interruption left it (STOP Live)");
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
        assertThat(f.repo("Prod").runningDefinition("Live").orElseThrow()).contains("\"parallel_load_threads\" : 8");
        assertThat(acceptedImports("Live")).isEqualTo(1);
    }

    @Test
    void anImportThatLandedIsNeverSentAgainAndTheDeployIsFinished() {
        Left left = kill(changeLive(), last(Action.IMPORT, Status.SENDING), true,
                () -> f.fx.sim.faults().nextTransport(RequestKind.IMPORT, 1, TransportFault.HANG_AFTER_APPLY));
        DeployOutcome outcome = resume(changeLive(), left);
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(outcome.resumed()).isEqualTo("finished: the import sent before the interruption shows in the task");
        assertThat(outcome.testedEndpoints()).containsExactly("Source-DB", "Target-DB");
        assertThat(acceptedImports("Live")).as("the import was never sent again").isEqualTo(1);
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
        assertThat(f.repo("Prod").runningDefinition("Live").orElseThrow()).contains("\"parallel_load_threads\" : 8");
    }

    @Test
    void anImportThatDidNotLandIsNeverSentAgainAndTheTaskIsRestored() {
        String before = f.repo("Prod").definition("Live").orElseThrow();
        Left left = kill(changeLive(), last(Action.IMPORT, Status.SENDING), true, () -> { });
        AemException e = DeployFixture.fails(f.deployer().resumeDeploy(changeLive(),
                new DeployResume(left.backup(), left.checkpoint(), "backup.json"), f.fx.listener()));
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(e.getMessage()).startsWith("The deploy of task 'Live' on server 'Prod' failed: The deploy was "
                + "interrupted after it sent its import, which does not show in the task.")
                .endsWith("is RUNNING again, as it was.");
        assertThat(f.repo("Prod").definition("Live").orElseThrow()).isEqualTo(before);
        assertThat(f.repo("Prod").runningDefinition("Live").orElseThrow()).contains("\"parallel_load_threads\" : 4");
        // The only import carried out is the backup's: the deploy's never left twice.
        List<JournalEntry> imports = f.fx.sim.journal().entries().stream().filter(JournalEntry::isImport).toList();
        assertThat(imports).filteredOn(i -> i.status() == 200).singleElement()
                .satisfies(i -> assertThat(i.body()).contains("\"parallel_load_threads\":4"));
    }

    @Test
    void aRestoreUnderWayGoesOn() {
        String before = f.repo("Prod").definition("Live").orElseThrow();
        f.fx.sim.task("Prod", "Live").spec().runErrorOnce("AEM_RUN_TASK_INNER_ERR");
        Left left = kill(changeLive(), c -> c.stage() == Stage.RESTORING && last(Action.IMPORT, Status.SENDING).test(c),
                true, () -> { });
        assertThat(left.checkpoint().stage()).isEqualTo(Stage.RESTORING);
        AemException e = DeployFixture.fails(f.deployer().resumeDeploy(changeLive(),
                new DeployResume(left.backup(), left.checkpoint(), "backup.json"), f.fx.listener()));
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(e.getMessage()).contains("The deploy was interrupted while it restored the task.");
        assertThat(f.repo("Prod").definition("Live").orElseThrow()).isEqualTo(before);
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
    }

    @Test
    void aRotationInterruptedAfterItsPatchSendsItAgainAndIsTested() {
        f.repo("Prod").endpoints().databaseSecret("Source-DB", "password", ROTATED);
        DeployRequest rotate = DeployRequest.of(new TaskRef("Prod", "Orders"), f.export("Prod", "Orders", true))
                .withSecrets(Map.of("Source-DB", EndpointSecret.secretText(ROTATED))).withUpdateSecrets(true);
        Left left = kill(rotate, last(Action.PATCH, Status.SENDING), true,
                () -> f.fx.sim.faults().nextTransport(RequestKind.PATCH_ENDPOINT, 1, TransportFault.HANG_AFTER_APPLY));
        DeployOutcome outcome = resume(rotate, left);
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(outcome.testedEndpoints()).containsExactly("Source-DB");
        assertThat(f.repo("Prod").endpoints().patches()).hasSize(2);
        assertThat(f.repo("Prod").secretMatches("Source-DB", "password", ROTATED)).isTrue();
    }

    @Test
    void aResumeNeedsTheDeploysOwnCheckpointAndItsBackup() {
        DeployCheckpoint other = new DeployCheckpoint("Prod", "Orders", Stage.FORWARD, "STOPPED", List.of(), List.of(),
                List.of(), List.of());
        AemException wrongTask = DeployFixture.fails(f.deployer().resumeDeploy(changeLive(),
                new DeployResume("{}", other, null), null));
        assertThat(wrongTask.getMessage()).isEqualTo("checkpoint: is of task 'Orders' on server 'Prod', not of task 'Live' "
                + "on server 'Prod'. Resume each deploy with its own checkpoint.");
        AemException noBackup = org.junit.jupiter.api.Assertions.assertThrows(AemException.class,
                () -> new DeployResume(null, other, null));
        assertThat(noBackup.getMessage()).startsWith("restorableBackup: is missing, and the task existed before the deploy.");
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(AemException.class, () -> DeployCheckpoint.fromJson("{}"))
                .getMessage()).startsWith("checkpoint: is not a deploy's checkpoint.");
    }
}
