package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Where a health wait reads next: by the trend where there is one, backing off where there is none, within bounds. */
class HealthPlannerTest {

    private static final long S = 1_000_000_000L;
    private static final HealthSchedule SCHEDULE = HealthSchedule.DEFAULT;
    private static final HealthConditions LATENCY_5 = new HealthConditions(null, false, Duration.ofSeconds(5), null, false);

    private static Duration next(HealthPlanner p, HealthJudge j, TaskStatus s, long at) {
        return p.next(s, j.judge(s, at), at);
    }

    private static String hms(long seconds) {
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }

    @Test
    void aFallingLatencyIsReadWhereItsTrendCrossesTheMaximum() {
        HealthPlanner p = new HealthPlanner(SCHEDULE, LATENCY_5);
        HealthJudge j = new HealthJudge(LATENCY_5);
        // One reading, 50 s above the maximum: the trend is not known yet; no sooner than the probe.
        assertThat(next(p, j, HealthJudgeTest.running(hms(55)), 0)).isEqualTo(Duration.ofSeconds(5));
        // 40 s to go at 2 s/s: read just after the foreseen crossing.
        assertThat(next(p, j, HealthJudgeTest.running(hms(45)), 5 * S)).isEqualTo(Duration.ofSeconds(21));
        // It fell faster (38 s in 21 s): the last two readings make the trend.
        assertThat(next(p, j, HealthJudgeTest.running(hms(7)), 26 * S)).isEqualTo(Duration.ofMillis(2105));
    }

    @Test
    void aHighFirstReadingIsReadAgainNoSoonerThanATenfoldCatchUpCouldEndIt() {
        HealthPlanner p = new HealthPlanner(SCHEDULE, LATENCY_5);
        HealthJudge j = new HealthJudge(LATENCY_5);
        assertThat(next(p, j, HealthJudgeTest.running(hms(125)), 0)).isEqualTo(Duration.ofSeconds(12));
        HealthPlanner far = new HealthPlanner(SCHEDULE, LATENCY_5);
        assertThat(next(far, new HealthJudge(LATENCY_5), HealthJudgeTest.running(hms(900)), 0))
                .isBetween(Duration.ofSeconds(27), Duration.ofSeconds(33));
    }

    @Test
    void aCrossingFartherThanMaxIsReadAtMax() {
        HealthPlanner p = new HealthPlanner(SCHEDULE, LATENCY_5);
        HealthJudge j = new HealthJudge(LATENCY_5);
        assertThat(next(p, j, HealthJudgeTest.running(hms(40)), 0)).isEqualTo(Duration.ofSeconds(5));
        // 34 s to go at 0.2 s/s: 170 s away, read at max (with its jitter) so that a failure is seen in time.
        assertThat(next(p, j, HealthJudgeTest.running(hms(39)), 5 * S)).isBetween(Duration.ofSeconds(27), Duration.ofSeconds(33));
    }

    @Test
    void aLatencyThatDoesNotFallBacksOffFromTheProbeUpToMax() {
        HealthPlanner p = new HealthPlanner(SCHEDULE, LATENCY_5);
        HealthJudge j = new HealthJudge(LATENCY_5);
        assertThat(next(p, j, HealthJudgeTest.running(hms(100)), 0)).isEqualTo(Duration.ofMillis(9500));
        long at = 10 * S;
        Duration last = Duration.ZERO;
        for (int i = 0; i < 8; i++) {
            last = next(p, j, HealthJudgeTest.running(hms(100 + i)), at);
            assertThat(last).isBetween(Duration.ofMillis(4500), SCHEDULE.worstDetectionDelay());
            at += last.toNanos();
        }
        assertThat(last).isBetween(Duration.ofSeconds(27), Duration.ofSeconds(33));
    }

    @Test
    void aHoldIsReadAThirdOfItsLengthApartAndAtItsEnd() {
        HealthConditions held = LATENCY_5.withMaxLatency(Duration.ofSeconds(5), Duration.ofSeconds(60));
        HealthPlanner p = new HealthPlanner(SCHEDULE, held);
        HealthJudge j = new HealthJudge(held);
        assertThat(next(p, j, HealthJudgeTest.running(hms(3)), 0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(next(p, j, HealthJudgeTest.running(hms(3)), 50 * S)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aStoppedTaskIsReadBackingOffFromMinToMax() {
        HealthPlanner p = new HealthPlanner(SCHEDULE, HealthConditions.running());
        HealthJudge j = new HealthJudge(HealthConditions.running());
        TaskStatus stopped = HealthJudgeTest.status("STOPPED", StopReason.NORMAL, "", null, 0);
        assertThat(next(p, j, stopped, 0)).isBetween(Duration.ofMillis(1800), Duration.ofMillis(2200));
        assertThat(next(p, j, stopped, S)).isBetween(Duration.ofMillis(3600), Duration.ofMillis(4400));
        long at = 2 * S;
        for (int i = 0; i < 6; i++) {
            assertThat(next(p, j, stopped, at += S)).isLessThanOrEqualTo(SCHEDULE.worstDetectionDelay());
        }
        assertThat(next(p, j, stopped, at + S)).isBetween(Duration.ofSeconds(27), Duration.ofSeconds(33));
    }

    @Test
    void tablesLoadingAtASteadyPaceAreReadWhenTheLastShouldBeDone() {
        HealthConditions full = new HealthConditions(null, true, null, null, false);
        HealthPlanner p = new HealthPlanner(SCHEDULE, full);
        HealthJudge j = new HealthJudge(full);
        TaskStatus at0 = new TaskStatus(new TaskRef("S", "T"), TaskState.RUNNING, "RUNNING", StopReason.NONE, "", false,
                null, 9, 1, 0, 0, null, 0);
        TaskStatus at5 = new TaskStatus(new TaskRef("S", "T"), TaskState.RUNNING, "RUNNING", StopReason.NONE, "", false,
                null, 8, 1, 0, 1, null, 0);
        assertThat(next(p, j, at0, 0)).isEqualTo(Duration.ofSeconds(5));
        // One table per 5 s, 9 left: 45 s away, capped.
        assertThat(next(p, j, at5, 5 * S)).isBetween(Duration.ofSeconds(27), Duration.ofSeconds(33));
    }

    @Test
    void failedReadsAreRetriedBackingOff() {
        HealthPlanner p = new HealthPlanner(SCHEDULE, HealthConditions.running());
        assertThat(p.afterFailedRead(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.afterFailedRead(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(p.afterFailedRead(10)).isEqualTo(Duration.ofSeconds(30));
    }
}
