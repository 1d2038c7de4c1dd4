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
 * Runs the export and plan benchmarks of a set on a 12-task server and checks the shape of their reports; and that each
 * target fails figures that miss it. Speed is not asserted here: it is the benchmark's business.
 */
class SetBenchSmokeTest {

    private static final SetBenchConfig SMOKE = SetBenchConfig.smoke(3);

    @Test
    void theExportReportEndsWithTheExportSetBenchLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ExportSetBench.run(SMOKE, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String output = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = output.lines().toList();

        assertThat(lines.get(lines.size() - 1)).as(output).matches("EXPORT_SET_BENCH tasks=12 exported=12 "
                + "requests_per_task=\\d+\\.\\d{2} baseline_requests_per_task=\\d+\\.\\d{2} logins=1 speedup=\\d+\\.\\d{2} "
                + "wall_s=\\d+\\.\\d baseline_wall_s=\\d+\\.\\d peak_in_flight=[12] parallel=2 heap_mib=\\d+ threads_added=\\d+");
        assertThat(lines).filteredOn(l -> l.startsWith("PASS ") || l.startsWith("FAIL ")).hasSize(6);
        // The naive script: one login, GetTaskList, one export per task, one at a time.
        assertThat(lines).anyMatch(l -> l.matches("baseline +12/12 +1\\.17 +1 +1 .*"));
        assertThat(lines).anyMatch(l -> l.startsWith("  [") && l.endsWith("exported 12 of 12 tasks"));
        // Two at a time against one: about twice as fast, which a 3x target cannot reach; the rest must pass.
        assertThat(lines).filteredOn(l -> l.startsWith("FAIL ")).allMatch(l -> l.contains("faster than one export"));
    }

    @Test
    void thePlanReportEndsWithThePlanSetBenchLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = PlanSetBench.run(SMOKE, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String output = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = output.lines().toList();

        assertThat(lines.get(lines.size() - 1)).as(output).matches("PLAN_SET_BENCH tasks=12 drift=3 no_change=9 exit=7 "
                + "requests_per_task=\\d+\\.\\d{2} baseline_requests_per_task=\\d+\\.\\d{2} logins=1 speedup=\\d+\\.\\d{2} "
                + "wall_s=\\d+\\.\\d baseline_wall_s=\\d+\\.\\d peak_in_flight=[12] parallel=2");
        assertThat(lines).anyMatch(l -> l.matches("baseline +12/12 +.*"));
        assertThat(lines).filteredOn(l -> l.startsWith("PASS ")).hasSize(5);
        assertThat(status).as(output).isZero();
    }

    @Test
    void eachTargetFailsFiguresThatMissIt() {
        SetFigures baseline = figures(12, 13, 1, 1, 40_000, 0);
        assertThat(SetTargets.export(figures(12, 14, 1, 2, 10_000, 0), baseline, SMOKE)).allMatch(Target::pass);
        assertThat(failed(SetTargets.export(figures(11, 14, 1, 2, 10_000, 0), baseline, SMOKE)))
                .containsExactly("export: every task written to its file, each endpoint once");
        assertThat(failed(SetTargets.export(figures(12, 24, 1, 2, 10_000, 0), baseline, SMOKE)))
                .containsExactly("export: requests <= 1.1 x tasks + 10");
        assertThat(failed(SetTargets.export(figures(12, 14, 2, 2, 10_000, 0), baseline, SMOKE)))
                .containsExactly("export: one login");
        assertThat(failed(SetTargets.export(figures(12, 14, 1, 2, 20_000, 0), baseline, SMOKE)))
                .containsExactly("export: >= 3.0x faster than one export after another");
        assertThat(failed(SetTargets.export(figures(12, 14, 1, 3, 10_000, 0), baseline, SMOKE)))
                .containsExactly("export: <= 2 requests at once (the simulator's peak)");
        assertThat(failed(SetTargets.export(figures(12, 14, 1, 2, 10_000, 257), baseline, SMOKE)))
                .containsExactly("export: heap <= 256 MiB");
        assertThat(failed(SetTargets.plan(figures(12, 25, 1, 2, 10_000, 0), SMOKE)))
                .containsExactly("plan: <= 2.0 requests per task");
        assertThat(SetTargets.plan(figures(12, 24, 1, 2, 10_000, 0), SMOKE)).allMatch(Target::pass);
    }

    @Test
    void oneModeAtATime() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(BenchMain.run(new String[] {"--export-set-bench", "--plan-set-bench"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8))).isEqualTo(2);
    }

    private static List<String> failed(List<Target> targets) {
        return targets.stream().filter(t -> !t.pass()).map(Target::name).toList();
    }

    private static SetFigures figures(int correct, long requests, long logins, int inFlight, long wallMs, long heapMib) {
        return new SetFigures("client", 12, correct, requests, logins, inFlight, Duration.ofMillis(wallMs),
                heapMib * 1024 * 1024, 4, Map.of(), correct == 12 ? List.of() : List.of("Task-0001: FAILED"));
    }
}
