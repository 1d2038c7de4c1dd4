package io.jenkins.plugins.aem.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints a run's figures: a table per scenario and client, the client/baseline ratios, the targets, and as the very
 * last line the machine-readable {@code BENCH} summary.
 */
final class BenchReport {

    private static final String ROW = "%-11s %-9s %9s %8s %7s %21s %8s %9s %9s %7s%n";

    private BenchReport() {
    }

    static void print(BenchFigures f, List<Target> targets, PrintStream out) {
        out.printf(Locale.ROOT, ROW, "scenario", "client", "ok/ops", "req/op", "logins", "detect p50/p99/max ms",
                "threads", "cli-thr", "heap MiB", "wall s");
        for (ScenarioResult r : f.results()) {
            Stats d = r.detect();
            out.printf(Locale.ROOT, ROW, r.scenario(), r.client(), r.correct() + "/" + r.ops(),
                    Targets.fmt(r.requestsPerOp()), r.logins(), d.p50() + "/" + d.p99() + "/" + d.max(),
                    "+" + r.threads().added(), "+" + r.threads().clientAdded(),
                    r.heapAddedBytes() < 0 ? "-" : Targets.fmt(HeapProbe.mib(r.heapAddedBytes())),
                    String.format(Locale.ROOT, "%.1f", r.wall().toMillis() / 1000.0));
        }
        out.println();
        out.println("ratios client/baseline:");
        for (ScenarioResult c : f.results()) {
            if (!c.client().equals("client")) {
                continue;
            }
            ScenarioResult b = f.result(c.scenario(), "baseline");
            out.printf(Locale.ROOT, "  %-11s req/op %s  detect p99 %s  client threads %s  heap %s  wall %s%n",
                    c.scenario(), ratio(c.requestsPerOp(), b.requestsPerOp()),
                    ratio(c.detect().p99(), b.detect().p99()),
                    ratio(c.threads().clientAdded(), b.threads().clientAdded()),
                    c.heapAddedBytes() < 0 ? "-" : ratio(c.heapAddedBytes(), b.heapAddedBytes()),
                    ratio(c.wall().toMillis(), b.wall().toMillis()));
        }
        out.println("GetTaskList requests on the large server (client, baseline):");
        for (ScenarioResult c : f.results()) {
            if (c.scenario().startsWith("large-") && c.client().equals("client")) {
                out.printf(Locale.ROOT, "  %-11s %d, %d%n", c.scenario(), c.taskLists(),
                        f.result(c.scenario(), "baseline").taskLists());
            }
        }
        out.printf(Locale.ROOT, "simulator alone: %d requests/s (%d keep-alive readers)%n", f.simRps(),
                SimThroughput.CLIENTS);
        out.println();
        targets.forEach(t -> out.println(t.line()));
        out.println(benchLine(f));
    }

    /**
     * The summary line. {@code requests_per_op}, {@code baseline_requests_per_op} and {@code detect_p99_ms} come from
     * the slow-start scenario; {@code crowd_peak_threads} (threads added by the client) and {@code crowd_heap_mib}
     * (heap added at the peak) from the client's crowd; {@code sim_rps} from the separate burst.
     */
    static String benchLine(BenchFigures f) {
        ScenarioResult slow = f.result("slow-start", "client");
        ScenarioResult slowBase = f.result("slow-start", "baseline");
        ScenarioResult crowd = f.result("crowd", "client");
        return String.format(Locale.ROOT,
                "BENCH requests_per_op=%.2f baseline_requests_per_op=%.2f detect_p99_ms=%d crowd_peak_threads=%d "
                        + "crowd_heap_mib=%d sim_rps=%d",
                slow.requestsPerOp(), slowBase.requestsPerOp(), slow.detect().p99(), crowd.threads().clientAdded(),
                Math.round(Math.max(0, HeapProbe.mib(crowd.heapAddedBytes()))), f.simRps());
    }

    private static String ratio(double client, double baseline) {
        return baseline == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", client / baseline);
    }
}
