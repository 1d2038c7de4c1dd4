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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Servers with many tasks (aem-api.md section 0, "list size"): a wait reads only what it needs, and a GetTaskList
 * larger than the reads it would replace never fails a wait.
 */
class LargeServerTest {

    private static final int WAITS = 6;

    private final SimFixture fx;

    LargeServerTest() {
        // 900 tasks in error with 1.5 KB messages: a GetTaskList of about 1.5 MB, past the 1 MiB any answer may have.
        SimServer big = SimServer.replicate("Big").fillerTasks(900, 1500);
        SimServer small = SimServer.replicate("Small");
        for (int i = 1; i <= WAITS; i++) {
            big.task(spec("B" + i));
            small.task(spec("S" + i));
        }
        fx = new SimFixture(AemSimulator.builder().serverWaitCap(Duration.ofMillis(100)).server(big).server(small));
    }

    /** Starts after AEM's own wait: the client polls. */
    private static SimTaskSpec spec(String name) {
        return SimTaskSpec.named(name).startDuration(Duration.ofMillis(800));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<TaskOutcome> runAll(String server, String prefix, int n) {
        List<CompletableFuture<TaskOutcome>> runs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            runs.add(fx.client().run(RunRequest.of(new TaskRef(server, prefix + i)), fx.listener()));
        }
        return runs.stream().map(SimFixture::join).toList();
    }

    private long lists(String server) {
        return fx.count(e -> e.isTaskList() && e.path().endsWith("/servers/" + server + "/tasks"));
    }

    @Test
    void oneWaitReadsItsOwnTaskOnly() {
        assertThat(runAll("Big", "B", 1)).allMatch(o -> o.state() == TaskState.RUNNING);
        assertThat(lists("Big")).isZero();
        assertThat(fx.count(JournalEntry::isTaskDetails)).isPositive();
    }

    @Test
    void waitsOnAServerWhoseListIsTooLargeReadTheirDetailsAndSucceed() {
        assertThat(runAll("Big", "B", WAITS)).allMatch(o -> o.state() == TaskState.RUNNING);
        // The list is tried at most once per budget (more waits, a larger budget), broken off at it, and never
        // again once it is known to be larger: every wait reads its own task's details instead. (How many times each
        // polls depends on how soon its task runs on a loaded machine, so only "each at least once" is asserted.)
        assertThat(lists("Big")).isLessThanOrEqualTo(WAITS - 1);
        assertThat(fx.sim.journal().entries().stream().filter(JournalEntry::isTaskDetails).map(JournalEntry::path)
                .distinct().count()).isEqualTo(WAITS);
        assertThat(fx.events).noneMatch(e -> e.kind() == ProgressEvent.Kind.RETRY);
    }

    @Test
    void waitsOnASmallServerShareOneList() {
        assertThat(runAll("Small", "S", WAITS)).allMatch(o -> o.state() == TaskState.RUNNING);
        long lists = lists("Small");
        long details = fx.count(JournalEntry::isTaskDetails);
        assertThat(lists).isPositive();
        assertThat(details).as("shared reads replace the waits' own").isLessThan(lists * WAITS);
    }

    @Test
    void theRuleWeighsTheListAgainstOneDetailsReadPerWait() {
        ListRule rule = ListRule.DEFAULT;
        assertThat(rule.useList(1, 100)).as("a single wait reads its own task").isFalse();
        assertThat(rule.useList(2, -1)).as("a list of unknown size is tried").isTrue();
        assertThat(rule.budget(10)).isEqualTo(20_480);
        assertThat(rule.useList(10, 20_480)).isTrue();
        assertThat(rule.useList(10, 20_481)).isFalse();
        assertThat(rule.budget(100_000)).as("never past the cap").isEqualTo(CappedBodyConsumer.MAX_BODY);
        assertThat(rule.useList(100_000, CappedBodyConsumer.MAX_BODY + 1L)).isFalse();
    }
}
