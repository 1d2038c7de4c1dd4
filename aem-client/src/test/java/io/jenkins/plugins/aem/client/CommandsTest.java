package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Run options, the events around a command, Compose stops, stop time-outs and {@code await}. */
class CommandsTest {

    private final SimFixture fx = new SimFixture(AemSimulator.builder()
            .server(SimServer.replicate("Rep")
                    .task(SimTaskSpec.named("Orders").startDuration(Duration.ofMillis(200)).stopDuration(Duration.ofMillis(200)))
                    .task(SimTaskSpec.named("Sticky").stopDuration(Duration.ofSeconds(30)).startDuration(Duration.ofMillis(100)))
                    .task(SimTaskSpec.named("Relapse").startDuration(Duration.ofMillis(100))
                            .recovery(Duration.ofMillis(100), Duration.ofMillis(300)).recoveryEndsInError(true)
                            .recoveryMessage("Target lost for good")))
            .server(SimServer.compose("Comp").task(SimTaskSpec.named("Load", "DWH")
                    .startDuration(Duration.ofMillis(100)).stopDuration(Duration.ofMillis(100)))));

    @AfterEach
    void close() {
        fx.close();
    }

    private JournalEntry onlyRun() {
        List<JournalEntry> runs = fx.sim.journal().entries().stream().filter(JournalEntry::isRun).toList();
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "RESUME_PROCESSING_FROM_POSITION|source-position-0042",
            "RECOVER_USING_CHECKPOINT_STORED_ON_TARGET|Checkpoint:V1#1#timestamp:2017-02-14T12:34:44#0#0#*#0#0"})
    void textCdcOptionsSendTheirPositionAsTheBody(RunOption option, String position) {
        TaskOutcome out = fx.run(RunRequest.of(new TaskRef("Rep", "Orders")).withOption(option, position));
        assertThat(out.state()).isEqualTo(TaskState.RUNNING);
        JournalEntry run = onlyRun();
        assertThat(run.query()).containsEntry("option", option.name()).containsEntry("action", "run");
        assertThat(run.body()).isEqualTo("{\"cdcposition\":\"" + position.replace("\\", "\\\\") + "\"}");
        assertThat(out.commandSent()).startsWith("RunTask option=" + option.name() + " timeout=");
    }

    @ParameterizedTest
    @EnumSource(value = RunOption.class, names = {"RESUME_PROCESSING", "RELOAD_TARGET", "METADATA_ONLY_RECREATE_ALL_TABLES",
            "METADATA_ONLY_CREATE_MISSING_TABLES", "RECOVER_USING_LOCALLY_STORED_CHECKPOINT"})
    void optionsWithoutAPositionSendNoBody(RunOption option) {
        assertThat(fx.run(RunRequest.of(new TaskRef("Rep", "Orders")).withOption(option, null)).state()).isEqualTo(TaskState.RUNNING);
        JournalEntry run = onlyRun();
        assertThat(run.query()).containsEntry("option", option.name());
        assertThat(run.body()).isEmpty();
        // An explicit option is not announced as a default.
        assertThat(fx.events).noneMatch(e -> e.kind() == ProgressEvent.Kind.STEP && e.message().contains("default"));
    }

    @Test
    void theDefaultOptionIsSaidBeforeTheCommandIsSent() {
        TaskOutcome out = fx.run(RunRequest.of(new TaskRef("Rep", "Orders")));
        int step = indexOf(ProgressEvent.Kind.STEP, "RESUME_PROCESSING");
        int sent = indexOf(ProgressEvent.Kind.COMMAND_SENT, "");
        assertThat(step).isNotNegative();
        assertThat(sent).isGreaterThan(step);
        assertThat(fx.events.stream().filter(e -> e.kind() == ProgressEvent.Kind.COMMAND_SENT)).hasSize(1);
        // The timeout sent is the time left, in whole seconds, and what was sent is reported.
        int timeout = Integer.parseInt(onlyRun().query().get("timeout"));
        assertThat(timeout).isBetween(55, 60);
        assertThat(out.commandSent()).isEqualTo("RunTask option=RESUME_PROCESSING timeout=" + timeout);
    }

    @Test
    void whenTheServerListCannotBeReadNoOptionIsSentAndAemDecides() {
        // Log in first, so that the refusal lands on the server list and not on the login.
        SimFixture.join(fx.client().taskStatus(new TaskRef("Rep", "Orders"), Duration.ofSeconds(5)));
        fx.sim.journal().clear();
        fx.sim.faults().failNext(RequestKind.READ, 1, "UNAUTHORIZED_REQUEST");
        assertThat(fx.run(RunRequest.of(new TaskRef("Rep", "Orders"))).state()).isEqualTo(TaskState.RUNNING);
        assertThat(onlyRun().query()).doesNotContainKey("option");
        assertThat(fx.events).anyMatch(e -> e.kind() == ProgressEvent.Kind.WARNING
                && e.message().equals(LeastPrivilegeTest.SERVER_LIST_NOTICE));
    }

    private int indexOf(ProgressEvent.Kind kind, String text) {
        for (int i = 0; i < fx.events.size(); i++) {
            if (fx.events.get(i).kind() == kind && fx.events.get(i).message().contains(text)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aComposeTaskRunsAndStops() {
        TaskRef ref = TaskRef.of("Comp", "Load", "DWH");
        assertThat(fx.run(RunRequest.of(ref)).state()).isEqualTo(TaskState.RUNNING);
        TaskOutcome stop = fx.stop(StopRequest.of(ref));
        assertThat(stop.state()).isEqualTo(TaskState.STOPPED);
        assertThat(stop.commandSent()).startsWith("StopTask timeout=");
        JournalEntry stopCall = fx.sim.journal().entries().stream().filter(JournalEntry::isStop).findFirst().orElseThrow();
        assertThat(stopCall.path()).endsWith("/tasks/Load__DWH");
        assertThat(stopCall.query()).doesNotContainKey("option");
    }

    @Test
    void aStopThatOutlastsTheDeadlineTimesOutNamingAemsTimeoutCode() {
        fx.run(RunRequest.of(new TaskRef("Rep", "Sticky")));
        AemException e = catchThrowableOfType(AemException.class,
                () -> fx.stop(new StopRequest(new TaskRef("Rep", "Sticky"), Duration.ofSeconds(2))));
        assertThat(e.kind()).isEqualTo(FailureKind.TIMED_OUT);
        assertThat(e.getMessage()).contains("RUNNING").contains("AEM_STOP_TASK_TIMEOUT");
        assertThat(e.lastState()).isEqualTo(TaskState.RUNNING);
        assertThat(fx.count(JournalEntry::isStop)).isEqualTo(1);
    }

    @Test
    void aRecoveryThatEndsInErrorFailsWithAemsMessage() {
        // RUNNING answers the run; the later relapse is seen only by waiting for completion.
        AemException e = catchThrowableOfType(AemException.class,
                () -> fx.run(RunRequest.of(new TaskRef("Rep", "Relapse")).withWaitForCompletion(true).withTimeout(Duration.ofSeconds(10))));
        assertThat(e.kind()).isEqualTo(FailureKind.TASK_FAILED);
        assertThat(e.lastState()).isEqualTo(TaskState.ERROR);
        assertThat(e.getMessage()).contains("Target lost for good");
    }

    @Test
    void awaitPollsOnlyAndEndsOnTheGoal() {
        fx.run(RunRequest.of(new TaskRef("Rep", "Orders")));
        long commandsBefore = fx.count(e -> e.isRun() || e.isStop());
        long readsBefore = fx.count(e -> e.kind() == RequestKind.READ);
        Instant now = Instant.now();
        TaskOutcome out = SimFixture.join(fx.client().await(new WaitRequest(new TaskRef("Rep", "Orders"), WaitGoal.RUNNING,
                now.plusSeconds(10), now), fx.listener()));
        assertThat(out.state()).isEqualTo(TaskState.RUNNING);
        assertThat(fx.count(e -> e.isRun() || e.isStop())).isEqualTo(commandsBefore);
        assertThat(fx.count(e -> e.kind() == RequestKind.READ)).isGreaterThan(readsBefore);
    }

    @Test
    void awaitRunsOutOfTimeWithinTheLagGraceNamingTheLastState() {
        // The fixture's lag grace is 2 s: a deadline inside it ends as timed out, not as a failure.
        Instant now = Instant.now();
        AemException e = catchThrowableOfType(AemException.class, () -> SimFixture.join(fx.client().await(
                new WaitRequest(new TaskRef("Rep", "Orders"), WaitGoal.RUNNING, now.plusSeconds(1), now), fx.listener())));
        assertThat(e.kind()).isEqualTo(FailureKind.TIMED_OUT);
        assertThat(e.lastState()).isEqualTo(TaskState.STOPPED);
        assertThat(e.getMessage()).contains("STOPPED");
        assertThat(fx.count(e2 -> e2.isRun() || e2.isStop())).isZero();
    }

    @Test
    void awaitTakesAStateThatOutlastsTheLagGraceAtItsWord() {
        Instant now = Instant.now();
        AemException e = catchThrowableOfType(AemException.class, () -> SimFixture.join(fx.client().await(
                new WaitRequest(new TaskRef("Rep", "Orders"), WaitGoal.RUNNING, now.plusSeconds(10), now), fx.listener())));
        assertThat(e.kind()).isEqualTo(FailureKind.TASK_FAILED);
        assertThat(e.lastState()).isEqualTo(TaskState.STOPPED);
        assertThat(e.elapsed()).isLessThan(Duration.ofSeconds(8));
    }
}
