package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunStopTest {

    private final SimFixture fx = new SimFixture(AemSimulator.builder()
            .server(SimServer.replicate("Rep").task(SimTaskSpec.named("Orders").startDuration(Duration.ofMillis(300)).stopDuration(Duration.ofMillis(300)))
                    .task(SimTaskSpec.named("Full").fullLoadOnly(true).startDuration(Duration.ofMillis(100)).fullLoadDuration(Duration.ofMillis(500)))
                    .task(SimTaskSpec.named("Broken").failOnRun("Source endpoint unreachable"))
                    .task(SimTaskSpec.named("Slow").startDuration(Duration.ofSeconds(30)).startingState("STARTING")))
            .server(SimServer.compose("Comp").task(SimTaskSpec.named("Load", "DWH").fullLoadOnly(true)
                    .startDuration(Duration.ofMillis(100)).fullLoadDuration(Duration.ofMillis(300)))));

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void runReachesRunningWithTheDefaultReplicateOptionThenStops() {
        TaskOutcome run = fx.run(RunRequest.of(new TaskRef("Rep", "Orders")));
        assertThat(run.state()).isEqualTo(TaskState.RUNNING);
        assertThat(run.commandSent()).startsWith("RunTask option=RESUME_PROCESSING timeout=");
        assertThat(fx.sim.journal().entries().stream().filter(e -> e.isRun()).findFirst().orElseThrow().query())
                .containsEntry("option", "RESUME_PROCESSING").containsEntry("action", "run");
        assertThat(run.stopReason()).isEqualTo(StopReason.NONE);
        TaskOutcome stop = fx.stop(StopRequest.of(new TaskRef("Rep", "Orders")));
        assertThat(stop.state()).isEqualTo(TaskState.STOPPED);
        // StopTask's answer has a state only; a stop AEM carried out is a normal stop, as its details then say.
        assertThat(stop.stopReason()).isEqualTo(StopReason.NORMAL)
                .hasToString(fx.sim.task("Rep", "Orders").stopReason());
        assertThat(fx.sim.task("Rep", "Orders").state()).isEqualTo("STOPPED");
        assertThat(fx.count(e -> e.isLogin())).isEqualTo(1);
        assertThat(fx.events).anyMatch(e -> e.kind() == ProgressEvent.Kind.COMMAND_SENT);
    }

    @Test
    void eachResultIsSaidOnce() {
        fx.run(RunRequest.of(new TaskRef("Rep", "Orders")));
        fx.stop(StopRequest.of(new TaskRef("Rep", "Orders")));

        assertThat(fx.events).extracting(ProgressEvent::message)
                .filteredOn(m -> m.contains("RUNNING") || m.contains("STOPPED"))
                .containsExactly("task 'Orders' on server 'Rep' is RUNNING", "task 'Orders' on server 'Rep' is STOPPED");
    }

    @Test
    void composeGetsNoOptionAndWaitsForLoadingCompleted() {
        TaskOutcome out = fx.run(RunRequest.of(TaskRef.of("Comp", "Load", "DWH")).withWaitForCompletion(true));
        assertThat(out.state()).isEqualTo(TaskState.STOPPED);
        assertThat(fx.sim.journal().entries().stream().filter(e -> e.isRun()).findFirst().orElseThrow().query())
                .doesNotContainKey("option");
        assertThat(fx.sim.journal().entries().stream().filter(e -> e.isRun()).findFirst().orElseThrow().path())
                .endsWith("/tasks/Load__DWH");
    }

    @Test
    void waitForCompletionOfAFullLoadOnlyTask() {
        TaskOutcome out = fx.run(RunRequest.of(new TaskRef("Rep", "Full")).withWaitForCompletion(true));
        assertThat(out.state()).isEqualTo(TaskState.STOPPED);
        assertThat(out.stopReason()).isEqualTo(StopReason.FULL_LOAD_ONLY_FINISHED);
    }

    @Test
    void timestampOptionSendsTheCdcPositionBody() {
        fx.run(RunRequest.of(new TaskRef("Rep", "Orders"))
                .withOption(RunOption.RESUME_PROCESSING_FROM_TIMESTAMP, "2026-03-07T11:19:03Z"));
        var run = fx.sim.journal().entries().stream().filter(e -> e.isRun()).findFirst().orElseThrow();
        assertThat(run.body()).isEqualTo("{\"cdcposition\":\"2026-03-07T11:19:03\"}");
        assertThat(run.query()).containsEntry("option", "RESUME_PROCESSING_FROM_TIMESTAMP");
    }

    @Test
    void taskGoingToErrorFailsWithAemsMessage() {
        assertThatThrownBy(() -> fx.run(RunRequest.of(new TaskRef("Rep", "Broken"))))
                .isInstanceOfSatisfying(AemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.TASK_FAILED);
                    assertThat(e.getMessage()).contains("Source endpoint unreachable");
                    assertThat(e.lastState()).isEqualTo(TaskState.ERROR);
                });
    }

    @Test
    void deadlineEndsTheWaitAsTimedOutNamingTheLastState() {
        assertThatThrownBy(() -> fx.run(RunRequest.of(new TaskRef("Rep", "Slow")).withTimeout(Duration.ofSeconds(3))))
                .isInstanceOfSatisfying(AemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.TIMED_OUT);
                    assertThat(e.getMessage()).contains("last state seen: STARTING").contains("AEM_RUN_TASK_TIMEOUT");
                    assertThat(e.elapsed()).isLessThan(Duration.ofSeconds(8));
                });
        assertThat(fx.count(e -> e.isRun())).isEqualTo(1);
    }

    @Test
    void alreadyRunningIsAnAemErrorWithItsRemedy() {
        fx.run(RunRequest.of(new TaskRef("Rep", "Orders")));
        assertThatThrownBy(() -> fx.run(RunRequest.of(new TaskRef("Rep", "Orders"))))
                .isInstanceOfSatisfying(AemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.AEM_ERROR);
                    assertThat(e.errorCode()).isEqualTo("AEM_TASK_ALREADY_RUNNING");
                    assertThat(e.remedy()).isEqualTo(AemErrorCode.AEM_TASK_ALREADY_RUNNING.remedy());
                });
    }

    @Test
    void unknownServerIsRefusedBeforeAnyCommandAndNamesTheKnownOnes() {
        assertThatThrownBy(() -> fx.run(RunRequest.of(new TaskRef("Nope", "Orders"))))
                .isInstanceOfSatisfying(AemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("AEM_SERVER_NOT_FOUND");
                    assertThat(e.getMessage()).contains("Rep").contains("Comp");
                });
        assertThat(fx.count(e -> e.isRun())).isZero();
    }
}
