package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.client.ProgressListener;
import io.jenkins.plugins.aem.client.ProgressEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the set benchmarks share: one side measured on a simulator (requests, logins, requests held at once, time, heap
 * and threads), the table of both sides, and the console's progress lines.
 */
final class SetMeasure {

    private static final String ROW = "%-9s %9s %10s %7s %9s %8s %8s %8s%n";
    private static final Pattern COUNTER = Pattern.compile("(exported|planned) \\d+ of \\d+ tasks");

    private SetMeasure() {
    }

    /** One side's run: returns one line per task the ground truth disagrees with, empty when all agree. */
    @FunctionalInterface
    interface Side {
        List<String> run() throws Exception;
    }

    /** Runs {@code side} on {@code sim}, counting from a clean journal. */
    static SetFigures measure(String name, BenchSim sim, int tasks, Side side, PrintStream out) throws Exception {
        sim.forgetRequests();
        List<String> failures = new ArrayList<>();
        Instant start;
        Duration wall;
        long heap;
        ThreadSampler.ThreadPeak threads;
        try (HeapPeak heapPeak = new HeapPeak(); ThreadSampler sampler = new ThreadSampler(ThreadOwners::isClient)) {
            start = Instant.now();
            try {
                failures.addAll(side.run());
            } catch (Exception e) {
                failures.add("the run failed: " + e);
            }
            wall = Duration.between(start, Instant.now());
            heap = heapPeak.stop();
            threads = sampler.stop();
        }
        int wrong = (int) Math.min(tasks, failures.size());
        out.printf(Locale.ROOT, "%s: %d/%d tasks right in %.1f s%n", name, tasks - wrong, tasks, wall.toMillis() / 1000.0);
        return new SetFigures(name, tasks, tasks - wrong, sim.requests(), sim.logins(), sim.peakInFlight(), wall, heap,
                threads.clientAdded(), sim.requestsByKind(), failures);
    }

    /** Prints the release's progress counts ("exported 50 of 500 tasks") and its warnings, as a console shows them. */
    static ProgressListener console(PrintStream out) {
        return e -> {
            if (e.kind() == ProgressEvent.Kind.WARNING || COUNTER.matcher(e.message()).matches()) {
                out.println("  " + e.format());
            }
        };
    }

    static void print(List<SetFigures> sides, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, ROW, "side", "ok/tasks", "req/task", "logins", "in-flight", "heap MiB", "threads",
                "wall s");
        for (SetFigures f : sides) {
            out.printf(Locale.ROOT, ROW, f.client(), f.correct() + "/" + f.tasks(), Targets.fmt(f.requestsPerTask()),
                    f.logins(), f.peakInFlight(), Targets.fmt(f.heapMib()), "+" + f.threadsAdded(),
                    String.format(Locale.ROOT, "%.1f", f.seconds()));
            f.failures().stream().limit(10).forEach(line -> out.println("  " + f.client() + ": " + line));
        }
        for (SetFigures f : sides) {
            StringBuilder kinds = new StringBuilder();
            f.byKind().forEach((kind, n) -> kinds.append(" ").append(kind).append(" ").append(n));
            out.println(f.client() + " requests by kind:" + kinds);
        }
        out.println();
    }


}
