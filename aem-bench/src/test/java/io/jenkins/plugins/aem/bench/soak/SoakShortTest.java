package io.jenkins.plugins.aem.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The soak of issue 5, short: 100 operations with a fixed seed. Nothing may be wrong, late, duplicated or leaked. */
class SoakShortTest {

    @Test
    void hundredOperationsUnderFaultsAgreeWithTheGroundTruth() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SoakReport report = new SoakRunner(new SoakSettings(100, 1234, 25),
                new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertThat(report.ops()).as(output).isEqualTo(100);
        assertThat(report.wrong()).as(output).isZero();
        assertThat(report.late()).as(output).isZero();
        assertThat(report.duplicates()).as(output).isZero();
        assertThat(report.leaked()).as(output).isZero();
        assertThat(output.strip().lines().reduce((a, b) -> b).orElse(""))
                .isEqualTo("SOAK ops=100 correct=100 wrong=0 late=0 duplicate_commands=0 leaked_secrets=0");
    }
}
