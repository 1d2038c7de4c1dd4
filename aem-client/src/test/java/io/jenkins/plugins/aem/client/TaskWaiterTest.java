package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.client.TaskWaiter.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The decision rules of aem-api.md section 0, one read at a time, without I/O. */
class TaskWaiterTest {

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration EARLY = Duration.ofSeconds(1);
    private static final Duration LATE = Duration.ofSeconds(31);
    private static final TaskRef T = new TaskRef("s", "t");

    private static TaskStatus status(String state, StopReason reason) {
        return new TaskStatus(T, TaskState.fromWire(state), state, reason, "msg", null, null, -1, -1, -1);
    }

    private static TaskStatus replicate(String state, StopReason reason, Boolean fullLoadCompleted, long queued, long loading, long errors) {
        return new TaskStatus(T, TaskState.fromWire(state), state, reason, "", fullLoadCompleted, null, queued, loading, errors);
    }

    private static Verdict judge(WaitGoal goal, TaskStatus s, Duration since) {
        return new TaskWaiter(goal, GRACE).judge(s, since).verdict();
    }

    @Test
    void recoveringIsOneTransientState() {
        assertThat(TaskState.fromWire("RECOVERING")).isEqualTo(TaskState.RECOVERY);
        assertThat(TaskState.fromWire("RECOVERY")).isEqualTo(TaskState.RECOVERY);
        assertThat(judge(WaitGoal.RUNNING, status("RECOVERY", StopReason.RECOVERABLE_ERROR), LATE)).isEqualTo(Verdict.WAIT);
    }

    @Test
    void unknownStatesAreTransitional() {
        assertThat(TaskState.fromWire("STARTING")).isEqualTo(TaskState.UNKNOWN);
        assertThat(judge(WaitGoal.RUNNING, status("STARTING", StopReason.NONE), LATE)).isEqualTo(Verdict.WAIT);
        assertThat(judge(WaitGoal.STOPPED, status("STOPPING", StopReason.NONE), LATE)).isEqualTo(Verdict.WAIT);
    }

    @Test
    void runningEndsARunAndStoppedEndsAStop() {
        assertThat(judge(WaitGoal.RUNNING, status("RUNNING", StopReason.NONE), EARLY)).isEqualTo(Verdict.DONE);
        assertThat(judge(WaitGoal.STOPPED, status("STOPPED", StopReason.NORMAL), EARLY)).isEqualTo(Verdict.DONE);
    }

    @Test
    void oldStatesAreNotFinalDuringTheGraceUnlessTheTaskWasSeenMoving() {
        assertThat(judge(WaitGoal.RUNNING, status("STOPPED", StopReason.NORMAL), EARLY)).isEqualTo(Verdict.WAIT);
        assertThat(judge(WaitGoal.RUNNING, status("ERROR", StopReason.FATAL_ERROR), EARLY)).isEqualTo(Verdict.WAIT);
        assertThat(judge(WaitGoal.RUNNING, status("STOPPED", StopReason.NORMAL), LATE)).isEqualTo(Verdict.FAILED);
        assertThat(judge(WaitGoal.RUNNING, status("ERROR", StopReason.FATAL_ERROR), LATE)).isEqualTo(Verdict.FAILED);
        assertThat(judge(WaitGoal.STOPPED, status("RUNNING", StopReason.NONE), LATE)).isEqualTo(Verdict.WAIT);

        TaskWaiter seen = new TaskWaiter(WaitGoal.LOAD_COMPLETED, GRACE);
        assertThat(seen.judge(status("RUNNING", StopReason.NONE), EARLY).verdict()).isEqualTo(Verdict.WAIT);
        assertThat(seen.judge(status("ERROR", StopReason.FATAL_ERROR), EARLY).verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void aLeftoverStopReasonProvesNothingByItself() {
        TaskStatus leftover = status("STOPPED", StopReason.FULL_LOAD_ONLY_FINISHED);
        assertThat(judge(WaitGoal.RUNNING, leftover, EARLY)).isEqualTo(Verdict.WAIT);
        TaskWaiter settled = new TaskWaiter(WaitGoal.RUNNING, GRACE);
        settled.settled();
        assertThat(settled.judge(leftover, EARLY).verdict()).isEqualTo(Verdict.DONE);
    }

    @Test
    void completedLoadConditions() {
        TaskWaiter w = new TaskWaiter(WaitGoal.LOAD_COMPLETED, GRACE);
        w.settled();
        assertThat(w.judge(replicate("RUNNING", StopReason.NONE, true, 0, 0, 0), EARLY).verdict()).isEqualTo(Verdict.DONE);
        assertThat(w.judge(replicate("RUNNING", StopReason.NONE, true, 1, 0, 0), EARLY).verdict()).isEqualTo(Verdict.WAIT);
        assertThat(w.judge(replicate("RUNNING", StopReason.NONE, true, 0, 0, 2), EARLY).verdict()).isEqualTo(Verdict.WAIT);
        assertThat(w.judge(replicate("STOPPED", StopReason.FULL_LOAD_ONLY_FINISHED, null, -1, -1, -1), EARLY).verdict()).isEqualTo(Verdict.DONE);
        TaskStatus compose = new TaskStatus(T, TaskState.STOPPED, "STOPPED", StopReason.NONE, "", null, true, -1, -1, -1);
        assertThat(w.judge(compose, EARLY).verdict()).isEqualTo(Verdict.DONE);
        TaskStatus composeNotDone = new TaskStatus(T, TaskState.STOPPED, "STOPPED", StopReason.NONE, "", null, false, -1, -1, -1);
        assertThat(w.judge(composeNotDone, EARLY).verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void aFatalStopReasonFailsARun() {
        TaskWaiter w = new TaskWaiter(WaitGoal.RUNNING, GRACE);
        w.settled();
        TaskWaiter.Decision d = w.judge(status("STOPPED", StopReason.FATAL_ERROR), EARLY);
        assertThat(d.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(d.note()).contains("FATAL_ERROR").contains("msg");
    }

    @Test
    void theScheduleIsLaidEndToEndFromTheCommand() {
        PollSchedule s = new PollSchedule(Duration.ofMillis(500), 1.5, Duration.ofSeconds(10), 0.1);
        assertThat(s.pollsWithin(Duration.ZERO)).isZero();
        assertThat(s.pollsWithin(Duration.ofMillis(499))).isZero();
        assertThat(s.pollsWithin(Duration.ofMillis(1250))).isEqualTo(2);
        assertThat(s.intervalAt(Duration.ofMillis(1300))).isEqualTo(Duration.ofMillis(1125));
        assertThat(s.intervalAt(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(10));
    }
}
