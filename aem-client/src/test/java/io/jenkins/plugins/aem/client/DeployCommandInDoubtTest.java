package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.TransportFault;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A deploy's StopTask or RunTask whose answer is lost while AEM is still carrying it out. AEM shows no STOPPING or
 * STARTING state: a task it is stopping reads RUNNING, one it is starting reads STOPPED. So a restore that reads the
 * task and trusts what it sees takes a stop under way for a running task, or a start under way for a stopped one. AEM's
 * own wait on the command ends after 1 s here, before the task gets there, as it does for any task slower than the wait.
 */
class DeployCommandInDoubtTest {

    private final DeployFixture f = new DeployFixture(b -> b.serverWaitCap(Duration.ofSeconds(1))
            .server(DeployFixture.replicate("Slow").version("2024.11.0.357").importDelay(Duration.ofMillis(800))));

    @AfterEach
    void close() {
        f.close();
    }

    private DeployRequest change(TaskRef target) {
        String file = f.export("Dev", "Live", true).replace("\"parallel_load_threads\": 4", "\"parallel_load_threads\": 8");
        return DeployRequest.of(target, file).withSecrets(DeployFixture.prodSecrets()).withStopIfRunning(true, null, null)
                .withTimeout(Duration.ofSeconds(30)).withBackupSink(b -> "backup.json");
    }

    @Test
    void aStopWhoseAnswerWasLostIsSeenThroughBeforeTheTaskIsSaidToRunAgain() {
        f.fx.sim.task("Prod", "Live").spec().stopDuration(Duration.ofMillis(2500));
        f.fx.sim.faults().nextTransport(RequestKind.COMMAND, 1, TransportFault.RESET_AFTER_APPLY);
        AemException e = f.deployFails(change(new TaskRef("Prod", "Live")));
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(e.getMessage()).endsWith("as it was.");
        awaitStoppedOnce("Prod");
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
    }

    @Test
    void aRunWhoseAnswerWasLostIsStoppedBeforeTheBackupGoesBack() {
        String before = f.repo("Slow").definition("Live").orElseThrow();
        // Longer than AEM's wait, shorter than the 2 s the client gives AEM to show a start.
        f.fx.sim.task("Slow", "Live").spec().startDuration(Duration.ofMillis(1800));
        var future = f.deployer().deploy(change(new TaskRef("Slow", "Live")), f.fx.listener());
        // The import is seen 0.8 s before the deploy can run the task: its RunTask is the next command.
        awaitImport("Slow");
        f.fx.sim.faults().nextTransport(RequestKind.COMMAND, 1, TransportFault.RESET_AFTER_APPLY);
        AemException e = DeployFixture.fails(future);
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(f.repo("Slow").imports()).hasSize(2);
        assertThat(f.fx.sim.task("Slow", "Live").state()).isEqualTo("RUNNING");
        assertThat(f.repo("Slow").definition("Live").orElseThrow()).isEqualTo(before);
        assertThat(f.repo("Slow").runningDefinition("Live").orElseThrow()).contains("\"parallel_load_threads\" : 4");
    }

    /** Waits until the task was seen STOPPED once: the stop the deploy lost has ended. */
    private void awaitStoppedOnce(String server) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (f.fx.sim.task(server, "Live").history().stream().noneMatch(c -> "STOPPED".equals(c.state()))
                && System.nanoTime() < end) {
            sleep(20);
        }
    }

    private void awaitImport(String server) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (f.repo(server).imports().isEmpty() && System.nanoTime() < end) {
            sleep(5);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
