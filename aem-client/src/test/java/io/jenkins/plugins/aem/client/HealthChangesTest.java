package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.client.HealthWording.Unmet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a health wait tells its values again: on a change that matters, not on every read. */
class HealthChangesTest {

    private static TaskStatus running(String latency) {
        return HealthJudgeTest.running(latency);
    }

    @Test
    void theFirstReadIsToldAndAnUnchangedOneIsNot() {
        HealthChanges c = new HealthChanges();
        assertThat(c.changed(running("00:01:00"), Set.of(Unmet.LATENCY))).isTrue();
        assertThat(c.changed(running("00:01:00"), Set.of(Unmet.LATENCY))).isFalse();
    }

    @Test
    void aLatencyIsToldAgainWhenItMovedByAFifthAndAtLeastFiveSeconds() {
        HealthChanges c = new HealthChanges();
        c.changed(running("00:01:40"), Set.of(Unmet.LATENCY));                           // 100 s told
        assertThat(c.changed(running("00:01:25"), Set.of(Unmet.LATENCY))).isFalse();     // 85 s: less than a fifth
        assertThat(c.changed(running("00:01:20"), Set.of(Unmet.LATENCY))).isTrue();      // 80 s: a fifth
        assertThat(c.changed(running("00:00:09"), Set.of(Unmet.LATENCY))).isTrue();      // 9 s
        assertThat(c.changed(running("00:00:06"), Set.of(Unmet.LATENCY))).isFalse();     // 3 s moved: under 5 s
        assertThat(c.changed(running("00:00:12"), Set.of(Unmet.LATENCY))).isFalse();     // drifting around
        assertThat(c.changed(running("00:00:05"), Set.of())).isTrue();                    // the condition now holds
    }

    @Test
    void aStateOrCountChangeIsToldWhateverTheLatency() {
        HealthChanges c = new HealthChanges();
        c.changed(running("00:00:30"), Set.of(Unmet.LATENCY));
        assertThat(c.changed(HealthJudgeTest.status("RECOVERY", StopReason.RECOVERABLE_ERROR, "", "00:00:30", 0),
                Set.of(Unmet.LATENCY))).isTrue();
        assertThat(c.changed(HealthJudgeTest.status("RECOVERY", StopReason.RECOVERABLE_ERROR, "", "00:00:30", 1),
                Set.of(Unmet.LATENCY))).isTrue();
    }
}
