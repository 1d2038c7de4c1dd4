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

/**
 * The health bench's simulator: tasks RUNNING from its start, whose total latency comes down slowly, in three shapes
 * so that no one schedule is favoured: a straight fall; a fast fall then a slow tail (the trend of the early reads
 * foresees the end too soon); a rise first, as a restarted task reads its backlog, then a fall. The same seed gives
 * the same curves to both clients. It knows when each curve truly comes down, which is how the waits are judged.
 */
final class ConvergingTasks implements AutoCloseable {

    private static final String SERVER = "R";

    private final AemSimulator sim;
    private final Map<TaskRef, List<SimHealthSpec.LatencyPoint>> curves;

    private ConvergingTasks(AemSimulator sim, Map<TaskRef, List<SimHealthSpec.LatencyPoint>> curves) {
        this.sim = sim;
        this.curves = curves;
    }

    static ConvergingTasks start(HealthBenchConfig c) throws IOException {
        Random random = new Random(c.seed());
        SimServer server = SimServer.replicate(SERVER);
        Map<TaskRef, List<SimHealthSpec.LatencyPoint>> curves = new LinkedHashMap<>();
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
            curves.put(TaskRef.of(SERVER, name, null), health.latency());
        }
        AemSimulator sim = AemSimulator.builder().port(0).user(BenchSim.USER, BenchSim.PASSWORD).seed(c.seed())
                .journalCapacity(1_000_000).server(server).start();
        return new ConvergingTasks(sim, curves);
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

    /**
     * When the task's total latency first shows at most {@code max} on the wire (AEM's whole seconds: below
     * {@code max} plus one second), by its curve from when it started running.
     */
    Instant cameDown(TaskRef task, Duration max) {
        double threshold = max.toMillis() + 1000.0;
        List<SimHealthSpec.LatencyPoint> points = curves.get(task);
        Instant running = sim.task(task.server(), task.task()).history().get(0).at();
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
        sim.close();
    }
}
