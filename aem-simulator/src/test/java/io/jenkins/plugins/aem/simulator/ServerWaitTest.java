package io.jenkins.plugins.aem.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerWaitTest {
    private static final String R = "R";
    private AemSimulator sim;
    private RawClient client;

    @BeforeEach
    void start() throws Exception {
        SimServer server = SimServer.replicate(R)
                .task(SimTaskSpec.named("Slow").startDuration(Duration.ofMillis(1500)).stopDuration(Duration.ofMillis(1500)));
        for (int i = 0; i < 200; i++) {
            server.task(SimTaskSpec.named("W" + i).startDuration(Duration.ofMillis(700)));
        }
        sim = AemSimulator.builder().user("admin", "pw").serverWaitCap(Duration.ofSeconds(1)).server(server).start();
        client = new RawClient(sim).loggedIn("admin", "pw");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void runTimesOutAfterTheCappedWaitButIsCarriedOut() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> run = client.run(R, "Slow", "&timeout=30"); // capped to 1 s
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(run.statusCode()).isEqualTo(500);
        assertThat(RawClient.code(run)).isEqualTo("AEM_RUN_TASK_TIMEOUT");
        assertThat(ms).isBetween(900L, 1450L);
        assertThat(sim.task(R, "Slow").awaitState("RUNNING", Duration.ofSeconds(2))).isTrue();
        assertThat(sim.task(R, "Slow").commands()).singleElement().satisfies(c -> assertThat(c.accepted()).isTrue());

        HttpResponse<String> stop = client.stop(R, "Slow", "&timeout=0");
        assertThat(RawClient.code(stop)).isEqualTo("AEM_STOP_TASK_TIMEOUT");
        assertThat(sim.task(R, "Slow").awaitState("STOPPED", Duration.ofSeconds(3))).isTrue();
    }

    @Test
    void manyConcurrentWaitsHoldNoThreads() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            String name = "W" + i;
            calls.add(client.runAsync(R, name, "&timeout=5"));
        }
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            assertThat(c.get().body()).isEqualTo("{\"state\":\"RUNNING\",\"error_message\":\"\"}");
        }
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5000);
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("aem-sim")).count())
                .isLessThanOrEqualTo(2 + Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }
}
