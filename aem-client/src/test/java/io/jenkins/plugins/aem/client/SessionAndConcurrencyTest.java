package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionAndConcurrencyTest {

    private static final int WAITS = 200;

    private SimFixture fx;

    private static SimServer manyTasks() {
        SimServer server = SimServer.replicate("Rep");
        for (int i = 0; i < WAITS; i++) {
            server.task(SimTaskSpec.named("T" + i).startDuration(Duration.ofMillis(300), Duration.ofMillis(1500))
                    .startingState("STARTING"));
        }
        return server;
    }

    /** A status poll: GetTaskList (shared by the waits of a server) or GetTaskDetails. */
    static boolean isStatusRead(JournalEntry e) {
        return e.isTaskDetails() || e.kind() == RequestKind.READ && e.path().endsWith("/tasks");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void twoHundredConcurrentWaitsShareOneLogin() {
        fx = new SimFixture(AemSimulator.builder().serverWaitCap(Duration.ofMillis(200)).server(manyTasks()));
        List<CompletableFuture<TaskOutcome>> waits = new ArrayList<>();
        for (int i = 0; i < WAITS; i++) {
            waits.add(fx.client().run(RunRequest.of(new TaskRef("Rep", "T" + i)).withTimeout(Duration.ofSeconds(60)), null));
        }
        waits.forEach(w -> assertThat(SimFixture.join(w).state()).isEqualTo(TaskState.RUNNING));
        assertThat(fx.count(JournalEntry::isLogin)).isEqualTo(1);
        assertThat(fx.count(JournalEntry::isRun)).isEqualTo(WAITS);
        assertThat(fx.sim.journal().entries().stream().map(JournalEntry::sessionAlias).distinct().toList()).containsExactly("s1");
        assertThat(fx.pool.peakRequestsInFlight(fx.settings())).isLessThanOrEqualTo(AemClientPool.DEFAULT_MAX_REQUESTS_PER_HOST);
        // The waits share their polls: far fewer status reads than waits times polls.
        assertThat(fx.count(SessionAndConcurrencyTest::isStatusRead)).isLessThan(WAITS);
    }

    @Test
    void expiredSessionIsRenewedOnceForAllWaitersMidWait() throws Exception {
        fx = new SimFixture(AemSimulator.builder().serverWaitCap(Duration.ofMillis(100)).server(manyTasks()));
        List<CompletableFuture<TaskOutcome>> waits = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            waits.add(fx.client().run(RunRequest.of(new TaskRef("Rep", "T" + i)), fx.listener()));
        }
        TimeUnit.MILLISECONDS.sleep(250);
        fx.sim.expireAllSessions();
        waits.forEach(w -> assertThat(SimFixture.join(w).state()).isEqualTo(TaskState.RUNNING));
        assertThat(fx.count(JournalEntry::isLogin)).isEqualTo(2);
        assertThat(fx.events).anyMatch(e -> e.kind() == ProgressEvent.Kind.RELOGIN);
        // No command was executed twice: each task received exactly one accepted run.
        for (int i = 0; i < 50; i++) {
            assertThat(fx.sim.task("Rep", "T" + i).commands().stream().filter(c -> c.accepted()).count()).isEqualTo(1);
        }
    }

    @Test
    void aSecondSessionRefusalIsFinal() {
        fx = new SimFixture(AemSimulator.builder().server(manyTasks()));
        fx.sim.faults().failNext(RequestKind.READ, 3, "INVALID_SESSION_ID");
        String code = SimFixture.join(fx.client().servers(Duration.ofSeconds(1))
                .handle((r, e) -> e != null && e.getCause() instanceof AemException a ? a.errorCode() : "no error"));
        assertThat(code).isEqualTo("INVALID_SESSION_ID");
        assertThat(fx.count(JournalEntry::isLogin)).isEqualTo(2);
    }

    @Test
    void theLimitPerHostHoldsUnderACrowd() {
        fx = new SimFixture(AemSimulator.builder().server(manyTasks())
                .faults(f -> f.latency(1.0, Duration.ofMillis(50), Duration.ofMillis(100)).onlyFor(RequestKind.READ)),
                AemClientPool.builder().maxRequestsPerHost(3).pollSchedule(SimFixture.FAST));
        List<CompletableFuture<TaskStatus>> reads = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            reads.add(fx.client().taskStatus(new TaskRef("Rep", "T" + i), Duration.ofSeconds(30)));
        }
        reads.forEach(SimFixture::join);
        assertThat(fx.pool.peakRequestsInFlight(fx.settings())).isEqualTo(3);
    }

    @Test
    void cancellingAWaitStopsItsRequests() throws Exception {
        fx = new SimFixture(AemSimulator.builder().serverWaitCap(Duration.ofMillis(100))
                .server(SimServer.replicate("Rep").task(SimTaskSpec.named("Slow").startDuration(Duration.ofSeconds(60)).startingState("STARTING"))));
        CompletableFuture<TaskOutcome> wait = fx.client().run(RunRequest.of(new TaskRef("Rep", "Slow")), null);
        TimeUnit.MILLISECONDS.sleep(800);
        assertThat(fx.count(SessionAndConcurrencyTest::isStatusRead)).isPositive();
        wait.cancel(true);
        TimeUnit.MILLISECONDS.sleep(100);
        long after = fx.sim.journal().entries().size();
        TimeUnit.MILLISECONDS.sleep(1200);
        assertThat(fx.sim.journal().entries()).hasSize((int) after);
    }

    @Test
    void pollingBacksOffAndStaysWithinTheMaximumInterval() throws Exception {
        PollSchedule schedule = new PollSchedule(Duration.ofMillis(100), 2.0, Duration.ofMillis(800), 0.0);
        fx = new SimFixture(AemSimulator.builder().serverWaitCap(Duration.ofMillis(100))
                .server(SimServer.replicate("Rep").task(SimTaskSpec.named("Slow").startDuration(Duration.ofSeconds(4)).startingState("STARTING"))),
                AemClientPool.builder().pollSchedule(schedule));
        SimFixture.join(fx.client().run(RunRequest.of(new TaskRef("Rep", "Slow")), null));
        List<JournalEntry> polls = fx.sim.journal().entries().stream().filter(SessionAndConcurrencyTest::isStatusRead).toList();
        // 4 s of starting with intervals 100, 200, 400, 800, 800, ... ms: about 7 polls, never one per 100 ms.
        assertThat(polls.size()).isBetween(4, 9);
        for (int i = 1; i < polls.size(); i++) {
            long gap = Duration.between(polls.get(i - 1).at(), polls.get(i).at()).toMillis();
            assertThat(gap).isLessThan(800 + 400);
        }
        assertThat(schedule.interval(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(schedule.interval(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(schedule.interval(10)).isEqualTo(Duration.ofMillis(800));
    }
}
