package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** No secret leaks; the limit per host counted at AEM's side; logout on close; a bounded number of threads. */
class SecretsAndResourcesTest {

    private static final int TASKS = 200;

    private SimFixture fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private static SimServer tasks(int n, Duration start) {
        SimServer server = SimServer.replicate("Rep");
        for (int i = 0; i < n; i++) {
            server.task(SimTaskSpec.named("T" + i).startDuration(start).stopDuration(Duration.ofMillis(100)).startingState("STARTING"));
        }
        return server;
    }

    @Test
    void noPasswordSessionIdOrAuthorizationValueInAnyMessageEventOrCause() {
        fx = new SimFixture(AemSimulator.builder().serverWaitCap(Duration.ofMillis(100)).server(tasks(3, Duration.ofMillis(300))));
        List<String> said = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        // Wrong password, a renewed session, an AEM error, a transport failure, and plain success.
        AemClient wrong = fx.pool.client(ConnectionSettings.builder(fx.sim.baseUrl().toString(),
                Credentials.of(SimFixture.USER, "Wrong-Secret-77")).build());
        failures.add(catchThrowable(() -> SimFixture.join(wrong.run(RunRequest.of(new TaskRef("Rep", "T0")), fx.listener()))));
        fx.run(RunRequest.of(new TaskRef("Rep", "T0")));
        fx.sim.expireAllSessions();
        fx.stop(StopRequest.of(new TaskRef("Rep", "T0")));
        failures.add(catchThrowable(() -> fx.stop(StopRequest.of(new TaskRef("Rep", "T0")))));
        fx.sim.faults().reset(1.0).onlyFor(RequestKind.COMMAND);
        failures.add(catchThrowable(() -> fx.run(RunRequest.of(new TaskRef("Rep", "T1")))));
        fx.sim.faults().clear();
        fx.sim.expireAllSessions();
        fx.sim.faults().failNext(RequestKind.READ, 2, "INVALID_SESSION_ID");
        failures.add(catchThrowable(() -> SimFixture.join(fx.client().taskStatus(new TaskRef("Rep", "T2"), Duration.ofSeconds(5)))));

        // The last one: a second refusal of the renewed session is final.
        assertThat(failures).hasSize(4).doesNotContainNull().allMatch(t -> t instanceof AemException);
        fx.events.forEach(e -> said.add(e.format()));
        for (Throwable t : failures) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                said.add(c.toString());
                for (StackTraceElement s : c.getStackTrace()) {
                    said.add(s.toString());
                }
            }
        }
        said.add(fx.settings().toString());
        said.add(Credentials.of(SimFixture.USER, SimFixture.PASSWORD).toString());

        // The simulator reported every password, Basic value and session ID, the wrong password it received included.
        assertThat(fx.sim.issuedSessionIds()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(said).isNotEmpty();
        SecretScan.assertClean("the client's messages, events and causes", String.join("\n", said));
    }

    @Test
    void theLimitPerHostIsCountedAtAem() throws Exception {
        fx = new SimFixture(AemSimulator.builder().server(tasks(20, Duration.ofMillis(100))),
                AemClientPool.builder().maxRequestsPerHost(3).pollSchedule(SimFixture.FAST));
        // Log in first, so the session is there; then every read hangs at AEM's side.
        SimFixture.join(fx.client().taskStatus(new TaskRef("Rep", "T0"), Duration.ofSeconds(5)));
        fx.sim.journal().clear();
        fx.sim.faults().hang(1.0).onlyFor(RequestKind.READ);
        List<CompletableFuture<TaskStatus>> reads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            reads.add(fx.client().taskStatus(new TaskRef("Rep", "T" + i), Duration.ofSeconds(20)));
        }
        for (int i = 0; i < 100 && fx.count(e -> e.kind() == RequestKind.READ) < 3; i++) {
            Thread.sleep(20);
        }
        Thread.sleep(500); // room for any read beyond the limit to arrive; none may
        assertThat(fx.count(e -> e.kind() == RequestKind.READ)).isEqualTo(3);
        // Cancelling frees the slots: the queued reads never reach AEM.
        fx.sim.faults().clear();
        // The queued ones first: a slot freed by an aborted read goes to the next read still wanted.
        for (int i = reads.size() - 1; i >= 0; i--) {
            reads.get(i).cancel(true);
        }
        Thread.sleep(300);
        assertThat(fx.count(e -> e.kind() == RequestKind.READ)).isEqualTo(3);
        assertThat(reads).allMatch(CompletableFuture::isCancelled);
        // The hung reads were aborted, so their slots are free: a new read goes straight through.
        assertThat(fx.client().taskStatus(new TaskRef("Rep", "T1"), Duration.ofSeconds(20)).get(2, java.util.concurrent.TimeUnit.SECONDS)
                .state()).isEqualTo(TaskState.STOPPED);
    }

    @Test
    void commandsHaveALimitPerHostOfTheirOwnAndReadsStillFlow() throws Exception {
        fx = new SimFixture(AemSimulator.builder().server(tasks(6, Duration.ofMillis(100))),
                AemClientPool.builder().maxCommandsPerHost(2).maxRequestsPerHost(2).pollSchedule(SimFixture.FAST));
        fx.sim.faults().hang(1.0).onlyFor(RequestKind.COMMAND);
        List<CompletableFuture<TaskOutcome>> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runs.add(fx.client().run(RunRequest.of(new TaskRef("Rep", "T" + i)).withTimeout(Duration.ofSeconds(20)), null));
        }
        for (int i = 0; i < 100 && fx.count(JournalEntry::isRun) < 2; i++) {
            Thread.sleep(20);
        }
        Thread.sleep(500);
        assertThat(fx.count(JournalEntry::isRun)).isEqualTo(2);
        // AEM holds commands open while it waits; reads must not queue behind them.
        assertThat(SimFixture.join(fx.client().taskStatus(new TaskRef("Rep", "T5"), Duration.ofSeconds(5))).state())
                .isEqualTo(TaskState.STOPPED);
        for (int i = runs.size() - 1; i >= 0; i--) {
            runs.get(i).cancel(true);
        }
        Thread.sleep(300);
        assertThat(fx.count(JournalEntry::isRun)).isEqualTo(2);
    }

    @Test
    void closingThePoolLogsOutEachSessionOnce() {
        fx = new SimFixture(AemSimulator.builder().server(tasks(2, Duration.ofMillis(100))));
        fx.run(RunRequest.of(new TaskRef("Rep", "T0")));
        fx.pool.client(fx.settings()).taskStatus(new TaskRef("Rep", "T1"), Duration.ofSeconds(5)).join();
        fx.pool.close();
        assertThat(fx.count(e -> e.kind() == RequestKind.LOGOUT)).isEqualTo(1);
        assertThat(fx.count(JournalEntry::isLogin)).isEqualTo(1);
        fx.pool.close(); // idempotent
        assertThat(fx.count(e -> e.kind() == RequestKind.LOGOUT)).isEqualTo(1);
    }

    @Test
    void twoHundredWaitsAddAtMostSixteenThreads() throws InterruptedException {
        Set<String> before = clientThreads();
        fx = new SimFixture(AemSimulator.builder().serverWaitCap(Duration.ofMillis(100)).server(tasks(TASKS, Duration.ofSeconds(1))));
        List<CompletableFuture<TaskOutcome>> waits = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            waits.add(fx.client().run(RunRequest.of(new TaskRef("Rep", "T" + i)), null));
        }
        int peak = 0;
        while (!waits.stream().allMatch(CompletableFuture::isDone)) {
            Set<String> now = clientThreads();
            now.removeAll(before);
            peak = Math.max(peak, now.size());
            Thread.sleep(20);
        }
        waits.forEach(w -> assertThat(w.join().state()).isEqualTo(TaskState.RUNNING));
        assertThat(peak).isBetween(1, 16);
        assertThat(fx.count(JournalEntry::isLogin)).isEqualTo(1);
    }

    @Test
    void everyThreadThePoolStartsIsNamedAndADaemon() {
        fx = new SimFixture(AemSimulator.builder().server(tasks(1, Duration.ofMillis(100))),
                AemClientPool.builder().pollSchedule(SimFixture.FAST));
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        AemClientPool pool = AemClientPool.builder().pollSchedule(SimFixture.FAST).build();
        try {
            SimFixture.join(pool.client(fx.settings()).run(RunRequest.of(new TaskRef("Rep", "T0")), null));
            List<Thread> started = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                    .filter(t -> !t.getName().startsWith("aem-sim")).toList();
            assertThat(started).isNotEmpty().allSatisfy(t -> {
                assertThat(t.getName()).startsWith("aem-client");
                assertThat(t.isDaemon()).isTrue();
            });
            assertThat(started).hasSizeLessThanOrEqualTo(16);
        } finally {
            pool.close();
        }
    }

    @Test
    void closingThePoolEndsTheWaitsStillGoing() throws Exception {
        fx = new SimFixture(AemSimulator.builder().serverWaitCap(Duration.ofMillis(100)).server(tasks(3, Duration.ofSeconds(30))));
        List<CompletableFuture<TaskOutcome>> waits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waits.add(fx.client().run(RunRequest.of(new TaskRef("Rep", "T" + i)), null));
        }
        for (int i = 0; i < 100 && fx.count(JournalEntry::isRun) < 3; i++) {
            Thread.sleep(20);
        }
        fx.pool.close();
        for (CompletableFuture<TaskOutcome> w : waits) {
            Throwable t = catchThrowable(() -> w.get(5, java.util.concurrent.TimeUnit.SECONDS));
            assertThat(t).isInstanceOf(java.util.concurrent.ExecutionException.class);
            assertThat(t.getCause()).isInstanceOfSatisfying(AemException.class, e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.CANCELLED);
                assertThat(e.getMessage()).contains("closed");
            });
        }
        long requests = fx.sim.journal().entries().size();
        Thread.sleep(300);
        assertThat(fx.sim.journal().entries()).hasSize((int) requests);
    }

    private static Set<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(t -> t.getName() + "#" + t.getId())
                .filter(n -> n.startsWith("aem-client")).collect(Collectors.toSet());
    }
}
