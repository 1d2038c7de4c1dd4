package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.bench.soak.TempTree;
import io.jenkins.plugins.aem.cli.LocalFolder;
import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.Credentials;
import io.jenkins.plugins.aem.client.ExportTasksOutcome;
import io.jenkins.plugins.aem.client.ExportTasksRequest;
import io.jenkins.plugins.aem.client.ExportedTask;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.client.release.FileNames;
import io.jenkins.plugins.aem.client.release.TaskPatterns;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The export benchmark of issue 22: a server of 500 tasks over shared endpoints, whose every ExportTask takes 200 ms,
 * exported with its endpoints by the naive script (one login, GetTaskList, one ExportTask after another) and by the
 * client's {@code exportTasks} into a release folder on disk (the {@code aem} command's), each on a simulator of its
 * own started alike. Prints a table, the targets, and as the very last line {@code EXPORT_SET_BENCH tasks=..
 * exported=.. requests_per_task=.. baseline_requests_per_task=.. logins=.. speedup=.. wall_s=.. baseline_wall_s=..
 * peak_in_flight=.. parallel=.. heap_mib=.. threads_added=..}.
 */
final class ExportSetBench {

    private ExportSetBench() {
    }

    /** Runs the benchmark; returns 0 when every target was met, 1 otherwise. */
    static int run(SetBenchConfig config, PrintStream out) throws Exception {
        // The baseline first: its garbage is collected before the client's heap is measured.
        SetFigures baseline;
        try (BenchSim sim = BenchSim.startSet(config)) {
            baseline = SetMeasure.measure("baseline", sim, config.tasks(), () -> naive(sim, config), out);
        }
        SetFigures client;
        try (BenchSim sim = BenchSim.startSet(config)) {
            client = SetMeasure.measure("client", sim, config.tasks(), () -> client(sim, config, out), out);
        }
        SetMeasure.print(List.of(client, baseline), out);
        List<Target> targets = SetTargets.export(client, baseline, config);
        targets.forEach(t -> out.println(t.line()));
        out.println(line(client, baseline, config));
        return targets.stream().allMatch(Target::pass) ? 0 : 1;
    }

    static String line(SetFigures client, SetFigures baseline, SetBenchConfig config) {
        return String.format(Locale.ROOT, "EXPORT_SET_BENCH tasks=%d exported=%d requests_per_task=%.2f "
                        + "baseline_requests_per_task=%.2f logins=%d speedup=%.2f wall_s=%.1f baseline_wall_s=%.1f "
                        + "peak_in_flight=%d parallel=%d heap_mib=%d threads_added=%d",
                client.tasks(), client.correct(), client.requestsPerTask(), baseline.requestsPerTask(), client.logins(),
                SetTargets.speedup(client, baseline), client.seconds(), baseline.seconds(), client.peakInFlight(),
                config.clientParallel(), Math.round(client.heapMib()), client.threadsAdded());
    }

    private static List<String> naive(BenchSim sim, SetBenchConfig config) throws Exception {
        Path dir = TempTree.create("aem-export-set-baseline-");
        try {
            int n = new NaiveSetScript(sim.baseUrl(), BenchSim.USER, BenchSim.PASSWORD).export(BenchSim.SERVER, dir, true);
            List<String> failures = new ArrayList<>();
            for (TaskRef task : sim.tasks()) {
                Path file = dir.resolve(task.task() + ".json");
                if (!Files.exists(file) || !Files.readString(file).contains("\"" + task.task() + "\"")) {
                    failures.add(task.task() + ": no file holds it");
                }
            }
            if (n != config.tasks()) {
                failures.add("exported " + n + " tasks of " + config.tasks());
            }
            return failures;
        } finally {
            TempTree.delete(dir);
        }
    }

    private static List<String> client(BenchSim sim, SetBenchConfig config, PrintStream out) throws Exception {
        Path dir = TempTree.create("aem-export-set-client-");
        ExecutorService folderCalls = Executors.newSingleThreadExecutor(r -> new Thread(r, ThreadOwners.BENCH_PREFIX + "folder"));
        try (AemClientPool pool = AemClientPool.create()) {
            ExportTasksRequest request = new ExportTasksRequest(BenchSim.SERVER, TaskPatterns.all(), true, Map.of(),
                    false, config.parallel(), config.timeout());
            ExportTasksOutcome outcome = pool.client(ConnectionSettings.builder(sim.baseUrl(),
                            Credentials.of(BenchSim.USER, BenchSim.PASSWORD)).build())
                    .exportTasks(request, new LocalFolder(dir), folderCalls, SetMeasure.console(out))
                    .get(config.timeout().toSeconds() * config.tasks(), TimeUnit.SECONDS);
            return disagreements(outcome, dir, sim, config);
        } finally {
            folderCalls.shutdownNow();
            TempTree.delete(dir);
        }
    }

    /** The tasks the outcome or the folder gets wrong: each must be WRITTEN to its own file, each endpoint once. */
    private static List<String> disagreements(ExportTasksOutcome outcome, Path dir, BenchSim sim, SetBenchConfig config)
            throws Exception {
        List<String> failures = new ArrayList<>();
        for (ExportedTask t : outcome.tasks()) {
            if (t.status() != ExportedTask.Status.WRITTEN) {
                failures.add(t.task().task() + ": " + t.status() + (t.error() == null ? "" : " " + t.error().getMessage()));
            }
        }
        for (TaskRef task : sim.tasks()) {
            Path file = dir.resolve("tasks").resolve(FileNames.of(task.task()));
            if (!Files.exists(file) || !Files.readString(file).contains("\"name\": \"" + task.task() + "\"")) {
                failures.add(task.task() + ": " + file + " does not hold it");
            }
        }
        try (var endpoints = Files.list(dir.resolve("endpoints"))) {
            long n = endpoints.count();
            if (n != config.endpoints()) {
                failures.add(n + " endpoint files, and the server has " + config.endpoints() + " endpoints");
            }
        }
        return failures;
    }
}
