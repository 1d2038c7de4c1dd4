package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A refused session on a command: the command was not carried out, so it is repeated once after a new login. */
class SessionRenewalTest {

    private final SimFixture fx = new SimFixture(AemSimulator.builder()
            .server(SimServer.replicate("Rep").task(SimTaskSpec.named("Orders").startDuration(Duration.ofMillis(100))
                    .stopDuration(Duration.ofMillis(100)))));

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aRunRefusedForItsSessionIsRepeatedOnceAfterANewLogin() {
        fx.sim.faults().failNext(RequestKind.COMMAND, 1, "INVALID_SESSION_ID");
        assertThat(fx.run(RunRequest.of(new TaskRef("Rep", "Orders"))).state()).isEqualTo(TaskState.RUNNING);
        assertThat(fx.count(JournalEntry::isRun)).isEqualTo(2);
        assertThat(fx.count(JournalEntry::isLogin)).isEqualTo(2);
        assertThat(fx.sim.task("Rep", "Orders").commands().stream().filter(c -> c.accepted()).count()).isEqualTo(1);
        assertThat(fx.events).anyMatch(e -> e.kind() == ProgressEvent.Kind.RELOGIN);
        assertThat(fx.events.stream().filter(e -> e.kind() == ProgressEvent.Kind.COMMAND_SENT)).hasSize(2);
    }

    @Test
    void aStopRefusedForItsSessionIsRepeatedOnce() {
        fx.run(RunRequest.of(new TaskRef("Rep", "Orders")));
        fx.sim.expireAllSessions();
        assertThat(fx.stop(StopRequest.of(new TaskRef("Rep", "Orders"))).state()).isEqualTo(TaskState.STOPPED);
        assertThat(fx.count(JournalEntry::isStop)).isEqualTo(2);
        assertThat(fx.count(JournalEntry::isLogin)).isEqualTo(2);
    }

    @Test
    void aSecondRefusalOfACommandIsFinalAndNotRepeatedAgain() {
        fx.sim.faults().failNext(RequestKind.COMMAND, 2, "INVALID_SESSION_ID");
        AemException e = catchThrowableOfType(AemException.class, () -> fx.run(RunRequest.of(new TaskRef("Rep", "Orders"))));
        assertThat(e.errorCode()).isEqualTo("INVALID_SESSION_ID");
        assertThat(e.kind()).isEqualTo(FailureKind.AEM_ERROR);
        assertThat(fx.count(JournalEntry::isRun)).isEqualTo(2);
        assertThat(fx.count(JournalEntry::isLogin)).isEqualTo(2);
        assertThat(fx.sim.task("Rep", "Orders").state()).isEqualTo("STOPPED");
    }

    @Test
    void aRefusedLoginDuringRenewalIsALoginRefusal() {
        fx.run(RunRequest.of(new TaskRef("Rep", "Orders")));
        fx.sim.expireAllSessions();
        fx.sim.faults().failNext(RequestKind.LOGIN, 1, "UNAUTHORIZED_REQUEST");
        AemException e = catchThrowableOfType(AemException.class, () -> fx.stop(StopRequest.of(new TaskRef("Rep", "Orders"))));
        assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(e.getMessage()).contains("AEM refused the login for user 'admin'");
        assertThat(fx.count(JournalEntry::isStop)).isEqualTo(1);
    }
}
