package io.jenkins.plugins.aem.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static final String R = "R";
    private AemSimulator sim;
    private RawClient client;

    @BeforeEach
    void start() throws Exception {
        sim = AemSimulator.builder().user("admin", "pw").seed(7L)
                .server(SimServer.replicate(R).task(SimTaskSpec.named("T").startDuration(Duration.ZERO)))
                .start();
        client = new RawClient(sim).loggedIn("admin", "pw");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void htmlPagesCarryNoJsonAndCommandsDoNotTakeEffect() throws Exception {
        sim.faults().html502(1.0);
        HttpResponse<String> r = client.run(R, "T", "&timeout=1");
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/html");
        assertThat(r.body()).startsWith("<!DOCTYPE html>").doesNotContain("error_code");
        sim.faults().clear().html503(1.0);
        assertThat(client.get("/servers").statusCode()).isEqualTo(503);
        assertThat(sim.task(R, "T").commands()).isEmpty();
        assertThat(sim.task(R, "T").state()).isEqualTo("STOPPED");
        sim.faults().clear();
        assertThat(client.get("/servers").statusCode()).isEqualTo(200);
    }

    @Test
    void resetClosesTheConnectionWithoutAnAnswer() throws Exception {
        sim.faults().reset(1.0).onlyFor(RequestKind.COMMAND);
        assertThatThrownBy(() -> client.run(R, "T", "&timeout=1")).isInstanceOf(IOException.class);
        assertThat(client.get("/servers").statusCode()).isEqualTo(200); // READ is not affected
        assertThat(sim.task(R, "T").commands()).isEmpty();
        assertThat(sim.journal().entries()).filteredOn(JournalEntry::isRun).singleElement()
                .satisfies(e -> assertThat(e.status()).isZero());
    }

    @Test
    void hangNeverAnswersUntilTheSimulatorCloses() throws Exception {
        sim.faults().hang(1.0);
        CompletableFuture<HttpResponse<String>> hung = client.runAsync(R, "T", "&timeout=1");
        assertThatThrownBy(() -> hung.get(700, TimeUnit.MILLISECONDS))
                .isInstanceOf(java.util.concurrent.TimeoutException.class);
        long t0 = System.nanoTime();
        sim.close();
        assertThatThrownBy(() -> hung.get(3, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class)
                .cause().isNotInstanceOf(HttpTimeoutException.class);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3000);
        assertThat(sim.task(R, "T").commands()).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("aem-sim") && t.isAlive());
    }

    @Test
    void latencyDelaysButTheCommandStillHappens() throws Exception {
        sim.faults().latency(1.0, Duration.ofMillis(300), Duration.ofMillis(400));
        long t0 = System.nanoTime();
        HttpResponse<String> r = client.run(R, "T", "&timeout=1");
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(290);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sim.task(R, "T").commands()).singleElement().satisfies(c -> assertThat(c.accepted()).isTrue());
    }

    @Test
    void sessionExpiryFaultRefusesTheCallAsInvalidSession() throws Exception {
        sim.faults().sessionExpiry(1.0).onlyFor(RequestKind.COMMAND);
        HttpResponse<String> r = client.run(R, "T", "&timeout=1");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(RawClient.code(r)).isEqualTo("INVALID_SESSION_ID");
        assertThat(sim.task(R, "T").commands()).isEmpty();
        assertThat(sim.journal().entries()).filteredOn(JournalEntry::isRun).singleElement()
                .satisfies(e -> assertThat(e.sessionAlias()).isEqualTo("s1"));
        assertThat(RawClient.code(client.get("/servers"))).isEqualTo("INVALID_SESSION_ID");
    }

    @Test
    void failNextAnswersTheGivenCodeNTimes() throws Exception {
        sim.faults().failNext(RequestKind.READ, 2, "AEM_SERVER_NOT_CONNECTED")
                .failNext(RequestKind.COMMAND, 1, "AEM_RUN_TASK_INNER_ERR")
                .failNext(RequestKind.LOGIN, 1, "LICENSE_NOT_FOUND");
        assertThat(RawClient.code(client.get("/servers"))).isEqualTo("AEM_SERVER_NOT_CONNECTED");
        assertThat(RawClient.code(client.get("/servers/R/tasks/T"))).isEqualTo("AEM_SERVER_NOT_CONNECTED");
        assertThat(client.get("/servers").statusCode()).isEqualTo(200);
        HttpResponse<String> run = client.run(R, "T", "&timeout=1");
        assertThat(run.statusCode()).isEqualTo(500);
        assertThat(RawClient.code(run)).isEqualTo("AEM_RUN_TASK_INNER_ERR");
        assertThat(sim.task(R, "T").commands()).isEmpty();
        assertThat(RawClient.code(new RawClient(sim).login("admin", "pw"))).isEqualTo("LICENSE_NOT_FOUND");
        assertThat(new RawClient(sim).login("admin", "pw").statusCode()).isEqualTo(200);
    }

    @Test
    void probabilitiesAreDrawnFromTheSeed() throws Exception {
        sim.faults().html503(0.5).onlyFor(RequestKind.READ);
        int failures = 0;
        for (int i = 0; i < 200; i++) {
            failures += client.get("/servers").statusCode() == 503 ? 1 : 0;
        }
        assertThat(failures).isBetween(60, 140);
    }
}
