package io.jenkins.plugins.aem.bench;

/**
 * The most heap a run holds: {@link HeapProbe#usedAfterGc()} taken every {@value #PERIOD_MS} ms while it runs, and once
 * more at its end, less what was held before it started. A run that keeps what it read (a whole server's exports,
 * say) shows it whenever the sample falls.
 */
final class HeapPeak implements AutoCloseable {

    static final long PERIOD_MS = 2_000;

    private final long before;
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peak;

    /** Measures the heap held now, then starts sampling. */
    HeapPeak() {
        this.before = HeapProbe.usedAfterGc();
        this.peak = before;
        this.sampler = new Thread(this::loop, ThreadOwners.BENCH_PREFIX + "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
            sample();
        }
    }

    private synchronized void sample() {
        peak = Math.max(peak, HeapProbe.usedAfterGc());
    }

    /** Stops sampling, takes one last sample (call it while the run still holds its result); returns the peak added. */
    long stop() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
        sample();
        return Math.max(0, peak - before);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
