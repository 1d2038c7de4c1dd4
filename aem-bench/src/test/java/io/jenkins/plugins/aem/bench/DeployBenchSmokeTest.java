package io.jenkins.plugins.aem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the deploy benchmark with six deploys and checks the shape of its report; and that each of its targets fails
 * figures that miss it. Speed is not asserted here: it is the benchmark's business.
 */
class DeployBenchSmokeTest {

    @Test
    void reportEndsWithTheDeployBenchLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = DeployBench.run(DeployBenchConfig.smoke(7), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String output = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = output.lines().toList();

        assertThat(lines.get(lines.size() - 1)).as(output).matches("DEPLOY_BENCH deploys=6 succeeded=6 "
                + "requests_per_deploy=\\d+\\.\\d{2} baseline_requests_per_deploy=\\d+\\.\\d{2} logins=1 "
                + "nochange_imports=0 threads_added=\\d+");
        assertThat(lines).filteredOn(l -> l.startsWith("PASS ") || l.startsWith("FAIL ")).hasSize(4);
        // The script imports the two files already in place; the client sends nothing for them.
        assertThat(lines).anyMatch(l -> l.matches("baseline +6/6 +\\d+\\.\\d{2} +\\d+ +2 .*"));
        assertThat(status).as(output).isZero();
    }

    @Test
    void eachTargetFailsFiguresThatMissIt() {
        DeployFigures good = figures(6, 1, 0, 4);
        assertThat(DeployTargets.judge(good)).allMatch(Target::pass);
        assertThat(DeployTargets.judge(figures(5, 1, 0, 4))).filteredOn(t -> !t.pass()).extracting(Target::name)
                .containsExactly("deploy: every deploy succeeds as the ground truth shows");
        assertThat(DeployTargets.judge(figures(6, 2, 0, 4))).filteredOn(t -> !t.pass()).extracting(Target::name)
                .containsExactly("deploy: one login for all deploys");
        assertThat(DeployTargets.judge(figures(6, 1, 1, 4))).filteredOn(t -> !t.pass()).extracting(Target::name)
                .containsExactly("deploy: no ImportTask for a file already in place");
        assertThat(DeployTargets.judge(figures(6, 1, 0, 17))).filteredOn(t -> !t.pass()).extracting(Target::name)
                .containsExactly("deploy: <= 16 threads added by the client");
    }

    @Test
    void oneModeAtATime() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(BenchMain.run(new String[] {"--deploy-soak", "--deploy-bench"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(BenchMain.run(new String[] {"--deploy-soak", "--deploys", "0"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8))).isEqualTo(2);
    }

    private static DeployFigures figures(int succeeded, long logins, long imports, int threads) {
        return new DeployFigures("client", 6, succeeded, 42, logins, imports, threads, Duration.ofSeconds(1), Map.of(),
                List.of());
    }
}
