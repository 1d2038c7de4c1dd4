package io.jenkins.plugins.aem.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.Result;
import io.jenkins.plugins.aem.AemFixture;
import io.jenkins.plugins.aem.AemJenkinsTest;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.SimHealthSpec;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;

/** {@code aemTaskStatus}: the state and health of a task, read without commanding it. */
class AemTaskStatusStepTest extends AemJenkinsTest {

    @Test
    void returnsEveryHealthValueAndSendsNoCommand() throws Exception {
        aem.task("Replicate-1", "Orders").spec().tables(4).health(SimHealthSpec.create()
                .latencyAt(Duration.ZERO, Duration.ofSeconds(65), Duration.ofSeconds(130)).failingTable(1)
                .dataErrorsAt(Duration.ZERO, 3));
        WorkflowRun b = runPipeline("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Orders'\n"
                + "def s = aemTaskStatus connection: 'sim', server: 'Replicate-1', task: 'Orders'\n"
                + "echo \"state=${s.state} total=${s.totalLatency} (${s.totalLatencySeconds} s) source=${s.sourceLatency} "
                + "errors=${s.dataErrors} server=${s.server} task=${s.task}\"", Result.SUCCESS);
        j.assertLogContains("state=RUNNING total=00:02:10 (130 s) source=00:01:05 errors=3 server=Replicate-1 task=Orders", b);
        j.assertLogContains("[AEM] task 'Orders' on server 'Replicate-1': RUNNING; ", b);
        assertEquals(1, aem.journal().count(JournalEntry::isRun), "only aemRunTask sent a command");
        assertEquals(0, aem.journal().count(JournalEntry::isStop));
    }

    @Test
    void valuesAemDoesNotSendAreNull() throws Exception {
        aem.task("Replicate-1", "Orders").spec().health(SimHealthSpec.create()
                .omit(SimHealthSpec.HealthField.CDC_LATENCY, SimHealthSpec.HealthField.FULL_LOAD_COUNTERS));
        WorkflowRun b = runPipeline("def s = aemTaskStatus connection: 'sim', server: 'Replicate-1', task: 'Orders'\n"
                + "echo \"latency=${s.totalLatency} seconds=${s.totalLatencySeconds} tables=${s.tablesWithError} "
                + "state=${s.state}\"", Result.SUCCESS);
        j.assertLogContains("latency=null seconds=null tables=null state=STOPPED", b);
    }

    @Test
    void anOperatorOnTheTaskAloneMayReadIt() throws Exception {
        aem.configureCiAccount(j.jenkins);
        WorkflowRun b = runPipeline("def s = aemTaskStatus connection: '" + AemFixture.CI_CONNECTION
                + "', server: 'Replicate-1', task: 'Orders'\necho \"state=${s.state}\"", Result.SUCCESS);
        j.assertLogContains("state=STOPPED", b);
        assertEquals(0, aem.journal().count(JournalEntry::isServerList), "a status read needs no server list");
    }

    @Test
    void anUnknownTaskFailsWithAemsCode() throws Exception {
        WorkflowRun b = runPipeline("aemTaskStatus connection: 'sim', server: 'Replicate-1', task: 'Nope'", Result.FAILURE);
        j.assertLogContains("AEM error code: AEM_TASK_NOT_FOUND", b);
        j.assertLogNotContains("\tat ", b);
    }

    @Test
    void snippetGeneratorWritesOnlyWhatWasGiven() throws Exception {
        AemTaskStatusStep step = new AemTaskStatusStep("Replicate-1", "Orders");
        step.setConnection("sim");
        assertEquals("aemTaskStatus connection: 'sim', server: 'Replicate-1', task: 'Orders'", Snippetizer.object2Groovy(step));
    }
}
