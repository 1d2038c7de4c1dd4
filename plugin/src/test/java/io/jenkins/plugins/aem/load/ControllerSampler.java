package io.jenkins.plugins.aem.load;

import hudson.model.Computer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;

/**
 * Samples, every few hundred milliseconds while a crowd runs, what the controller spends on it: its live threads, the
 * plugin's own threads (counted by name: the AEM client names every thread it starts {@code aem-client-...}) and the
 * busy executors. Peaks are kept; the simulator's threads ({@code aem-sim-...}) live in the same JVM but are AEM's, not
 * the controller's, so they are left out, as is this sampler's thread.
 */
final class ControllerSampler implements AutoCloseable {

    static final String PLUGIN_THREAD_PREFIX = "aem-client-";
    /** HttpClient 5's default name, should any of its threads escape the client's factory: only the plugin runs one here. */
    private static final String HTTP_CLIENT_THREAD_PREFIX = "httpclient-";
    private static final String SIMULATOR_THREAD_PREFIX = "aem-sim-";
    private static final String SAMPLER_THREAD = "crowd-bench-sampler";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicInteger controllerThreadsPeak = new AtomicInteger();
    private final AtomicInteger pluginThreadsPeak = new AtomicInteger();
    private final AtomicInteger busyExecutorsPeak = new AtomicInteger();
    private final Thread thread;
    private volatile Map<String, Integer> namesAtPeak = Map.of();
    private volatile boolean running = true;

    private ControllerSampler(long everyMillis) {
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(everyMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, SAMPLER_THREAD);
        thread.setDaemon(true);
    }

    static ControllerSampler start(long everyMillis) {
        ControllerSampler sampler = new ControllerSampler(everyMillis);
        sampler.sample();
        sampler.thread.start();
        return sampler;
    }

    /** One sample now: also what a baseline is taken with. */
    Sample sample() {
        int controller = 0;
        int plugin = 0;
        Map<String, Integer> names = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue; // ended between the two calls
            }
            String name = info.getThreadName();
            if (name.startsWith(SIMULATOR_THREAD_PREFIX) || name.equals(SAMPLER_THREAD)) {
                continue;
            }
            controller++;
            names.merge(name.replaceAll("[0-9]+", "N"), 1, Integer::sum);
            if (name.startsWith(PLUGIN_THREAD_PREFIX) || name.startsWith(HTTP_CLIENT_THREAD_PREFIX)) {
                plugin++;
            }
        }
        int busy = 0;
        for (Computer c : Jenkins.get().getComputers()) {
            busy += c.countBusy(); // regular executors only: a pipeline's own flyweight executor is no executor slot
        }
        Sample s = new Sample(controller, plugin, busy);
        if (controller > controllerThreadsPeak.get()) {
            namesAtPeak = names;
        }
        controllerThreadsPeak.accumulateAndGet(controller, Math::max);
        pluginThreadsPeak.accumulateAndGet(plugin, Math::max);
        busyExecutorsPeak.accumulateAndGet(busy, Math::max);
        return s;
    }

    Sample peaks() {
        return new Sample(controllerThreadsPeak.get(), pluginThreadsPeak.get(), busyExecutorsPeak.get());
    }

    /** The controller's threads at the peak, by name with digits as N, most first: where the growth went. */
    String largestGroupsAtPeak(int groups) {
        return namesAtPeak.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(groups).map(e -> e.getKey().replace(' ', '_') + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }

    /** Controller threads (without the simulator's), the plugin's threads among them, and busy executors. */
    record Sample(int controllerThreads, int pluginThreads, int busyExecutors) {
    }
}
