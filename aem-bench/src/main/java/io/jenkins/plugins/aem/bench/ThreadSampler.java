package io.jenkins.plugins.aem.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Samples the process's live threads every {@value #PERIOD_MS} ms while a scenario runs and keeps the peaks: all
 * threads, and those attributed to the client under test. A thread is the client's when it did not exist before the
 * scenario and its name does not say it belongs to the simulator or to the benchmark itself (see
 * {@link ThreadOwners}); so HTTP dispatchers, schedulers and a naive client's per-wait threads all count.
 *
 * <p>Names are read with {@code getThreadInfo(ids, 0)}: no stack is captured, so sampling a thousand threads every
 * 50 ms stays cheap.
 */
final class ThreadSampler implements AutoCloseable {

    static final long PERIOD_MS = 50;

    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final Set<Long> before = new HashSet<>();
    private final Predicate<String> clientName;
    private final int beforeCount;
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile int peakTotal;
    private volatile int peakClient;

    /** Takes the "before" snapshot now and starts sampling. */
    ThreadSampler(Predicate<String> clientName) {
        this.clientName = clientName;
        for (long id : mx.getAllThreadIds()) {
            before.add(id);
        }
        this.beforeCount = before.size();
        this.peakTotal = beforeCount;
        this.sampler = new Thread(this::loop, ThreadOwners.BENCH_PREFIX + "thread-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        long[] ids = mx.getAllThreadIds();
        int client = 0;
        int total = 0;
        for (ThreadInfo info : mx.getThreadInfo(ids, 0)) {
            if (info == null) {
                continue; // ended between the two calls
            }
            total++;
            if (!before.contains(info.getThreadId()) && clientName.test(info.getThreadName())) {
                client++;
            }
        }
        // Only this thread writes the peaks; volatile makes them visible to the reader.
        if (total > peakTotal) {
            peakTotal = total;
        }
        if (client > peakClient) {
            peakClient = client;
        }
    }

    /** Stops sampling after one last sample and returns the peaks. */
    ThreadPeak stop() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        return new ThreadPeak(beforeCount, peakTotal, Math.max(0, peakTotal - beforeCount), peakClient);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    /**
     * Thread peaks of one scenario.
     *
     * @param before      live threads when the scenario started (simulator already running)
     * @param peak        most live threads seen
     * @param added       {@code peak - before}: everything the scenario added, simulator workers included
     * @param clientAdded most threads seen at once that were new and attributed to the client
     */
    record ThreadPeak(int before, int peak, int added, int clientAdded) {
    }
}
