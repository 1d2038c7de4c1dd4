package io.jenkins.plugins.aem.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.aem.AemJenkinsTest;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.SimHealthSpec;
import java.time.Duration;
import java.time.Instant;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** {@code aemWaitForTask}: a release held until the task is healthy, without a command sent to it. */
class AemWaitForTaskStepTest extends AemJenkinsTest {

    private static final String WAIT = "aemWaitForTask connection: 'sim', server: 'Replicate-1', task: 'Orders', ";

    private void latencyFalling(Duration from, Duration over) {
        aem.task("Replicate-1", "Orders").spec().health(SimHealthSpec.create()
                .latencyFalling(from, Duration.ofSeconds(1), over));
    }

    @Test
    void holdsTheReleaseUntilTheLatencyStaysLowAndSendsNoCommand() throws Exception {
        latencyFalling(Duration.ofSeconds(60), Duration.ofSeconds(4));
        WorkflowRun b = runPipeline("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Orders'\n"
                + "def h = " + WAIT + "maxLatency: 5, latencyHeldFor: 2, noTableErrors: true, timeout: 60\n"
                + "echo \"latency=${h.totalLatencySeconds} state=${h.state} conditions=${h.conditions}\"", Result.SUCCESS);
        String log = JenkinsRule.getLog(b);
        assertTrue(log.matches("(?s).*latency=[0-5] state=RUNNING conditions=total latency <= 5 s for 2 s, "
                + "no table in error.*"), log);
        j.assertLogContains("sends no command", b);
        assertEquals(1, aem.journal().count(JournalEntry::isRun), "only aemRunTask sent a command");
        assertEquals(0, aem.journal().count(JournalEntry::isStop));
        // A line only when a value changed, and at most one per read of the task's details.
        long progress = log.lines().filter(l -> l.contains("[AEM]") && l.contains("; waiting for: ")).count();
        assertTrue(progress <= aem.journal().count(JournalEntry::isTaskDetails), log);
    }

    @Test
    void failsAtOnceWhenTheTaskGoesToErrorWithAemsMessage() throws Exception {
        aem.task("Replicate-1", "Orders").spec().recovery(Duration.ofSeconds(1), Duration.ofMillis(500))
                .recoveryEndsInError(true).recoveryMessage("Lost the connection to the source database");
        Instant start = Instant.now();
        WorkflowRun b = runPipeline("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Orders'\n"
                + WAIT + "maxLatency: 0, timeout: 120", Result.FAILURE);
        j.assertLogContains("Lost the connection to the source database", b);
        j.assertLogNotContains("\tat ", b);
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 60, "failed long before the timeout");
    }

    @Test
    void failsWhenATaskSeenRunningStops() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Orders'\n"
                + WAIT + "maxLatency: 0, timeout: 120", true));
        WorkflowRun b = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("to be healthy", b);
        Thread.sleep(1_500);
        aem.task("Replicate-1", "Orders").setState("STOPPED", "NORMAL", "");
        j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(b));
        j.assertLogContains("The task stopped while the wait needed it running", b);
        aem.assertNoSecrets("the build log", JenkinsRule.getLog(b));
    }

    @Test
    void timesOutWithTheLastValuesSeen() throws Exception {
        WorkflowRun b = runPipeline("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Orders'\n"
                + WAIT + "maxLatency: 0, timeout: 4", Result.FAILURE);
        j.assertLogContains("Timed out after", b);
        j.assertLogContains("total latency 00:00:02 (2 s)", b);
    }

    @Test
    void abortEndsTheWaitAtOnceAndSendsNothing() throws Exception {
        aem.task("Replicate-1", "Orders").setState("RUNNING");
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(WAIT + "maxLatency: 0, timeout: 300", true));
        WorkflowRun b = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("to be healthy", b);
        long start = System.nanoTime();
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5_000, "aborted promptly");
        j.assertLogContains("This wait sends no command, so the task is as AEM has it", b);
        assertEquals(0, aem.journal().count(e -> e.isRun() || e.isStop()));
    }

    @Test
    void conditionsThatCannotHoldAreRefusedBeforeAnythingIsSent() throws Exception {
        WorkflowRun b = runPipeline(WAIT + "state: 'STOPPED', maxLatency: 5", Result.FAILURE);
        j.assertLogContains("max latency: cannot be combined with state STOPPED", b);
        b = runPipeline(WAIT + "latencyHeldFor: 30", Result.FAILURE);
        j.assertLogContains("latency hold: was given without a max latency", b);
        b = runPipeline(WAIT + "state: 'ERROR'", Result.FAILURE);
        j.assertLogContains("is not a state to wait for", b);
        assertEquals(0, aem.journal().entries().size(), "nothing may reach AEM for input errors");
    }

    @Test
    void snippetGeneratorWritesOnlyWhatWasGiven() throws Exception {
        AemWaitForTaskStep step = new AemWaitForTaskStep("Replicate-1", "Orders");
        step.setConnection("sim");
        step.setMaxLatency(5);
        step.setLatencyHeldFor(60);
        step.setFullLoadCompleted(true);
        step.setTimeout(3600);
        assertEquals("aemWaitForTask connection: 'sim', fullLoadCompleted: true, latencyHeldFor: 60, maxLatency: 5, "
                + "server: 'Replicate-1', task: 'Orders', timeout: 3600", Snippetizer.object2Groovy(step));
        j.assertEqualDataBoundBeans(step, step.getDescriptor().newInstance(step.getDescriptor().defineArguments(step)));
    }
}
