package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.client.HealthJudge.Verdict;
import io.jenkins.plugins.aem.client.HealthWording.Unmet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each rule of a health wait's verdict, on one read at a time. */
class HealthJudgeTest {

    private static final TaskRef T = new TaskRef("S", "T");
    private static final long S = 1_000_000_000L;

    static TaskStatus status(String state, StopReason reason, String message, String latency, long errors) {
        return new TaskStatus(T, TaskState.fromWire(state), state, reason, message, true, null, 0, 0, errors, 10,
                latency == null ? null : new CdcLatency("00:00:00", latency), 0);
    }

    static TaskStatus running(String latency) {
        return status("RUNNING", StopReason.NONE, "", latency, 0);
    }

    private static final HealthConditions LATENCY_5 = new HealthConditions(null, false, Duration.ofSeconds(5), null, false);

    @Test
    void errorFailsAtOnceWithAemsMessage() {
        HealthJudge j = new HealthJudge(LATENCY_5);
        HealthJudge.Judgement v = j.judge(status("ERROR", StopReason.FATAL_ERROR, "Source endpoint unreachable", "00:00:00", 0), 0);
        assertThat(v.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(v.failure()).startsWith("The task failed: ERROR (stop reason FATAL_ERROR): Source endpoint unreachable.")
                .contains("Last values: ERROR (stop reason FATAL_ERROR)");
    }

    @Test
    void aFatalStopReasonFailsEvenWhenStateIsStopped() {
        assertThat(new HealthJudge(HealthConditions.running())
                .judge(status("STOPPED", StopReason.FATAL_ERROR, "boom", null, 0), 0).verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void aTaskSeenRunningThatStopsFailsAWaitThatNeedsItRunning() {
        HealthJudge j = new HealthJudge(LATENCY_5);
        assertThat(j.judge(running("00:01:00"), 0).verdict()).isEqualTo(Verdict.WAIT);
        HealthJudge.Judgement v = j.judge(status("STOPPED", StopReason.NORMAL, "", "00:00:00", 0), S);
        assertThat(v.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(v.failure()).startsWith("The task stopped while the wait needed it running (total latency <= 5 s): "
                + "it is STOPPED with stop reason NORMAL.");
    }

    @Test
    void aTaskSeenInRecoveryCountsAsRunning() {
        HealthJudge j = new HealthJudge(HealthConditions.running());
        assertThat(j.judge(status("RECOVERY", StopReason.RECOVERABLE_ERROR, "retrying", null, 0), 0).verdict())
                .isEqualTo(Verdict.WAIT);
        assertThat(j.judge(status("STOPPED", StopReason.NORMAL, "", null, 0), S).verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void aTaskStoppedFromTheStartIsWaitedForUntilSomeoneStartsIt() {
        HealthJudge j = new HealthJudge(LATENCY_5);
        TaskStatus stopped = status("STOPPED", StopReason.NORMAL, "", "00:00:00", 0);
        HealthJudge.Judgement v = j.judge(stopped, 0);
        // A stopped task shows a latency of 0, which must not pass for caught up.
        assertThat(v.verdict()).isEqualTo(Verdict.WAIT);
        assertThat(v.unmet()).containsExactly(Unmet.LATENCY);
        assertThat(j.waitingForStart(stopped)).isTrue();
        assertThat(j.judge(stopped, S).verdict()).isEqualTo(Verdict.WAIT);
        assertThat(j.judge(running("00:00:04"), 2 * S).verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void waitingForStoppedIsMetByAStop() {
        HealthJudge j = new HealthJudge(HealthConditions.running().withState(TaskState.STOPPED));
        assertThat(j.judge(running(null), 0).unmet()).containsExactly(Unmet.STATE);
        assertThat(j.judge(status("STOPPED", StopReason.NORMAL, "", null, 0), S).verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void anUnknownOrUnreadableLatencyNeverHolds() {
        HealthJudge j = new HealthJudge(LATENCY_5);
        assertThat(j.judge(running(null), 0).unmet()).containsExactly(Unmet.LATENCY);
        assertThat(j.judge(running("N/A"), S).unmet()).containsExactly(Unmet.LATENCY);
        assertThat(j.judge(running("-00:00:01"), 2 * S).unmet()).containsExactly(Unmet.LATENCY);
        assertThat(j.judge(running("00:00:05"), 3 * S).verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void theLatencyMustHoldOverEveryReadOfTheHold() {
        HealthJudge j = new HealthJudge(LATENCY_5.withMaxLatency(Duration.ofSeconds(5), Duration.ofSeconds(60)));
        assertThat(j.judge(running("00:00:03"), 0).unmet()).containsExactly(Unmet.HOLD);
        HealthJudge.Judgement mid = j.judge(running("00:00:04"), 30 * S);
        assertThat(mid.unmet()).containsExactly(Unmet.HOLD);
        assertThat(mid.held()).isEqualTo(Duration.ofSeconds(30));
        // A rise starts the hold again.
        assertThat(j.judge(running("00:00:09"), 40 * S).unmet()).containsExactly(Unmet.LATENCY);
        assertThat(j.judge(running("00:00:02"), 50 * S).unmet()).containsExactly(Unmet.HOLD);
        assertThat(j.judge(running("00:00:02"), 100 * S).unmet()).containsExactly(Unmet.HOLD);
        assertThat(j.judge(running("00:00:02"), 110 * S).verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aTableInErrorKeepsBothTableConditionsFromHolding() {
        HealthJudge j = new HealthJudge(new HealthConditions(null, true, null, null, true));
        TaskStatus oneInError = status("RUNNING", StopReason.NONE, "", null, 1);
        assertThat(j.judge(oneInError, 0).unmet()).containsExactly(Unmet.FULL_LOAD, Unmet.TABLES);
        TaskStatus unknown = new TaskStatus(T, TaskState.RUNNING, "RUNNING", StopReason.NONE, "", null, null, -1, -1, -1);
        assertThat(j.judge(unknown, S).unmet()).containsExactly(Unmet.FULL_LOAD, Unmet.TABLES);
        assertThat(j.judge(status("RUNNING", StopReason.NONE, "", null, 0), 2 * S).verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aFullLoadOnlyTaskThatFinishedMeetsFullLoadCompletedButFailsAWaitForRunning() {
        TaskStatus finished = status("STOPPED", StopReason.FULL_LOAD_ONLY_FINISHED, "", null, 0);
        assertThat(new HealthJudge(new HealthConditions(null, true, null, null, false)).judge(finished, 0).verdict())
                .isEqualTo(Verdict.MET);
        HealthJudge both = new HealthJudge(new HealthConditions(TaskState.RUNNING, true, null, null, false));
        TaskStatus loading = new TaskStatus(T, TaskState.RUNNING, "RUNNING", StopReason.NONE, "", false, null, 3, 1, 0,
                6, null, 0);
        assertThat(both.judge(loading, 0).unmet()).containsExactly(Unmet.FULL_LOAD);
        assertThat(both.judge(finished, S).verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void transitionalStatesKeepTheWaitGoing() {
        HealthJudge j = new HealthJudge(HealthConditions.running());
        assertThat(j.judge(status("STARTING", StopReason.NONE, "", null, 0), 0).verdict()).isEqualTo(Verdict.WAIT);
        assertThat(j.judge(running(null), S).verdict()).isEqualTo(Verdict.MET);
    }
}
