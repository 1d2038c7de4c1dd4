package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.client.DeployCheckpoint.Action;
import io.jenkins.plugins.aem.client.DeployCheckpoint.Stage;
import io.jenkins.plugins.aem.client.DeployCheckpoint.Status;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.TransportFault;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A deploy that hands out checkpoints outlives its process: closing the pool (a Jenkins shutdown) stops it where it is,
 * undoing nothing and keeping no checkpoint past that moment, so that a resume after the restart takes it up from the
 * truth. A deploy without checkpoints still restores its task before the pool shuts ({@code DeployRollbackTest}).
 */
class DeploySuspendTest {

    private final DeployFixture f = new DeployFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void closingThePoolStopsACheckpointedDeployWhereItIsAndAResumeFinishesIt() throws Exception {
        List<DeployCheckpoint> kept = new CopyOnWriteArrayList<>();
        AtomicReference<String> backup = new AtomicReference<>();
        f.fx.sim.faults().nextTransport(RequestKind.IMPORT, 1, TransportFault.HANG_AFTER_APPLY);
        DeployRequest request = f.changeLive(8).withCheckpoints(kept::add).withBackupSink(b -> {
            backup.set(b.restorableText());
            return "backup.json";
        });
        AemClientPool dying = AemClientPool.builder().pollSchedule(SimFixture.FAST).healthSchedule(SimFixture.FAST_HEALTH)
                .build();
        var deploy = dying.client(ConnectionSettings.builder(f.fx.sim.baseUrl().toString(),
                Credentials.of(DeployFixture.DEPLOYER, DeployFixture.DEPLOYER_PASSWORD)).build()).deploy(request, null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (f.repo("Prod").imports().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(f.repo("Prod").imports()).as("the import was carried out; its answer hangs").hasSize(1);
        long started = System.nanoTime();
        dying.close();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("nothing is waited for").isLessThan(Duration.ofSeconds(10));
        AemException e = DeployFixture.fails(deploy);
        assertThat(e.kind()).isEqualTo(FailureKind.CANCELLED);
        assertThat(e.getMessage()).startsWith("The AEM client was closed (Jenkins or the command is shutting down) during "
                + "the deploy: it stops where it is");
        DeployCheckpoint last = kept.get(kept.size() - 1);
        assertThat(last.stage()).as("no restore was begun, nor said to be").isEqualTo(Stage.FORWARD);
        assertThat(last.changes().get(last.changes().size() - 1))
                .isEqualTo(new DeployCheckpoint.Change(Stage.FORWARD, Action.IMPORT, "Live", Status.SENDING));
        assertThat(f.fx.sim.task("Prod", "Live").state()).as("left stopped, for the resume").isEqualTo("STOPPED");

        DeployOutcome outcome = SimFixture.join(f.deployer().resumeDeploy(f.changeLive(8),
                new DeployResume(backup.get(), last, "backup.json"), f.fx.listener()));
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(outcome.resumed()).isEqualTo("finished: the import sent before the interruption shows in the task");
        assertThat(f.fx.sim.journal().count(JournalEntry::isImport)).as("the import is never sent twice").isEqualTo(1);
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
    }
}
