package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.SimHealthSpec;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The health read and the health wait against the simulator: each rule of {@link AemClient#awaitHealth}. */
class HealthWaitTest {

    private static final String CI_USER = "svc-gate";
    private static final String CI_PASSWORD = "gate-Pa55-word";
    private static final Duration MAX_5 = Duration.ofSeconds(5);
    private static final HealthConditions LATENCY_5 = new HealthConditions(null, false, MAX_5, null, false);

    private static SimTaskSpec running(String name) {
        return SimTaskSpec.named(name).initialState("RUNNING", "NONE", "");
    }

    private static SimHealthSpec latency(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return SimHealthSpec.create().latencyAt(Duration.ZERO, d.dividedBy(2), d);
    }

    private final SimFixture fx = new SimFixture(AemSimulator.builder()
            .taskOperator(CI_USER, CI_PASSWORD, "Catching", "Steady")
            .server(SimServer.replicate("Rep")
                    .task(running("Catching").health(SimHealthSpec.create()
                            .latencyFalling(Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofSeconds(2))))
                    .task(running("Steady").health(latency(60).dataErrorsAt(Duration.ZERO, 2)))
                    .task(SimTaskSpec.named("Idle").health(latency(1)))
                    .task(running("Old").health(latency(1).omit(SimHealthSpec.HealthField.CDC_LATENCY,
                            SimHealthSpec.HealthField.FULL_LOAD_COUNTERS, SimHealthSpec.HealthField.DATA_ERROR_COUNT)))
                    .task(running("Odd").health(SimHealthSpec.create().latencyText("N/A", "N/A")))
                    .task(SimTaskSpec.named("Load").tables(4).startDuration(Duration.ofMillis(50))
                            .fullLoadDuration(Duration.ofMillis(800)).health(SimHealthSpec.create().tablesOneByOne(true)))
                    .task(SimTaskSpec.named("BadTable").tables(4).startDuration(Duration.ofMillis(50))
                            .fullLoadDuration(Duration.ofMillis(400)).health(SimHealthSpec.create().failingTable(2)))));
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void close() {
        later.shutdownNow();
        fx.close();
    }

    private CompletableFuture<HealthOutcome> await(String task, HealthConditions c, Duration timeout) {
        return fx.client().awaitHealth(HealthWaitRequest.of(new TaskRef("Rep", task), c, timeout), fx.listener());
    }

    private AemException fails(CompletableFuture<HealthOutcome> wait) {
        return catchThrowableOfType(AemException.class, () -> SimFixture.join(wait));
    }

    private long count(Predicate<JournalEntry> p) {
        return fx.sim.journal().count(p);
    }

    private long detailsOf(String task) {
        return count(e -> e.isTaskDetails() && e.path().endsWith("/tasks/" + task));
    }

    private List<String> messages(ProgressEvent.Kind kind) {
        return fx.events.stream().filter(e -> e.kind() == kind).map(ProgressEvent::message).toList();
    }

    private void assertNothingButDetailsWasSent() {
        assertThat(count(e -> e.isRun() || e.isStop())).isZero();
        assertThat(count(e -> e.isTaskList() || e.isServerList())).isZero();
        assertThat(count(e -> e.kind() == RequestKind.READ && !e.isTaskDetails())).isZero();
    }

    @Test
    void theStatusReadCarriesEveryHealthValue() {
        TaskStatus s = SimFixture.join(fx.client().taskStatus(new TaskRef("Rep", "Steady"), Duration.ofSeconds(10)));
        assertThat(s.state()).isEqualTo(TaskState.RUNNING);
        assertThat(s.totalLatency()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.sourceLatency()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.cdcLatency().totalText()).isEqualTo("00:01:00");
        assertThat(s.dataErrors()).isEqualTo(2);
        assertThat(s.tablesCompleted()).isZero();
        assertThat(s.tablesWithError()).isZero();
        TaskStatus old = SimFixture.join(fx.client().taskStatus(new TaskRef("Rep", "Old"), Duration.ofSeconds(10)));
        assertThat(old.cdcLatency()).isNull();
        assertThat(old.tablesCompleted()).isEqualTo(-1);
        assertThat(old.dataErrors()).isEqualTo(-1);
        assertNothingButDetailsWasSent();
    }

    @Test
    void aFallingLatencyMeetsTheWaitWithoutACommandAndWithFewReads() {
        HealthOutcome out = SimFixture.join(await("Catching", LATENCY_5, Duration.ofSeconds(30)));
        assertThat(out.status().totalLatency()).isLessThanOrEqualTo(MAX_5);
        assertThat(out.status().state()).isEqualTo(TaskState.RUNNING);
        assertThat(out.toMap()).containsEntry("conditions", "total latency <= 5 s").containsKey("elapsedSeconds");
        assertNothingButDetailsWasSent();
        // A 400 ms poller would read about 5 times over the 2 s; the trend needs a few reads, whatever the machine's speed.
        assertThat(detailsOf("Catching")).isBetween(2L, 12L);
        assertThat(messages(ProgressEvent.Kind.STEP)).last().asString().startsWith("task 'Catching' on server 'Rep' is healthy after");
    }

    @Test
    void anAccountWithARoleOnItsOwnTasksOnlyWaitsAsWell() {
        AemClient ci = fx.pool.client(ConnectionSettings.builder(fx.sim.baseUrl().toString(),
                Credentials.of(CI_USER, CI_PASSWORD)).build());
        HealthOutcome out = SimFixture.join(ci.awaitHealth(HealthWaitRequest.of(new TaskRef("Rep", "Catching"), LATENCY_5,
                Duration.ofSeconds(30)), ProgressListener.NONE));
        assertThat(out.status().totalLatency()).isLessThanOrEqualTo(MAX_5);
        assertNothingButDetailsWasSent();
        assertThat(fx.sim.journal().entries()).filteredOn(JournalEntry::isTaskDetails).allMatch(e -> e.status() == 200);
    }

    @Test
    void errorFailsAtOnceWithAemsMessageAndTheLastValues() {
        CompletableFuture<HealthOutcome> wait = await("Steady", LATENCY_5, Duration.ofSeconds(60));
        later.schedule(() -> fx.sim.task("Rep", "Steady").setState("ERROR", "FATAL_ERROR", "Target database is down"),
                500, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        AemException e = fails(wait);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(e.kind()).isEqualTo(FailureKind.TASK_FAILED);
        assertThat(e.getMessage()).startsWith("The task failed: ERROR (stop reason FATAL_ERROR): Target database is down.");
        assertThat(e.aemMessage()).isEqualTo("Target database is down");
        assertThat(e.lastState()).isEqualTo(TaskState.ERROR);
        assertThat(e.lastStatus().dataErrors()).isEqualTo(2);
        assertNothingButDetailsWasSent();
    }

    @Test
    void aTaskSeenRunningThatStopsFailsTheWait() {
        CompletableFuture<HealthOutcome> wait = await("Steady", LATENCY_5, Duration.ofSeconds(60));
        later.schedule(() -> fx.sim.task("Rep", "Steady").setState("STOPPED"), 500, TimeUnit.MILLISECONDS);
        AemException e = fails(wait);
        assertThat(e.kind()).isEqualTo(FailureKind.TASK_FAILED);
        assertThat(e.getMessage()).startsWith("The task stopped while the wait needed it running (total latency <= 5 s): "
                + "it is STOPPED with stop reason NORMAL.");
        assertThat(e.lastStatus().state()).isEqualTo(TaskState.STOPPED);
    }

    @Test
    void aTaskStoppedFromTheStartIsWaitedForUntilSomeoneElseStartsIt() {
        CompletableFuture<HealthOutcome> wait = await("Idle", HealthConditions.running(), Duration.ofSeconds(30));
        later.schedule(() -> fx.sim.task("Rep", "Idle").setState("RUNNING"), 1200, TimeUnit.MILLISECONDS);
        HealthOutcome out = SimFixture.join(wait);
        assertThat(out.status().state()).isEqualTo(TaskState.RUNNING);
        assertThat(messages(ProgressEvent.Kind.WARNING)).containsOnlyOnce("task 'Idle' on server 'Rep' is STOPPED; this wait "
                + "sends no command, so it waits for someone or AEM's scheduler to start the task, until the deadline.");
        assertNothingButDetailsWasSent();
    }

    @Test
    void theDeadlineEndsTheWaitWithTheLastValuesSeen() {
        long start = System.nanoTime();
        AemException e = fails(await("Steady", LATENCY_5, Duration.ofSeconds(2)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(8));
        assertThat(e.kind()).isEqualTo(FailureKind.TIMED_OUT);
        assertThat(e.getMessage()).startsWith("Timed out after 2.")
                .contains("waiting for task 'Steady' on server 'Rep' to be healthy (total latency <= 5 s); last values: "
                        + "RUNNING; full load not completed, tables 0 completed, 0 loading, 0 queued, 0 in error; "
                        + "total latency 00:01:00 (60 s), source 00:00:30; data errors 2; not yet: total latency <= 5 s.");
        assertThat(e.lastStatus().totalLatency()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aResumedWaitKeepsItsFirstStartAndAbsoluteDeadline() {
        Instant now = Instant.now();
        HealthWaitRequest resumed = new HealthWaitRequest(new TaskRef("Rep", "Steady"), LATENCY_5,
                now.minusSeconds(20), now.plusMillis(1500));
        long start = System.nanoTime();
        AemException e = fails(fx.client().awaitHealth(resumed, fx.listener()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(7));
        assertThat(e.kind()).isEqualTo(FailureKind.TIMED_OUT);
        assertThat(e.getMessage()).matches("Timed out after 2[1-7]\\.\\d s .*");
        assertThat(e.elapsed()).isGreaterThan(Duration.ofSeconds(21));
    }

    @Test
    void aDeadlineAlreadyPassedEndsAfterOneRead() {
        Instant now = Instant.now();
        AemException e = fails(fx.client().awaitHealth(new HealthWaitRequest(new TaskRef("Rep", "Steady"), LATENCY_5,
                now.minusSeconds(60), now.minusSeconds(1)), fx.listener()));
        assertThat(e.kind()).isEqualTo(FailureKind.TIMED_OUT);
        assertThat(detailsOf("Steady")).isLessThanOrEqualTo(1);
    }

    @Test
    void cancellingEndsTheWaitAtOnceAndSendsNothingMore() throws Exception {
        CompletableFuture<HealthOutcome> wait = await("Steady", LATENCY_5, Duration.ofSeconds(60));
        Thread.sleep(1000);
        assertThat(wait.cancel(true)).isTrue();
        Thread.sleep(300); // a read already on the wire may still arrive
        long reads = detailsOf("Steady");
        Thread.sleep(1500);
        assertThat(detailsOf("Steady")).isEqualTo(reads);
        assertThat(wait).isCancelled();
    }

    @Test
    void waitsOnTheSameTaskShareTheirReads() {
        fails(await("Steady", LATENCY_5, Duration.ofSeconds(3)));
        long alone = detailsOf("Steady");
        fx.sim.journal().clear();
        List<CompletableFuture<HealthOutcome>> crowd = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            crowd.add(await("Steady", LATENCY_5, Duration.ofSeconds(3)));
        }
        crowd.forEach(w -> assertThat(fails(w).kind()).isEqualTo(FailureKind.TIMED_OUT));
        assertThat(detailsOf("Steady")).isLessThanOrEqualTo(2 * alone + 2);
    }

    @Test
    void progressIsToldOncePerChangeNotOncePerRead() {
        fails(await("Steady", LATENCY_5, Duration.ofSeconds(3)));
        assertThat(detailsOf("Steady")).isGreaterThanOrEqualTo(5);
        assertThat(messages(ProgressEvent.Kind.STATE_CHANGE)).containsExactly("task 'Steady' on server 'Rep': RUNNING; "
                + "full load not completed, tables 0 completed, 0 loading, 0 queued, 0 in error; total latency 00:01:00 "
                + "(60 s), source 00:00:30; data errors 2; waiting for: total latency <= 5 s");
    }

    @Test
    void anOlderAemWithoutTheHealthMembersIsSaidOnceAndNeverPasses() {
        AemException e = fails(await("Old", new HealthConditions(null, false, MAX_5, null, true), Duration.ofSeconds(2)));
        assertThat(e.kind()).isEqualTo(FailureKind.TIMED_OUT);
        assertThat(e.getMessage()).contains("table counts not reported; total latency not reported; data errors not reported");
        assertThat(messages(ProgressEvent.Kind.WARNING)).containsOnlyOnce("AEM's details of the task carry no CDC latency "
                + "(Compose tasks have none; older AEM releases do not send it), so the max latency cannot hold.")
                .containsOnlyOnce("AEM's details of the task carry no table counts (older AEM releases do not send "
                        + "them), so 'no table in error' cannot hold.");
    }

    @Test
    void aLatencyThatIsNotHhMmSsIsSaidOnceAndNeverPasses() {
        AemException e = fails(await("Odd", LATENCY_5, Duration.ofSeconds(2)));
        assertThat(e.kind()).isEqualTo(FailureKind.TIMED_OUT);
        assertThat(e.getMessage()).contains("total latency 'N/A' (not hh:mm:ss)");
        assertThat(messages(ProgressEvent.Kind.WARNING)).containsOnlyOnce("AEM sent the total latency as 'N/A', which is "
                + "not hh:mm:ss; the max latency does not hold while AEM sends it so.");
    }

    @Test
    void aFullLoadIsWaitedForTableByTable() {
        SimFixture.join(fx.client().run(RunRequest.of(new TaskRef("Rep", "Load"))
                .withOption(RunOption.RELOAD_TARGET, null), ProgressListener.NONE));
        fx.sim.journal().clear();
        HealthOutcome out = SimFixture.join(await("Load", new HealthConditions(TaskState.RUNNING, true, null, null, true),
                Duration.ofSeconds(20)));
        assertThat(out.status().tablesCompleted()).isEqualTo(4);
        assertThat(out.status().loadCompleted()).isTrue();
        assertNothingButDetailsWasSent();
    }

    @Test
    void aTableInErrorKeepsTheLoadFromCountingAsCompleted() {
        SimFixture.join(fx.client().run(RunRequest.of(new TaskRef("Rep", "BadTable"))
                .withOption(RunOption.RELOAD_TARGET, null), ProgressListener.NONE));
        AemException e = fails(await("BadTable", new HealthConditions(null, true, null, null, false), Duration.ofSeconds(3)));
        assertThat(e.kind()).isEqualTo(FailureKind.TIMED_OUT);
        assertThat(e.lastStatus().fullLoadCompleted()).isTrue();
        assertThat(e.lastStatus().tablesWithError()).isEqualTo(1);
        assertThat(e.getMessage()).contains("full load completed with tables left, tables 3 completed, 0 loading, 0 queued, "
                + "1 in error").contains("not yet: full load completed.");
        assertThat(messages(ProgressEvent.Kind.WARNING)).containsOnlyOnce("task 'BadTable' on server 'Rep': 1 table is in "
                + "error; a table in error keeps the wait from ending until the table is reloaded or the deadline passes.");
    }

    @Test
    void anUnknownTaskFailsAtOnceWithAemsCode() {
        AemException e = fails(await("Nope", LATENCY_5, Duration.ofSeconds(30)));
        assertThat(e.kind()).isEqualTo(FailureKind.AEM_ERROR);
        assertThat(e.errorCode()).isEqualTo("AEM_TASK_NOT_FOUND");
        assertThat(detailsOf("Nope")).isEqualTo(1);
    }

    @Test
    void anAemNeverReadEndsAtTheDeadlineAsUnreachable() {
        fx.sim.faults().html503(1.0).onlyFor(RequestKind.READ);
        AemException e = fails(await("Steady", LATENCY_5, Duration.ofSeconds(2)));
        assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(e.getMessage()).contains("HTTP 503 without an AEM error code");
        assertThat(messages(ProgressEvent.Kind.RETRY)).isNotEmpty();
    }

    @Test
    void readsThatFailOnTheWayAreReadAgain() {
        fx.sim.faults().html503(0.5).onlyFor(RequestKind.READ);
        HealthOutcome out = SimFixture.join(await("Catching", LATENCY_5, Duration.ofSeconds(30)));
        assertThat(out.status().totalLatency()).isLessThanOrEqualTo(MAX_5);
    }
}
