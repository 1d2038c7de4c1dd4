package io.jenkins.plugins.aem.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void nearestRankPercentilesAreObservedValues() {
        List<Long> values = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            values.add(i);
        }
        Stats s = Stats.of(values);
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.p50()).isEqualTo(50);
        assertThat(s.p99()).isEqualTo(99);
        assertThat(s.max()).isEqualTo(100);
        assertThat(s.mean()).isEqualTo(50.5);
    }

    @Test
    void orderOfInputDoesNotMatter() {
        assertThat(Stats.of(List.of(30L, 10L, 20L))).isEqualTo(Stats.of(List.of(10L, 20L, 30L)));
        assertThat(Stats.of(List.of(30L, 10L, 20L)).p50()).isEqualTo(20);
    }

    @Test
    void smallSamplesTakeTheLargestValueForP99() {
        Stats s = Stats.of(List.of(5L, 7L));
        assertThat(s.p50()).isEqualTo(5);
        assertThat(s.p99()).isEqualTo(7);
        assertThat(Stats.of(List.of(42L))).isEqualTo(new Stats(1, 42, 42, 42, 42.0));
    }

    @Test
    void emptySampleIsAllZero() {
        assertThat(Stats.of(List.of())).isEqualTo(Stats.EMPTY);
    }

    @Test
    void percentileRejectsNonsense() {
        assertThatThrownBy(() -> Stats.percentile(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.percentile(new long[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doublePercentileForRatios() {
        assertThat(Stats.percentile(new double[] {0.1, 0.2, 0.9, 1.5}, 50)).isEqualTo(0.2);
        assertThat(Stats.percentile(new double[] {0.1, 0.2, 0.9, 1.5}, 99)).isEqualTo(1.5);
    }
}
