package io.jenkins.plugins.aem.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.aem.AemFixture;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.SimHealthSpec;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A wait survives a controller restart: it goes on to the same deadline and sends nothing twice. */
class AemTaskStepRestartTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private AemFixture aem;

    @BeforeEach
    void setUp() throws Exception {
        aem = AemFixture.start();
        aem.task("Replicate-1", "Slow").spec().startDuration(Duration.ofSeconds(15));
    }

    @AfterEach
    void tearDown() {
        aem.close();
    }

    /**
     * After the restart the resumed build ends and nothing else runs or waits in the queue. (Before the restart the
     * build holds its flyweight executor by design: the harness warns about it when the first session ends.)
     */
    private static void assertNothingLeftRunning(JenkinsRule j) throws Exception {
        j.waitUntilNoActivityUpTo(10_000);
    }

    @Test
    void runResumesAfterRestartWithoutSendingAgain() throws Throwable {
        sessions.then(j -> {
            aem.configure(j.jenkins);
            WorkflowJob job = j.createProject(WorkflowJob.class, "p");
            job.setDefinition(new CpsFlowDefinition("def r = aemRunTask connection: 'sim', server: 'Replicate-1', "
                    + "task: 'Slow', timeout: 120\necho \"after restart: ${r.state}\"", true));
            WorkflowRun b = job.scheduleBuild2(0).waitForStart();
            j.waitForMessage("Sending RunTask", b);
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("Jenkins restarted: waiting again for task 'Slow' on server 'Replicate-1' to be RUNNING", b);
            j.assertLogContains("after restart: RUNNING", b);
            aem.assertNoSecrets("the build log", JenkinsRule.getLog(b));
            assertNothingLeftRunning(j);
        });
        assertEquals(1, aem.journal().count(JournalEntry::isRun), "the run is sent once, before the restart");
    }

    @Test
    void healthWaitResumesAfterRestartToTheSameDeadline() throws Throwable {
        aem.task("Replicate-1", "Orders").setState("RUNNING");
        aem.task("Replicate-1", "Orders").spec().health(SimHealthSpec.create()
                .latencyAt(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(60))
                .latencyAt(Duration.ofSeconds(25), Duration.ofSeconds(1), Duration.ofSeconds(2)));
        sessions.then(j -> {
            aem.configure(j.jenkins);
            WorkflowJob job = j.createProject(WorkflowJob.class, "p");
            job.setDefinition(new CpsFlowDefinition("def h = aemWaitForTask connection: 'sim', server: 'Replicate-1', "
                    + "task: 'Orders', maxLatency: 5, timeout: 300\necho \"healthy after restart: ${h.totalLatencySeconds}\"",
                    true));
            WorkflowRun b = job.scheduleBuild2(0).waitForStart();
            j.waitForMessage("to be healthy", b);
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("Jenkins restarted: waiting again for task 'Orders' on server 'Replicate-1' to be healthy", b);
            j.assertLogContains("healthy after restart: ", b);
            assertNothingLeftRunning(j);
        });
        assertEquals(0, aem.journal().count(e -> e.isRun() || e.isStop()), "a health wait sends no command");
    }

    @Test
    void stopResumesAfterRestart() throws Throwable {
        aem.task("Replicate-1", "Slow").setState("RUNNING");
        aem.task("Replicate-1", "Slow").spec().stopDuration(Duration.ofSeconds(15));
        sessions.then(j -> {
            aem.configure(j.jenkins);
            WorkflowJob job = j.createProject(WorkflowJob.class, "p");
            job.setDefinition(new CpsFlowDefinition("aemStopTask connection: 'sim', server: 'Replicate-1', task: 'Slow', "
                    + "timeout: 120", true));
            WorkflowRun b = job.scheduleBuild2(0).waitForStart();
            j.waitForMessage("Sending StopTask", b);
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("to be STOPPED", b);
            assertNothingLeftRunning(j);
        });
        assertEquals(1, aem.journal().count(JournalEntry::isStop));
    }
}
