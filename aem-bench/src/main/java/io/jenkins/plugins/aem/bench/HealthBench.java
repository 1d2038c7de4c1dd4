package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.client.TaskRef;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code --health-bench}: a crowd of health waits (issue 16). Every task is RUNNING from the start and its total
 * latency comes down slowly ({@link ConvergingTasks}); every wait, started at once, waits for it to be at most 5 s,
 * first with the naive 5-second poller, then with the client, each on a simulator of its own with the same curves.
 *
 * <p>A wait is correct when it succeeded, not before its task's latency truly came down, and no later than its
 * client's worst read gap plus 5 s after. The report ends with the line {@code HEALTH_BENCH waits=...}; the exit
 * status is 0 only when every wait was correct, the client added at most 16 threads and 64 MiB of heap, and it made
 * at least 3 times fewer requests per wait than the baseline.
 */
final class HealthBench {

    static final int MAX_CLIENT_THREADS = 16;
    static final double MAX_HEAP_MIB = 64.0;
    static final double MIN_REQUEST_RATIO = 3.0;

    /** One client's run. */
    record Run(String client, int waits, int correct, long requests, long logins, long detailsReads, Stats detectMs,
               ThreadSampler.ThreadPeak threads, long heapBytes, Duration wall, List<String> wrong) {

        double requestsPerWait() {
            return (double) requests / waits;
        }
    }

    private HealthBench() {
    }

    /** Runs both clients and reports; returns the exit status. */
    static int run(HealthBenchConfig config, PrintStream out) throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "Health bench: %d waits at once for a total latency <= %d s; latencies of %d-%d s come "
                        + "down in %d-%d s (straight, fast then slow, rising first).%n", config.waits(),
                config.maxLatency().toSeconds(), config.startMin().toSeconds(), config.startMax().toSeconds(),
                config.convergeMin().toSeconds(), config.convergeMax().toSeconds());
        out.printf(Locale.ROOT, "baseline: a thread per wait, one login, GetTaskDetails every %.1f s. client: "
                        + "awaitHealth, reads %s to %s apart by the latency's trend.%n",
                config.baselineSleep().toMillis() / 1000.0, config.schedule().min(), config.schedule().max());
        Run baseline = measure(config, tasks -> new NaiveHealthPoller(tasks.baseUrl(), BenchSim.USER, BenchSim.PASSWORD,
                config.baselineSleep()), out);
        Run client = measure(config, tasks -> new HealthClientUnderTest(tasks.baseUrl(), BenchSim.USER,
                BenchSim.PASSWORD, config.schedule()), out);
        List<Target> targets = targets(config, baseline, client);
        out.println();
        targets.forEach(t -> out.println(t.line()));
        out.println(line(baseline, client));
        return targets.stream().allMatch(Target::pass) ? 0 : 1;
    }

    static List<Target> targets(HealthBenchConfig config, Run baseline, Run client) {
        double ratio = baseline.requestsPerWait() / client.requestsPerWait();
        double heap = HeapProbe.mib(client.heapBytes());
        return List.of(
                new Target("health: every wait correct (client)", client.correct() + "/" + client.waits(),
                        client.correct() == client.waits() && client.waits() == config.waits()),
                new Target("health: every wait correct (baseline, as a check of the bench)",
                        baseline.correct() + "/" + baseline.waits(), baseline.correct() == baseline.waits()),
                new Target("health: >= 3x fewer requests per wait than the 5 s poller", Targets.fmt(ratio) + "x ("
                        + Targets.fmt(baseline.requestsPerWait()) + " / " + Targets.fmt(client.requestsPerWait()) + ")",
                        ratio >= MIN_REQUEST_RATIO),
                new Target("health: <= 16 threads added by the client", String.valueOf(client.threads().clientAdded()),
                        client.threads().clientAdded() <= MAX_CLIENT_THREADS),
                new Target("health: <= 64 MiB heap for all waits", Targets.fmt(heap) + " MiB",
                        client.heapBytes() >= 0 && heap <= MAX_HEAP_MIB));
    }

    static String line(Run baseline, Run client) {
        return String.format(Locale.ROOT, "HEALTH_BENCH waits=%d correct=%d requests_per_wait=%.2f "
                        + "baseline_requests_per_wait=%.2f threads_added=%d heap_mib=%d", client.waits(), client.correct(),
                client.requestsPerWait(), baseline.requestsPerWait(), client.threads().clientAdded(),
                Math.round(Math.max(0, HeapProbe.mib(client.heapBytes()))));
    }

    private static Run measure(HealthBenchConfig config, Function<ConvergingTasks, HealthWaitClient> factory,
                               PrintStream out) throws IOException, InterruptedException {
        try (ConvergingTasks tasks = ConvergingTasks.start(config)) {
            long heapBefore = HeapProbe.usedAfterGc();
            ThreadSampler sampler = new ThreadSampler(ThreadOwners::isClient);
            List<TaskRef> refs = tasks.tasks();
            List<Instant> done = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(refs.size(), null)));
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(refs.size(), null)));
            CountDownLatch finished = new CountDownLatch(refs.size());
            Instant start = Instant.now();
            String name;
            long heap;
            try (HealthWaitClient client = factory.apply(tasks)) {
                name = client.name();
                for (int i = 0; i < refs.size(); i++) {
                    int n = i;
                    client.await(refs.get(i), config.maxLatency(), config.timeout()).whenComplete((at, e) -> {
                        done.set(n, at);
                        failures.set(n, e);
                        finished.countDown();
                    });
                }
                // The peak: every wait started and every one read once.
                Instant until = Instant.now().plusSeconds(5);
                while (tasks.detailsReads() < refs.size() && Instant.now().isBefore(until)) {
                    Thread.sleep(20);
                }
                heap = HeapProbe.usedAfterGc() - heapBefore;
                if (!finished.await(config.timeout().toSeconds() + 60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(name + ": health waits did not end within their timeout");
                }
            } finally {
                sampler.close();
            }
            Duration wall = Duration.between(start, Instant.now());
            ThreadSampler.ThreadPeak threads = sampler.stop();
            List<Long> delays = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            Duration bound = config.detectionBound(name);
            for (int i = 0; i < refs.size(); i++) {
                TaskRef task = refs.get(i);
                if (failures.get(i) != null || done.get(i) == null) {
                    wrong.add(task.task() + " failed: " + failures.get(i));
                    continue;
                }
                long delay = Duration.between(tasks.cameDown(task, config.maxLatency()), done.get(i)).toMillis();
                delays.add(Math.max(0, delay));
                if (delay < -50 || delay > bound.toMillis()) {
                    wrong.add(task.task() + " ended " + delay + " ms after its latency came down");
                }
            }
            Run run = new Run(name, refs.size(), refs.size() - wrong.size(), tasks.requests(), tasks.logins(),
                    tasks.detailsReads(), Stats.of(delays), threads, heap, wall, wrong);
            report(run, out);
            return run;
        }
    }

    private static void report(Run r, PrintStream out) {
        out.printf(Locale.ROOT, "%-8s %d/%d correct; %.2f requests per wait (%d GetTaskDetails, %d logins); seen "
                        + "p50/p99/max %d/%d/%d ms after the latency came down; +%d threads (client +%d); heap %s MiB; "
                        + "%.1f s%n", r.client(), r.correct(), r.waits(), r.requestsPerWait(), r.detailsReads(), r.logins(),
                r.detectMs().p50(), r.detectMs().p99(), r.detectMs().max(), r.threads().added(), r.threads().clientAdded(),
                Targets.fmt(HeapProbe.mib(r.heapBytes())), r.wall().toMillis() / 1000.0);
        r.wrong().stream().limit(5).forEach(w -> out.println("  wrong: " + w));
    }
}
