package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Resets, refused connections, unknown hosts and proxy pages: which calls are repeated and what is said. */
class TransportFailuresTest {

    private final SimFixture fx = new SimFixture(AemSimulator.builder().seed(7L)
            .server(SimServer.replicate("Rep").task(SimTaskSpec.named("Orders").startDuration(Duration.ofMillis(200))
                    .stopDuration(Duration.ofMillis(200)))));

    @AfterEach
    void close() {
        fx.close();
    }

    private static AemException failure(Runnable r) {
        return catchThrowableOfType(AemException.class, r::run);
    }

    @Test
    void resetReadsAreRepeatedAndTheRunStillSucceeds() throws InterruptedException {
        fx.sim.faults().reset(1.0).onlyFor(RequestKind.READ);
        var run = fx.client().run(RunRequest.of(new TaskRef("Rep", "Orders")).withTimeout(Duration.ofSeconds(30)), fx.listener());
        for (int i = 0; i < 200 && fx.count(e -> e.status() == 0) < 2; i++) {
            Thread.sleep(20); // the test waits; the client never does
        }
        fx.sim.faults().clear();
        assertThat(SimFixture.join(run).state()).isEqualTo(TaskState.RUNNING);
        assertThat(fx.count(e -> e.status() == 0)).isGreaterThanOrEqualTo(2);
        assertThat(fx.count(JournalEntry::isRun)).isEqualTo(1);
        assertThat(fx.events).anyMatch(e -> e.kind() == ProgressEvent.Kind.RETRY);
    }

    @Test
    void aResetRunIsNeverSentAgainAndTheStateIsSaidToBeUnknown() {
        fx.sim.faults().reset(1.0).onlyFor(RequestKind.COMMAND);
        AemException e = failure(() -> fx.run(RunRequest.of(new TaskRef("Rep", "Orders"))));
        assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(e.getMessage()).contains("may or may not").contains("Check the task in AEM");
        assertThat(fx.count(JournalEntry::isRun)).isEqualTo(1);
    }

    @Test
    void aResetStopIsNeverSentAgain() {
        fx.run(RunRequest.of(new TaskRef("Rep", "Orders")));
        fx.sim.faults().reset(1.0).onlyFor(RequestKind.COMMAND);
        AemException e = failure(() -> fx.stop(StopRequest.of(new TaskRef("Rep", "Orders"))));
        assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(e.getMessage()).contains("may or may not");
        assertThat(fx.count(JournalEntry::isStop)).isEqualTo(1);
    }

    @Test
    void aLoginThatOnlyGetsProxyPagesIsRepeatedThenFailsNamingTheStatus() {
        fx.sim.faults().html503(1.0).onlyFor(RequestKind.LOGIN);
        AemException e = failure(() -> fx.run(RunRequest.of(new TaskRef("Rep", "Orders")).withTimeout(Duration.ofSeconds(2))));
        assertThat(e.kind()).isIn(FailureKind.UNREACHABLE, FailureKind.TIMED_OUT);
        assertThat(e.getMessage()).contains("503");
        assertThat(fx.count(JournalEntry::isLogin)).isGreaterThan(1);
        assertThat(fx.count(JournalEntry::isRun)).isZero();
    }

    @Test
    void aRunThatGets502IsNotRepeated() {
        fx.sim.faults().html502(1.0).onlyFor(RequestKind.COMMAND);
        AemException e = failure(() -> fx.run(RunRequest.of(new TaskRef("Rep", "Orders"))));
        assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(e.getMessage()).contains("502").contains("may or may not");
        assertThat(fx.count(JournalEntry::isRun)).isEqualTo(1);
    }

    @Test
    void aHungRunEndsAtTheDeadlineAndIsNotResent() {
        fx.sim.faults().hang(1.0).onlyFor(RequestKind.COMMAND);
        AemException e = failure(() -> fx.run(RunRequest.of(new TaskRef("Rep", "Orders")).withTimeout(Duration.ofSeconds(2))));
        assertThat(e.kind()).isEqualTo(FailureKind.TIMED_OUT);
        assertThat(e.elapsed()).isLessThan(Duration.ofSeconds(8));
        assertThat(fx.count(JournalEntry::isRun)).isEqualTo(1);
    }

    @Test
    void aHungRunThatTimedOutFreesItsSlotOfTheHostsLimit() {
        try (SimFixture one = new SimFixture(AemSimulator.builder()
                .server(SimServer.replicate("Rep").task(SimTaskSpec.named("A")).task(SimTaskSpec.named("B").startDuration(Duration.ofMillis(100)))),
                AemClientPool.builder().maxCommandsPerHost(1).pollSchedule(SimFixture.FAST))) {
            one.sim.faults().hang(1.0).onlyFor(RequestKind.COMMAND);
            AemException e = failure(() -> one.run(RunRequest.of(new TaskRef("Rep", "A")).withTimeout(Duration.ofSeconds(1))));
            assertThat(e.kind()).isEqualTo(FailureKind.TIMED_OUT);
            one.sim.faults().clear();
            // The only command slot must be free again, long before the hung request's own response timeout.
            assertThat(one.run(RunRequest.of(new TaskRef("Rep", "B")).withTimeout(Duration.ofSeconds(5))).state()).isEqualTo(TaskState.RUNNING);
        }
    }

    @Test
    void aRefusedConnectionSaysWhatToCheck() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        AemClient client = fx.pool.client(ConnectionSettings.builder("http://127.0.0.1:" + port,
                Credentials.of(SimFixture.USER, SimFixture.PASSWORD)).build());
        AemException e = failure(() -> SimFixture.join(client.run(RunRequest.of(new TaskRef("Rep", "Orders"))
                .withTimeout(Duration.ofSeconds(2)), null)));
        assertThat(e.kind()).isIn(FailureKind.UNREACHABLE, FailureKind.TIMED_OUT);
        assertThat(e.getMessage()).containsIgnoringCase("refused").contains("127.0.0.1:" + port);
        SecretScan.assertClean("the failure's message", e.getMessage());
    }

    @Test
    void anUnknownHostSaysWhatToCheck() {
        AemClient client = fx.pool.client(ConnectionSettings.builder("http://no-such-aem.invalid",
                Credentials.of(SimFixture.USER, SimFixture.PASSWORD)).build());
        AemException e = failure(() -> SimFixture.join(client.run(RunRequest.of(new TaskRef("Rep", "Orders"))
                .withTimeout(Duration.ofSeconds(2)), null)));
        assertThat(e.kind()).isIn(FailureKind.UNREACHABLE, FailureKind.TIMED_OUT);
        assertThat(e.getMessage()).contains("no-such-aem.invalid");
    }
}
