package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.SimHealthSpec;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Health waits that share a server watch their tasks' states in its task list between their own reads, so that a
 * crowd sees a failure within the watch instead of the longest gap between details reads; and do without the list
 * where AEM refuses it.
 */
class HealthWatchTest {

    private static final String CI_USER = "svc-watch";
    private static final String CI_PASSWORD = "watch-Pa55-word";
    /** Details reads up to 6 s apart; the shared list every 300 ms. */
    private static final HealthSchedule SLOW_DETAILS = new HealthSchedule(Duration.ofSeconds(1), Duration.ofMillis(500),
            Duration.ofSeconds(6), Duration.ofMillis(300), 0.1);
    private static final HealthConditions LATENCY_5 = new HealthConditions(null, false, Duration.ofSeconds(5), null, false);

    private final SimFixture fx;

    HealthWatchTest() {
        SimServer rep = SimServer.replicate("Rep");
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            names.add("Behind" + i);
            rep.task(SimTaskSpec.named("Behind" + i).initialState("RUNNING", "NONE", "")
                    .health(SimHealthSpec.create().latencyAt(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(60))));
        }
        fx = new SimFixture(AemSimulator.builder().taskOperator(CI_USER, CI_PASSWORD, names.toArray(String[]::new)).server(rep),
                AemClientPool.builder().healthSchedule(SLOW_DETAILS));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<CompletableFuture<HealthOutcome>> crowd(AemClient client, Duration timeout) {
        List<CompletableFuture<HealthOutcome>> waits = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            waits.add(client.awaitHealth(HealthWaitRequest.of(new TaskRef("Rep", "Behind" + i), LATENCY_5, timeout),
                    fx.listener()));
        }
        return waits;
    }

    @Test
    void aCrowdSeesAFailureInTheSharedListLongBeforeItsNextDetailsRead() throws Exception {
        List<CompletableFuture<HealthOutcome>> waits = crowd(fx.client(), Duration.ofSeconds(60));
        Thread.sleep(2500);
        long failedAt = System.nanoTime();
        fx.sim.task("Rep", "Behind2").setState("ERROR", "FATAL_ERROR", "Disk full on the target");
        AemException e = catchThrowableOfType(AemException.class, () -> SimFixture.join(waits.get(1)));
        Duration seenAfter = Duration.ofNanos(System.nanoTime() - failedAt);
        assertThat(e.kind()).isEqualTo(FailureKind.TASK_FAILED);
        assertThat(e.getMessage()).contains("Disk full on the target");
        // Full values, from the details read the list's news brought on.
        assertThat(e.lastStatus().totalLatency()).isNotNull();
        assertThat(seenAfter).isLessThan(Duration.ofMillis(2500));
        assertThat(fx.sim.journal().count(JournalEntry::isTaskList)).isPositive();
        assertThat(fx.sim.journal().count(e2 -> e2.isRun() || e2.isStop() || e2.isServerList())).isZero();
        waits.forEach(w -> w.cancel(true));
    }

    @Test
    void aCrowdWithoutTheRightToReadTheListReadsItsDetailsAndIsToldOnce() throws Exception {
        AemClient ci = fx.pool.client(ConnectionSettings.builder(fx.sim.baseUrl().toString(),
                Credentials.of(CI_USER, CI_PASSWORD)).build());
        List<CompletableFuture<HealthOutcome>> waits = crowd(ci, Duration.ofSeconds(60));
        Thread.sleep(2500);
        fx.sim.task("Rep", "Behind3").setState("ERROR", "FATAL_ERROR", "Disk full on the target");
        AemException e = catchThrowableOfType(AemException.class, () -> SimFixture.join(waits.get(2)));
        assertThat(e.kind()).isEqualTo(FailureKind.TASK_FAILED);
        assertThat(fx.sim.journal().count(JournalEntry::isTaskList)).isEqualTo(1);
        assertThat(fx.events).filteredOn(ev -> ev.message().startsWith("AEM refused GetTaskList on server 'Rep' "
                + "(UNAUTHORIZED_REQUEST)")).hasSizeBetween(1, 4);
        waits.forEach(w -> w.cancel(true));
    }
}
