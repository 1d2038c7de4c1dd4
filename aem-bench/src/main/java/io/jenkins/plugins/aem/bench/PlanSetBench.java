package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.bench.soak.TempTree;
import io.jenkins.plugins.aem.cli.LocalFolder;
import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.Credentials;
import io.jenkins.plugins.aem.client.DeployTasksOutcome;
import io.jenkins.plugins.aem.client.DeployTasksRequest;
import io.jenkins.plugins.aem.client.ExportTasksOutcome;
import io.jenkins.plugins.aem.client.ExportTasksRequest;
import io.jenkins.plugins.aem.client.ExportedTask;
import io.jenkins.plugins.aem.client.ReleasedTask;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The plan benchmark of issue 22: the server of the export benchmark (500 tasks, each ExportTask taking 200 ms)
 * exported into a release folder with its endpoints, {@code drifted} of its task files then changed, and the folder
 * planned against the server in a dry run: by the naive script (one login, GetTaskList, one ExportTask after another,
 * each compared with its file) and by the client's {@code deployTasks} with {@code dryRun}, one after the other on the
 * same simulator (a dry run changes nothing). The changed tasks must come out as drift, every other task as no change.
 * Prints a table, the targets, and as the very last line {@code PLAN_SET_BENCH tasks=.. drift=.. no_change=.. exit=..
 * requests_per_task=.. baseline_requests_per_task=.. logins=.. speedup=.. wall_s=.. baseline_wall_s=..
 * peak_in_flight=.. parallel=..}.
 */
final class PlanSetBench {

    private PlanSetBench() {
    }

    /** Runs the benchmark; returns 0 when every target was met, 1 otherwise. */
    static int run(SetBenchConfig config, PrintStream out) throws Exception {
        Path dir = TempTree.create("aem-plan-set-");
        ExecutorService folderCalls = Executors.newSingleThreadExecutor(r -> new Thread(r, ThreadOwners.BENCH_PREFIX + "folder"));
        try (BenchSim sim = BenchSim.startSet(config); AemClientPool pool = AemClientPool.create()) {
            AemClient client = pool.client(ConnectionSettings.builder(sim.baseUrl(),
                    Credentials.of(BenchSim.USER, BenchSim.PASSWORD)).build());
            out.println("plan bench: exporting the server into the folder first (not measured)");
            ExportTasksOutcome export = client.exportTasks(new ExportTasksRequest(BenchSim.SERVER, TaskPatterns.all(), true,
                            Map.of(), false, config.parallel(), config.timeout()), new LocalFolder(dir), folderCalls, null)
                    .get(config.timeout().toSeconds() * config.tasks(), TimeUnit.SECONDS);
            if (export.count(ExportedTask.Status.WRITTEN) != config.tasks()) {
                throw new IllegalStateException("the folder's export failed: " + export.tasks());
            }
            Set<String> drifted = drift(dir, sim.tasks(), config.drifted());
            AtomicReference<DeployTasksOutcome> planned = new AtomicReference<>();
            SetFigures baseline = SetMeasure.measure("baseline", sim, config.tasks(), () -> compare(drifted, new TreeSet<>(
                    new NaiveSetScript(sim.baseUrl(), BenchSim.USER, BenchSim.PASSWORD).drift(BenchSim.SERVER, dir)), sim), out);
            // The client's own pool, so that its one login is counted: the export above logged in on another.
            SetFigures measured = SetMeasure.measure("client", sim, config.tasks(), () -> {
                try (AemClientPool own = AemClientPool.create()) {
                    DeployTasksOutcome outcome = own.client(ConnectionSettings.builder(sim.baseUrl(),
                                    Credentials.of(BenchSim.USER, BenchSim.PASSWORD)).build())
                            .deployTasks(DeployTasksRequest.builder(BenchSim.SERVER).dryRun(true).parallel(config.parallel())
                                    .timeout(config.timeout()).build(), new LocalFolder(dir), folderCalls, SetMeasure.console(out))
                            .get(config.timeout().toSeconds() * config.tasks(), TimeUnit.SECONDS);
                    planned.set(outcome);
                    return verdicts(outcome, drifted, sim);
                }
            }, out);
            SetMeasure.print(List.of(measured, baseline), out);
            int exit = planned.get() == null ? -1 : planned.get().exitCode();
            int found = planned.get() == null ? 0 : planned.get().with(ReleasedTask.Result.DRIFT).size();
            int unchanged = planned.get() == null ? 0 : planned.get().with(ReleasedTask.Result.NO_CHANGE).size();
            List<Target> targets = new ArrayList<>(SetTargets.plan(measured, config));
            targets.add(new Target("plan: a dry run that finds drift exits " + DeployTasksOutcome.DRIFT_EXIT_CODE,
                    String.valueOf(exit), exit == DeployTasksOutcome.DRIFT_EXIT_CODE));
            targets.forEach(t -> out.println(t.line()));
            out.println(String.format(Locale.ROOT, "PLAN_SET_BENCH tasks=%d drift=%d no_change=%d exit=%d "
                            + "requests_per_task=%.2f baseline_requests_per_task=%.2f logins=%d speedup=%.2f wall_s=%.1f "
                            + "baseline_wall_s=%.1f peak_in_flight=%d parallel=%d", config.tasks(), found,
                    unchanged, exit, measured.requestsPerTask(), baseline.requestsPerTask(),
                    measured.logins(), SetTargets.speedup(measured, baseline), measured.seconds(), baseline.seconds(),
                    measured.peakInFlight(), config.clientParallel()));
            return targets.stream().allMatch(Target::pass) ? 0 : 1;
        } finally {
            folderCalls.shutdownNow();
            TempTree.delete(dir);
        }
    }

    /** Changes a setting in {@code n} task files spread over the folder; returns their tasks. */
    private static Set<String> drift(Path dir, List<TaskRef> tasks, int n) throws Exception {
        Set<String> drifted = new TreeSet<>();
        int step = Math.max(1, tasks.size() / n);
        for (int i = 0; i < tasks.size() && drifted.size() < n; i += step) {
            String task = tasks.get(i).task();
            Path file = dir.resolve("tasks").resolve(FileNames.of(task));
            String text = Files.readString(file);
            String changed = text.replace("\"parallel_load_threads\": 4", "\"parallel_load_threads\": 8");
            if (changed.equals(text)) {
                throw new IllegalStateException(file + " has no parallel_load_threads of 4");
            }
            Files.writeString(file, changed);
            drifted.add(task);
        }
        return drifted;
    }

    /** The tasks whose verdict is wrong: the changed ones must be DRIFT, every other NO_CHANGE. */
    private static List<String> verdicts(DeployTasksOutcome outcome, Set<String> drifted, BenchSim sim) {
        List<String> failures = new ArrayList<>();
        for (ReleasedTask t : outcome.tasks()) {
            ReleasedTask.Result expected = drifted.contains(t.task().task()) ? ReleasedTask.Result.DRIFT
                    : ReleasedTask.Result.NO_CHANGE;
            if (t.result() != expected) {
                failures.add(t.task().task() + ": " + t.result() + ", expected " + expected
                        + (t.error() == null ? "" : " (" + t.error().getMessage() + ")"));
            }
        }
        if (outcome.tasks().size() != sim.tasks().size()) {
            failures.add("the plan has " + outcome.tasks().size() + " tasks, the server " + sim.tasks().size());
        }
        return failures;
    }

    /** The tasks the naive script got wrong: those it found differing, against those that do. */
    private static List<String> compare(Set<String> drifted, Set<String> found, BenchSim sim) {
        List<String> failures = new ArrayList<>();
        for (TaskRef t : sim.tasks()) {
            if (drifted.contains(t.task()) != found.contains(t.task())) {
                failures.add(t.task() + (found.contains(t.task()) ? ": found differing, and matches" : ": not found differing"));
            }
        }
        return failures;
    }
}
