package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.SimHealthSpec;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The health bench's simulator: tasks RUNNING from its start, whose total latency comes down slowly, in three shapes
 * so that no one schedule is favoured: a straight fall; a fast fall then a slow tail (the trend of the early reads
 * foresees the end too soon); a rise first, as a restarted task reads its backlog, then a fall. One task in twenty
 * goes to ERROR on the way, at a random time before its latency comes down. The same seed gives the same curves and
 * failures to both clients. It knows when each curve truly comes down and when each task failed, which is how the
 * waits are judged.
 */
final class ConvergingTasks implements AutoCloseable {

    private static final String SERVER = "R";

    /** What a failing task's message says; the client must show it. */
    static final String FAILURE_MESSAGE = "Lost the connection to the target database";

    private final AemSimulator sim;
    private final Map<TaskRef, List<SimHealthSpec.LatencyPoint>> curves;
    private final Map<TaskRef, Duration> failAfter;
    private final Map<TaskRef, Instant> failedAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final ScheduledExecutorService failer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, ThreadOwners.BENCH_PREFIX + "task-failer");
        t.setDaemon(true);
        return t;
    });

    private ConvergingTasks(AemSimulator sim, Map<TaskRef, List<SimHealthSpec.LatencyPoint>> curves,
                            Map<TaskRef, Duration> failAfter) {
        this.sim = sim;
        this.curves = curves;
        this.failAfter = failAfter;
    }

    static ConvergingTasks start(HealthBenchConfig c) throws IOException {
        Random random = new Random(c.seed());
        SimServer server = SimServer.replicate(SERVER);
        Map<TaskRef, List<SimHealthSpec.LatencyPoint>> curves = new LinkedHashMap<>();
        Map<TaskRef, Duration> failAfter = new LinkedHashMap<>();
        for (int i = 0; i < c.waits(); i++) {
            String name = String.format(Locale.ROOT, "H%04d", i);
            SimHealthSpec health = SimHealthSpec.create();
            Duration over = between(random, c.convergeMin(), c.convergeMax());
            Duration from = between(random, c.startMin(), c.startMax());
            Duration floor = between(random, Duration.ofSeconds(1), Duration.ofSeconds(3));
            point(health, Duration.ZERO, from);
            switch (i % 3) {
                case 1 -> point(health, over.multipliedBy(3).dividedBy(10), from.dividedBy(8).plusSeconds(15));
                case 2 -> point(health, over.dividedBy(5), from.multipliedBy(13).dividedBy(10));
                default -> { }
            }
            point(health, over, floor);
            server.task(SimTaskSpec.named(name).initialState("RUNNING", "NONE", "").health(health));
            TaskRef ref = TaskRef.of(SERVER, name, null);
            curves.put(ref, health.latency());
            if (i % 20 == 7) {
                failAfter.put(ref, between(random, over.dividedBy(5), over.multipliedBy(4).dividedBy(5)));
            }
        }
        AemSimulator sim = AemSimulator.builder().port(0).user(BenchSim.USER, BenchSim.PASSWORD).seed(c.seed())
                .journalCapacity(1_000_000).server(server).start();
        return new ConvergingTasks(sim, curves, failAfter);
    }

    /** Sets the failing tasks' failures going, each at its time on its latency curve, so before it comes down. */
    void startFailures() {
        failAfter.forEach((task, after) -> {
            Instant at = runningSince(task).plus(after);
            failer.schedule(() -> {
                failedAt.put(task, Instant.now());
                sim.task(task.server(), task.task()).setState("ERROR", "FATAL_ERROR", FAILURE_MESSAGE);
            }, Math.max(0, Duration.between(Instant.now(), at).toMillis()), TimeUnit.MILLISECONDS);
        });
    }

    private Instant runningSince(TaskRef task) {
        return sim.task(task.server(), task.task()).history().get(0).at();
    }

    /** Whether the task goes to ERROR on the way. */
    boolean fails(TaskRef task) {
        return failAfter.containsKey(task);
    }

    /** When the task went to ERROR, or null. */
    Instant failedAt(TaskRef task) {
        return failedAt.get(task);
    }

    private static void point(SimHealthSpec health, Duration at, Duration total) {
        health.latencyAt(at, total.dividedBy(2), total);
    }

    private static Duration between(Random random, Duration min, Duration max) {
        return min.plusMillis((long) (random.nextDouble() * (max.toMillis() - min.toMillis())));
    }

    String baseUrl() {
        return sim.baseUrl().toString();
    }

    List<TaskRef> tasks() {
        return List.copyOf(curves.keySet());
    }

    /** Every request received so far, logins included. */
    long requests() {
        return sim.journal().entries().size();
    }

    long logins() {
        return sim.journal().count(JournalEntry::isLogin);
    }

    long detailsReads() {
        return sim.journal().count(JournalEntry::isTaskDetails);
    }

    long listReads() {
        return sim.journal().count(JournalEntry::isTaskList);
    }

    /**
     * When the task's total latency first shows at most {@code max} on the wire (AEM's whole seconds: below
     * {@code max} plus one second), by its curve from when it started running.
     */
    Instant cameDown(TaskRef task, Duration max) {
        double threshold = max.toMillis() + 1000.0;
        List<SimHealthSpec.LatencyPoint> points = curves.get(task);
        Instant running = runningSince(task);
        SimHealthSpec.LatencyPoint before = points.get(0);
        if (before.total().toMillis() < threshold) {
            return running;
        }
        for (SimHealthSpec.LatencyPoint next : points.subList(1, points.size())) {
            double a = before.total().toMillis();
            double b = next.total().toMillis();
            if (b < threshold) {
                double f = (a - threshold) / (a - b);
                long span = next.at().minus(before.at()).toMillis();
                return running.plus(before.at()).plusMillis(Math.round(f * span));
            }
            before = next;
        }
        throw new IllegalStateException(task + " never comes down to " + max.toSeconds() + " s");
    }

    @Override
    public void close() {
        failer.shutdownNow();
        sim.close();
    }
}
