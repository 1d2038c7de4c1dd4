package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.client.PollSchedule;
import io.jenkins.plugins.aem.client.TaskRef;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs one scenario with one client on a simulator of its own (same spec and seed for both clients, so both see the
 * same tasks and start times, and the journal holds nothing but this client's requests).
 */
final class ScenarioRunner {

    /** Makes the client under measurement from the simulator's base URL. */
    interface ClientFactory extends Function<BenchSim, WaitClient> {
    }

    private final long seed;

    ScenarioRunner(long seed) {
        this.seed = seed;
    }

    ScenarioResult run(ScenarioSpec spec, ClientFactory factory, PollSchedule schedule) throws InterruptedException,
            IOException {
        try (BenchSim sim = BenchSim.start(spec, seed)) {
            long heapBefore = HeapProbe.usedAfterGc();
            ThreadSampler sampler = new ThreadSampler(ThreadOwners::isClient);
            long[] heapPeak = {-1};
            DetectionAnalysis analysis = new DetectionAnalysis();
            Instant start = Instant.now();
            int ops = 0;
            String clientName;
            try (WaitClient client = factory.apply(sim)) {
                clientName = client.name();
                List<OpResult> runs = phase(spec, sim, "RUNNING", client::run, heapPeak, heapBefore);
                analysis.add(runs, sim, schedule);
                ops += runs.size();
                if (spec.thenStop()) {
                    List<OpResult> stops = phase(spec, sim, "STOPPED", client::stop, heapPeak, heapBefore);
                    analysis.add(stops, sim, schedule);
                    ops += stops.size();
                }
            } finally {
                sampler.close();
            }
            Duration wall = Duration.between(start, Instant.now());
            ThreadSampler.ThreadPeak threads = sampler.stop();
            return new ScenarioResult(spec.name(), clientName, ops, analysis.correct(), sim.requests(), sim.logins(),
                    analysis.delays(), analysis.withinInterval(), analysis.ratioP99(), threads, heapPeak[0], wall,
                    sim.taskLists());
        }
    }

    /** An operation of the client: run or stop. */
    private interface Op {
        CompletableFuture<Instant> apply(TaskRef task, Duration timeout);
    }

    private List<OpResult> phase(ScenarioSpec spec, BenchSim sim, String goal, Op op, long[] heapPeak,
                                 long heapBefore) throws InterruptedException {
        List<OpResult> results = Collections.synchronizedList(new ArrayList<>());
        Semaphore slots = new Semaphore(spec.concurrency());
        CountDownLatch done = new CountDownLatch(spec.tasks());
        long commandsBefore = sim.commands();
        for (TaskRef task : sim.tasks()) {
            slots.acquire();
            Instant started = Instant.now();
            op.apply(task, spec.timeout()).whenComplete((at, failure) -> {
                results.add(new OpResult(task, goal, started, at, failure));
                slots.release();
                done.countDown();
            });
        }
        if (spec.allAtOnce()) {
            // The crowd's peak: every operation submitted and every command received by AEM, none finished yet
            // (or 3 s passed: a client that queues commands behind its per-host limit holds them all meanwhile).
            sim.awaitCommands(commandsBefore + spec.tasks(), Duration.ofSeconds(3));
            heapPeak[0] = Math.max(heapPeak[0], HeapProbe.usedAfterGc() - heapBefore);
        }
        if (!done.await(spec.timeout().toSeconds() + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(spec.name() + ": operations did not end within their timeout");
        }
        return new ArrayList<>(results);
    }
}
