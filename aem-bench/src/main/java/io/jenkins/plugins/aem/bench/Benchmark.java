package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.client.PollSchedule;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Measures the simulator's own throughput, runs every scenario with the client and with the baseline, and reports. */
final class Benchmark {

    private Benchmark() {
    }

    /** Runs the benchmark; returns the exit status: 0 when every target was met, 1 otherwise. */
    static int run(BenchConfig config, PrintStream out) throws InterruptedException, IOException {
        // First, on a quiet JVM: after the crowd, 2,000 baseline threads and their garbage are still being cleared,
        // and a burst measured then said more about that than about the simulator (4,300 against 11,000 req/s).
        long rps = SimThroughput.measure(config.rpsBurst(), config.seed());
        ScenarioRunner runner = new ScenarioRunner(config.seed());
        List<ScenarioResult> results = new ArrayList<>();
        for (ScenarioSpec spec : config.scenarios()) {
            // The baseline first: its 1,000 threads are gone before the client's scenario counts threads.
            results.add(progress(out, runner.run(spec, sim -> new NaiveClient(sim.baseUrl(), BenchSim.USER,
                    BenchSim.PASSWORD, config.baselineSleep()), null)));
            results.add(progress(out, runner.run(spec, sim -> new ClientUnderTest(sim.baseUrl(), BenchSim.USER,
                    BenchSim.PASSWORD), PollSchedule.DEFAULT)));
        }
        BenchFigures figures = new BenchFigures(results, rps);
        List<Target> targets = Targets.judge(figures);
        out.println();
        BenchReport.print(figures, targets, out);
        return targets.stream().allMatch(Target::pass) ? 0 : 1;
    }

    private static ScenarioResult progress(PrintStream out, ScenarioResult r) {
        out.printf(Locale.ROOT, "%s/%s: %d/%d correct in %.1f s%n", r.scenario(), r.client(), r.correct(), r.ops(),
                r.wall().toMillis() / 1000.0);
        return r;
    }
}
