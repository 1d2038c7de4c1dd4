package io.jenkins.plugins.aem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole benchmark with a handful of operations per scenario and checks the shape of its report. Speed
 * targets are not asserted here: they are the benchmark's business, on a quiet machine.
 */
class BenchSmokeTest {

    @Test
    void reportEndsWithTheBenchLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Benchmark.run(BenchConfig.smoke(7), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(lines.get(lines.size() - 1)).matches("BENCH requests_per_op=\\d+\\.\\d{2} "
                + "baseline_requests_per_op=\\d+\\.\\d{2} detect_p99_ms=\\d+ crowd_peak_threads=\\d+ "
                + "crowd_heap_mib=\\d+ sim_rps=\\d+");
        assertThat(lines).anyMatch(l -> l.startsWith("instant ") && l.contains("baseline"));
        assertThat(lines).anyMatch(l -> l.startsWith("crowd ") && l.contains("client"));
        assertThat(lines).anyMatch(l -> l.startsWith("large-3 ") && l.contains("client"));
        assertThat(lines).filteredOn(l -> l.startsWith("PASS ") || l.startsWith("FAIL ")).hasSize(9);
        // Both clients completed every operation correctly, whatever their speed.
        assertThat(lines).filteredOn(l -> l.matches("^(instant|slow-start|crowd|large-\\d+)\\s.*"))
                .allSatisfy(l -> assertThat(l).containsPattern("\\s(\\d+)/\\1\\s"));
    }

    @Test
    void unknownOptionIsAUsageError() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(BenchMain.run(new String[] {"--bogus"}, new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
    }
}
