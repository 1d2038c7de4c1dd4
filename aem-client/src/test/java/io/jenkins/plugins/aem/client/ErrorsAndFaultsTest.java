package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.DetailsShape;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorsAndFaultsTest {

    private final SimFixture fx = new SimFixture(AemSimulator.builder().serverWaitCap(Duration.ofMillis(300))
            .server(SimServer.replicate("Rep")
                    .task(SimTaskSpec.named("Orders").startDuration(Duration.ofMillis(200)).stopDuration(Duration.ofMillis(200)))
                    .task(SimTaskSpec.named("Stopped"))
                    .task(SimTaskSpec.named("Lagging").startDuration(Duration.ofMillis(200)).lag(Duration.ofMillis(1200)))
                    .task(SimTaskSpec.named("OldFailure").initialState("ERROR", "FATAL_ERROR", "failed last week")
                            .startDuration(Duration.ofMillis(700)).lag(Duration.ofMillis(1000)))
                    .task(SimTaskSpec.named("Flaky").startDuration(Duration.ofMillis(100))
                            .recovery(Duration.ofMillis(0), Duration.ofMillis(600))))
            .server(SimServer.replicate("Offline").state("NOT_MONITORED")));

    @AfterEach
    void close() {
        fx.close();
    }

    private AemException runFails(String task) {
        return catchThrowableOfType(AemException.class, () -> fx.run(RunRequest.of(new TaskRef("Rep", task))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AEM_RUN_TASK_INNER_ERR", "AEM_RUN_TASK_NO_SRC_NO_TRG", "AEM_RUN_TASK_NO_SRC", "AEM_RUN_TASK_TRG",
            "AEM_RUN_TASK_NOT_FL_NOR_CDC", "AEM_RUN_BIDI_TASK_NO_FL_NOR_CDC", "AEM_TASK_IN_RECOVERY",
            "AEM_WRONG_OPTION_FOR_CDCPOSITION", "AEM_CDC_POSITION_ERR_FORMAT", "AEM_SERVER_LICENSE_EXPIRED",
            "AEM_SERVER_INVALID_LICENSE", "LICENSE_NOT_FOUND", "LICENSE_NOT_FOUND_CONTACT_ADMIN", "AEM_SERVER_NOT_CONNECTED",
            "DESERIALIZE_TO_TYPE", "UNAUTHORIZED_REQUEST"})
    void everyRunErrorCodeFailsWithItsCodeAndRemedy(String code) {
        fx.sim.task("Rep", "Orders").spec().runErrorOnce(code);
        AemException e = runFails("Orders");
        assertThat(e.kind()).isEqualTo(FailureKind.AEM_ERROR);
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.remedy()).isEqualTo(AemErrorCode.valueOf(code).remedy());
        assertThat(e.getMessage()).contains(code);
        assertThat(fx.count(JournalEntry::isRun)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AEM_TASK_ALREADY_STOPPED", "AEM_STOP_TASK_INNER_ERR"})
    void stopErrorCodesFail(String code) {
        fx.run(RunRequest.of(new TaskRef("Rep", "Orders")));
        fx.sim.task("Rep", "Orders").spec().stopErrorOnce(code);
        AemException e = catchThrowableOfType(AemException.class, () -> fx.stop(StopRequest.of(new TaskRef("Rep", "Orders"))));
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.remedy()).isEqualTo(AemErrorCode.valueOf(code).remedy());
    }

    @Test
    void stoppingAStoppedTaskIsAlreadyStopped() {
        AemException e = catchThrowableOfType(AemException.class, () -> fx.stop(StopRequest.of(new TaskRef("Rep", "Stopped"))));
        assertThat(e.errorCode()).isEqualTo("AEM_TASK_ALREADY_STOPPED");
    }

    @Test
    void anAemTimeoutWhileTimeIsLeftIsWaitedOut() {
        fx.sim.task("Rep", "Orders").spec().runErrorOnce("AEM_RUN_TASK_TIMEOUT");
        assertThat(fx.run(RunRequest.of(new TaskRef("Rep", "Orders"))).state()).isEqualTo(TaskState.RUNNING);
        assertThat(fx.events).anyMatch(e -> e.kind() == ProgressEvent.Kind.WARNING && e.message().contains("AEM_RUN_TASK_TIMEOUT"));
    }

    @Test
    void unknownTaskAndUnmonitoredServer() {
        assertThat(runFails("Nope").errorCode()).isEqualTo("AEM_TASK_NOT_FOUND");
        AemException offline = catchThrowableOfType(AemException.class, () -> fx.run(RunRequest.of(new TaskRef("Offline", "X"))));
        assertThat(offline.errorCode()).isEqualTo("AEM_SERVER_NOT_MONITORED");
        assertThat(fx.count(JournalEntry::isRun)).isEqualTo(1);
    }

    @Test
    void statusLagDoesNotEndARunEarly() {
        assertThat(fx.run(RunRequest.of(new TaskRef("Rep", "Lagging"))).state()).isEqualTo(TaskState.RUNNING);
    }

    @Test
    void anOldFailureShownWhileAemLagsIsNotTakenAsANewOne() {
        assertThat(fx.run(RunRequest.of(new TaskRef("Rep", "OldFailure"))).state()).isEqualTo(TaskState.RUNNING);
        assertThat(fx.events).anyMatch(e -> e.message().contains("AEM may be lagging"));
    }

    @Test
    void recoveryIsTransientWhenWaitingForCompletion() {
        TaskOutcome run = fx.run(RunRequest.of(new TaskRef("Rep", "Flaky")));
        assertThat(run.state()).isEqualTo(TaskState.RUNNING);
    }

    @Test
    void wrappedTaskDetailsAreRead() {
        fx.sim.detailsShape(DetailsShape.WRAPPED);
        TaskStatus status = SimFixture.join(fx.client().taskStatus(new TaskRef("Rep", "OldFailure"), Duration.ofSeconds(5)));
        assertThat(status.state()).isEqualTo(TaskState.ERROR);
        assertThat(status.stopReason()).isEqualTo(StopReason.FATAL_ERROR);
        assertThat(status.message()).isEqualTo("failed last week");
    }

    @Test
    void htmlErrorPagesOnReadsAreRetried() {
        fx.sim.faults().html502(1.0).onlyFor(RequestKind.READ);
        var first = fx.client().run(RunRequest.of(new TaskRef("Rep", "Lagging")).withTimeout(Duration.ofSeconds(20)), fx.listener());
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        fx.sim.faults().clear();
        assertThat(SimFixture.join(first).state()).isEqualTo(TaskState.RUNNING);
        assertThat(fx.events).anyMatch(e -> e.kind() == ProgressEvent.Kind.RETRY && e.message().contains("HTTP 502"));
    }

    @Test
    void aRunThatGetsAnHtmlPageIsNotSentAgain() {
        fx.sim.faults().html503(1.0).onlyFor(RequestKind.COMMAND);
        AemException e = runFails("Orders");
        assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(e.getMessage()).contains("HTTP 503").contains("may or may not have carried out RunTask");
        assertThat(fx.count(JournalEntry::isRun)).isEqualTo(1);
    }

    @Test
    void aHungStatusReadIsBoundedByTheDeadline() {
        fx.sim.faults().hang(1.0).onlyFor(RequestKind.READ);
        long start = System.nanoTime();
        AemException e = catchThrowableOfType(AemException.class,
                () -> fx.run(RunRequest.of(new TaskRef("Rep", "Orders")).withTimeout(Duration.ofSeconds(2))));
        assertThat(e.kind()).isIn(FailureKind.TIMED_OUT, FailureKind.UNREACHABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2 + 5));
    }

    @Test
    void wrongPasswordIsALoginRefusal() {
        AemClient client = fx.pool.client(ConnectionSettings.builder(fx.sim.baseUrl().toString(),
                Credentials.of(SimFixture.USER, "not-the-password")).build());
        AemException e = catchThrowableOfType(AemException.class,
                () -> SimFixture.join(client.run(RunRequest.of(new TaskRef("Rep", "Orders")), null)));
        assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(e.getMessage()).contains("AEM refused the login for user 'admin'");
        SecretScan.assertClean("the failure's message", e.getMessage()); // the simulator reported the wrong password
        // The wrong password did not ride on a session of the right one.
        fx.run(RunRequest.of(new TaskRef("Rep", "Orders")));
        assertThat(fx.count(JournalEntry::isLogin)).isEqualTo(2);
    }
}
