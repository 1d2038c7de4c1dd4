package io.jenkins.plugins.aem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the health bench with a dozen waits converging in seconds and checks the shape of its report. Its targets are
 * not asserted here: they are the benchmark's business, at full size.
 */
class HealthBenchSmokeTest {

    @Test
    void reportEndsWithTheHealthBenchLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HealthBench.run(HealthBenchConfig.smoke(3), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(lines.get(lines.size() - 1)).matches("HEALTH_BENCH waits=12 correct=\\d+ requests_per_wait=\\d+\\.\\d{2} "
                + "baseline_requests_per_wait=\\d+\\.\\d{2} threads_added=\\d+ heap_mib=\\d+");
        assertThat(lines).filteredOn(l -> l.startsWith("PASS ") || l.startsWith("FAIL ")).hasSize(5);
        // Both waiters saw every task come down, each within its own read gap.
        assertThat(lines).anyMatch(l -> l.startsWith("baseline 12/12 correct"));
        assertThat(lines).anyMatch(l -> l.startsWith("client   12/12 correct"));
    }

    @Test
    void healthBenchTakesOnlyASeed() throws Exception {
        assertThat(BenchMain.run(new String[] {"--health-bench", "--bogus"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isEqualTo(2);
    }
}
