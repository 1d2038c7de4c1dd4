package io.jenkins.plugins.aem.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's own throughput, so that a reader can see it is never what the benchmark measures: {@value #CLIENTS}
 * keep-alive connections read GetTaskDetails as fast as they can with one shared session, first to warm up, then for
 * the measured burst. Runs on a simulator of its own, with nothing else going on.
 */
final class SimThroughput {

    static final int CLIENTS = 8;

    private SimThroughput() {
    }

    /** Requests per second answered with 200 during {@code burst}, after a warm-up of the same length. */
    static long measure(Duration burst, long seed) throws InterruptedException, IOException {
        ScenarioSpec one = new ScenarioSpec("rps", 1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), false, 1,
                Duration.ofSeconds(10));
        try (BenchSim sim = BenchSim.start(one, seed)) {
            String api = sim.baseUrl() + "/attunityenterprisemanager/api/v1";
            String session = login(api);
            String url = api + "/servers/" + BenchSim.SERVER + "/tasks/" + sim.tasks().get(0).task();
            hammer(url, session, burst); // warm-up: JIT and connections
            long ok = hammer(url, session, burst);
            return Math.round(ok / (burst.toMillis() / 1000.0));
        }
    }

    private static long hammer(String url, String session, Duration burst) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        long end = System.nanoTime() + burst.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        if (get(url, session) == 200) {
                            ok.incrementAndGet();
                        }
                    } catch (IOException e) {
                        return; // a broken burst shows as a low figure
                    }
                }
            }, ThreadOwners.BENCH_PREFIX + "rps-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return ok.get();
    }

    private static int get(String url, String session) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestProperty("EnterpriseManager.APISessionID", session);
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes(); // read to the end so the connection is kept alive
            }
        }
        return status;
    }

    private static String login(String api) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(api + "/login").toURL().openConnection();
        String basic = BenchSim.USER + ":" + BenchSim.PASSWORD;
        c.setRequestProperty("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        if (c.getResponseCode() != 200) {
            throw new IOException("login to the simulator failed: HTTP " + c.getResponseCode());
        }
        c.getInputStream().readAllBytes();
        return c.getHeaderField("EnterpriseManager.APISessionID");
    }
}
