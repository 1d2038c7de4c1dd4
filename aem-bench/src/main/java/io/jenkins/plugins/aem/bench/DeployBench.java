package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.Credentials;
import io.jenkins.plugins.aem.client.ExportRequest;
import io.jenkins.plugins.aem.client.TaskRef;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The deploy benchmark of issue 15: the same deploys at once, each to a task of its own, by the client (one pool, one
 * client) and by the naive script, each on a simulator of its own started alike, so that its journal holds nothing but
 * that side's requests. Prints a table, the targets, and as the very last line
 * {@code DEPLOY_BENCH deploys=.. succeeded=.. requests_per_deploy=.. baseline_requests_per_deploy=.. logins=..
 * nochange_imports=.. threads_added=..}.
 */
final class DeployBench {

    private static final String ROW = "%-9s %10s %11s %7s %17s %8s %7s%n";

    private DeployBench() {
    }

    /** Runs the benchmark; returns 0 when every target was met, 1 otherwise. */
    static int run(DeployBenchConfig config, PrintStream out) throws Exception {
        // The baseline first: its threads are gone before the client's are counted.
        DeployFigures baseline = measure(config, sim -> new NaiveDeployScript(sim.baseUrl(), BenchSim.USER,
                BenchSim.PASSWORD, config.baselineSleep()), out);
        DeployFigures client = measure(config, sim -> new ClientDeployer(sim.baseUrl(), BenchSim.USER, BenchSim.PASSWORD,
                config.timeout()), out);
        List<Target> targets = DeployTargets.judge(client);
        out.println();
        out.printf(Locale.ROOT, ROW, "deployer", "ok/deploys", "req/deploy", "logins", "nochange-imports", "threads",
                "wall s");
        for (DeployFigures f : List.of(client, baseline)) {
            out.printf(Locale.ROOT, ROW, f.client(), f.succeeded() + "/" + f.deploys(), Targets.fmt(f.requestsPerDeploy()),
                    f.logins(), f.noChangeImports(), "+" + f.threadsAdded(),
                    String.format(Locale.ROOT, "%.1f", f.wall().toMillis() / 1000.0));
            f.failures().stream().limit(10).forEach(line -> out.println("  " + f.client() + " failed: " + line));
        }
        for (DeployFigures f : List.of(client, baseline)) {
            StringBuilder kinds = new StringBuilder();
            f.byKind().forEach((kind, n) -> kinds.append(String.format(Locale.ROOT, " %s %.2f", kind, (double) n / f.deploys())));
            out.println(f.client() + " requests per deploy by kind:" + kinds);
        }
        out.println();
        targets.forEach(t -> out.println(t.line()));
        out.println(line(client, baseline));
        return targets.stream().allMatch(Target::pass) ? 0 : 1;
    }

    static String line(DeployFigures client, DeployFigures baseline) {
        return String.format(Locale.ROOT, "DEPLOY_BENCH deploys=%d succeeded=%d requests_per_deploy=%.2f "
                        + "baseline_requests_per_deploy=%.2f logins=%d nochange_imports=%d threads_added=%d",
                client.deploys(), client.succeeded(), client.requestsPerDeploy(), baseline.requestsPerDeploy(),
                client.logins(), client.noChangeImports(), client.threadsAdded());
    }

    private static DeployFigures measure(DeployBenchConfig config, Function<BenchSim, DeployClient> factory,
                                         PrintStream out) throws Exception {
        try (BenchSim sim = BenchSim.startDeploys(config)) {
            List<BenchDeploy> deploys = files(sim, config);
            Set<String> inPlace = new HashSet<>();
            deploys.stream().filter(d -> !d.changes()).forEach(d -> inPlace.add(d.task().task()));
            sim.forgetRequests();
            ThreadSampler sampler = new ThreadSampler(ThreadOwners::isClient);
            Instant start = Instant.now();
            List<String> results = new ArrayList<>();
            String name;
            long requests;
            long logins;
            long imports;
            Map<String, Long> byKind;
            try (DeployClient client = factory.apply(sim)) {
                name = client.name();
                List<CompletableFuture<String>> running = deploys.stream().map(client::deploy).toList();
                for (CompletableFuture<String> f : running) {
                    results.add(outcome(f, config.timeout().plusSeconds(60)));
                }
                requests = sim.requests();
                logins = sim.logins();
                imports = sim.imports(inPlace);
                byKind = sim.requestsByKind();
            } finally {
                sampler.close();
            }
            Duration wall = Duration.between(start, Instant.now());
            ThreadSampler.ThreadPeak threads = sampler.stop();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < deploys.size(); i++) {
                String why = disagreement(sim, deploys.get(i), results.get(i), !"baseline".equals(name));
                if (why != null) {
                    failures.add(deploys.get(i).task().task() + ": " + why);
                }
            }
            out.printf(Locale.ROOT, "deploy bench/%s: %d/%d succeeded in %.1f s%n", name,
                    deploys.size() - failures.size(), deploys.size(), wall.toMillis() / 1000.0);
            return new DeployFigures(name, deploys.size(), deploys.size() - failures.size(), requests, logins, imports,
                    threads.clientAdded(), wall, byKind, failures);
        }
    }

    /** The deploy files: each task's export (as {@code aem export-task} writes it), its threads changed when it changes. */
    private static List<BenchDeploy> files(BenchSim sim, DeployBenchConfig config) throws Exception {
        List<BenchDeploy> deploys = new ArrayList<>();
        try (AemClientPool setup = AemClientPool.create()) {
            AemClient client = setup.client(ConnectionSettings.builder(sim.baseUrl(),
                    Credentials.of(BenchSim.USER, BenchSim.PASSWORD)).build());
            for (int i = 0; i < config.deploys(); i++) {
                TaskRef task = sim.tasks().get(i);
                String text = client.exportTask(new ExportRequest(task, true, Duration.ofSeconds(60)), null)
                        .get(90, TimeUnit.SECONDS).text();
                int threads = config.changes(i) ? 5 + i % 20 : 4;
                String file = text.replace("\"parallel_load_threads\": 4", "\"parallel_load_threads\": " + threads);
                if (config.changes(i) == file.equals(text)) {
                    throw new IllegalStateException("the export of " + task + " has no parallel_load_threads of 4");
                }
                deploys.add(new BenchDeploy(task, file, config.running(i), config.changes(i), threads));
            }
        }
        return deploys;
    }

    /** DEPLOYED or NO_CHANGE, or what the failure said. */
    private static String outcome(CompletableFuture<String> deploy, Duration max) throws InterruptedException {
        try {
            return deploy.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return "failed: " + e.getCause();
        } catch (TimeoutException e) {
            return "failed: did not end within " + max.toSeconds() + " s";
        }
    }

    /** Why the deploy's result or the task's truth disagrees with what the deploy had to do; null when it agrees. */
    private static String disagreement(BenchSim sim, BenchDeploy d, String result, boolean plans) {
        if (result.startsWith("failed")) {
            return result;
        }
        // The script plans nothing: it deploys a file already in place as any other.
        String expected = d.changes() || !plans ? "DEPLOYED" : "NO_CHANGE";
        if (!expected.equals(result)) {
            return "ended " + result + ", expected " + expected;
        }
        String definition = sim.definition(d.task()).orElse("");
        if (!Pattern.compile("\"parallel_load_threads\" : " + d.threads() + "\\b").matcher(definition).find()) {
            return "its definition does not have the file's parallel_load_threads " + d.threads();
        }
        String state = d.running() ? "RUNNING" : "STOPPED";
        return state.equals(sim.state(d.task())) ? null : "it is " + sim.state(d.task()) + ", and was " + state;
    }
}
