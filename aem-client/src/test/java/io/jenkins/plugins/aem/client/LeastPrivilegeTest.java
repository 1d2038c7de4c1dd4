package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An account with Operator on its own tasks and nothing above them (aem-api.md section 0, "least privilege"): AEM
 * refuses it GetServerList, GetServerDetails and GetTaskList, and run, stop, wait and status work all the same.
 */
class LeastPrivilegeTest {

    static final String CI_USER = "svc-ci";
    static final String CI_PASSWORD = "ci-Pa55-word";

    static final String SERVER_LIST_NOTICE = "AEM refused GetServerList (UNAUTHORIZED_REQUEST): this account may not "
            + "read it, which is fine for an account that only runs its own tasks. Going on without it: the command "
            + "itself tells whether the server exists and is monitored.";
    static final String TASK_LIST_NOTICE = "AEM refused GetTaskList on server 'Rep' (UNAUTHORIZED_REQUEST): this "
            + "account may not read it, which is fine for an account that only runs its own tasks. Reading the task's "
            + "own details (GetTaskDetails) instead.";
    static final String NO_OPTION = "No run option given and the server's kind is not known; sending none, so AEM decides";

    private SimFixture fx;

    private SimFixture start(int refusalStatus) {
        SimServer rep = SimServer.replicate("Rep");
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            names.add("Job" + i);
            // AEM's own wait (serverWaitCap) ends before the task runs: the client has to poll.
            rep.task(SimTaskSpec.named("Job" + i).startDuration(Duration.ofMillis(600)).stopDuration(Duration.ofMillis(600)));
        }
        rep.task(SimTaskSpec.named("Load").fullLoadOnly(true).startDuration(Duration.ofMillis(100))
                .fullLoadDuration(Duration.ofMillis(800)));
        rep.task(SimTaskSpec.named("Lagging").startDuration(Duration.ofMillis(100)).lag(Duration.ofMillis(700)));
        rep.task(SimTaskSpec.named("NotMine"));
        names.addAll(List.of("Load", "Lagging"));
        fx = new SimFixture(AemSimulator.builder().serverWaitCap(Duration.ofMillis(200)).unauthorizedStatus(refusalStatus)
                .taskOperator(CI_USER, CI_PASSWORD, names.toArray(String[]::new)).server(rep));
        return fx;
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private AemClient ci() {
        return fx.pool.client(ConnectionSettings.builder(fx.sim.baseUrl().toString(),
                Credentials.of(CI_USER, CI_PASSWORD)).build());
    }

    private static long lines(List<ProgressEvent> events, String message) {
        return events.stream().filter(e -> e.message().equals(message)).count();
    }

    private long count(Predicate<JournalEntry> p) {
        return fx.count(p);
    }

    @ParameterizedTest(name = "refused with HTTP {0}")
    @ValueSource(ints = {401, 403, 500})
    void aRunWorksWithRunTaskAndGetTaskDetailsAloneWhateverTheStatusOfTheRefusal(int status) {
        start(status);
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        TaskOutcome out = SimFixture.join(ci().run(RunRequest.of(new TaskRef("Rep", "Job1")), events::add));

        assertThat(out.state()).isEqualTo(TaskState.RUNNING);
        assertThat(lines(events, SERVER_LIST_NOTICE)).isEqualTo(1);
        assertThat(lines(events, NO_OPTION)).isEqualTo(1);
        JournalEntry run = fx.sim.journal().entries().stream().filter(JournalEntry::isRun).findFirst().orElseThrow();
        assertThat(run.query()).as("the server's kind is unknown: no option, AEM decides").doesNotContainKey("option");
        // One wait reads its own task: no list is asked for, so none is refused.
        assertThat(count(JournalEntry::isTaskList)).isZero();
        assertThat(count(JournalEntry::isTaskDetails)).isPositive();
        assertThat(lines(events, TASK_LIST_NOTICE)).isZero();
    }

    @Test
    void aCrowdOfWaitsCollectsOneRefusalNotOnePerPoll() {
        start(403);
        List<List<ProgressEvent>> logs = new ArrayList<>();
        List<CompletableFuture<TaskOutcome>> runs = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            List<ProgressEvent> log = new CopyOnWriteArrayList<>();
            logs.add(log);
            runs.add(ci().run(RunRequest.of(new TaskRef("Rep", "Job" + i)), log::add));
        }
        runs.forEach(r -> assertThat(SimFixture.join(r).state()).isEqualTo(TaskState.RUNNING));

        assertThat(count(JournalEntry::isServerList)).as("GetServerList, remembered as refused").isEqualTo(1);
        assertThat(count(JournalEntry::isTaskList)).as("GetTaskList, remembered as refused").isEqualTo(1);
        assertThat(count(e -> e.isTaskList() && e.status() != 403)).isZero();
        long told = 0;
        for (List<ProgressEvent> log : logs) {
            assertThat(lines(log, SERVER_LIST_NOTICE)).isEqualTo(1);
            assertThat(lines(log, TASK_LIST_NOTICE)).isLessThanOrEqualTo(1);
            told += lines(log, TASK_LIST_NOTICE);
        }
        assertThat(told).as("the waits the refused list served were told").isPositive();

        // A stop crowd afterwards asks for neither list again.
        List<CompletableFuture<TaskOutcome>> stops = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            stops.add(ci().stop(new StopRequest(new TaskRef("Rep", "Job" + i), Duration.ofSeconds(30)), ProgressListener.NONE));
        }
        stops.forEach(s -> assertThat(SimFixture.join(s).state()).isEqualTo(TaskState.STOPPED));
        assertThat(count(JournalEntry::isServerList)).isEqualTo(1);
        assertThat(count(JournalEntry::isTaskList)).isEqualTo(1);
    }

    @Test
    void stopWaitForCompletionStatusAndTheLagRuleWork() {
        start(403);
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        AemClient ci = ci();
        assertThat(SimFixture.join(ci.run(RunRequest.of(new TaskRef("Rep", "Job2")), events::add)).state())
                .isEqualTo(TaskState.RUNNING);
        TaskOutcome stopped = SimFixture.join(ci.stop(new StopRequest(new TaskRef("Rep", "Job2"), Duration.ofSeconds(30)), events::add));
        assertThat(stopped.state()).isEqualTo(TaskState.STOPPED);

        TaskOutcome loaded = SimFixture.join(ci.run(RunRequest.of(new TaskRef("Rep", "Load")).withWaitForCompletion(true), events::add));
        assertThat(loaded.stopReason()).isEqualTo(StopReason.FULL_LOAD_ONLY_FINISHED);

        List<ProgressEvent> lagging = new CopyOnWriteArrayList<>();
        // AEM's own wait runs out with the command carried out: the wait then polls, and the details lag behind.
        fx.sim.task("Rep", "Lagging").spec().runErrorOnce("AEM_RUN_TASK_TIMEOUT");
        TaskOutcome ran = SimFixture.join(ci.run(RunRequest.of(new TaskRef("Rep", "Lagging")), lagging::add));
        assertThat(ran.state()).isEqualTo(TaskState.RUNNING);
        assertThat(lagging).extracting(ProgressEvent::message).contains("AEM still shows STOPPED from before the command; "
                + "AEM may be lagging, waiting up to 2 s for it to catch up.");

        TaskStatus status = SimFixture.join(ci.taskStatus(new TaskRef("Rep", "Job2"), Duration.ofSeconds(10)));
        assertThat(status.state()).isEqualTo(TaskState.STOPPED);
        assertThat(count(e -> e.isTaskList() || e.isServerList() && e.status() == 200)).isZero();
    }

    @Test
    void otherTasksAndListsAreRefusedToTheAccountAsAemDoes() {
        start(403);
        AemException list = org.assertj.core.api.Assertions.catchThrowableOfType(AemException.class,
                () -> SimFixture.join(ci().servers(Duration.ofSeconds(10))));
        assertThat(list.kind()).as("the login passed; the list was refused").isEqualTo(FailureKind.AEM_ERROR);
        assertThat(list.errorCode()).isEqualTo("UNAUTHORIZED_REQUEST");
        AemException other = org.assertj.core.api.Assertions.catchThrowableOfType(AemException.class,
                () -> SimFixture.join(ci().run(RunRequest.of(new TaskRef("Rep", "NotMine")), ProgressListener.NONE)));
        assertThat(other.getMessage()).isEqualTo("AEM refused RunTask: UNAUTHORIZED_REQUEST - Unauthorized Request.");
        assertThat(fx.sim.task("Rep", "NotMine").commands()).allMatch(c -> !c.accepted());
    }
}
