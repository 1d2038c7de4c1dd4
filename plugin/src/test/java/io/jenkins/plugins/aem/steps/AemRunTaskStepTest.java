package io.jenkins.plugins.aem.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.aem.AemFixture;
import io.jenkins.plugins.aem.AemJenkinsTest;
import io.jenkins.plugins.aem.client.AemErrorCode;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;

/** {@code aemRunTask} in real, sandboxed pipelines against the simulator. */
class AemRunTaskStepTest extends AemJenkinsTest {

    @Test
    void runsTaskThroughGlobalConnectionAndReturnsItsState() throws Exception {
        WorkflowRun b = runPipeline("def r = aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Orders'\n"
                + "echo \"state=${r.state} server=${r.server} task=${r.task} reason=${r.stopReason} secs=${r.elapsedSeconds > 0}\"",
                Result.SUCCESS);
        j.assertLogContains("state=RUNNING server=Replicate-1 task=Orders reason=NONE secs=true", b);
        j.assertLogContains("[AEM] Using connection 'sim' (" + aem.url() + ")", b);
        j.assertLogContains("with the server's default run option", b);
        j.assertLogContains("is RUNNING", b);
        assertEquals("RUNNING", aem.task("Replicate-1", "Orders").state());
        assertEquals(1, aem.journal().count(JournalEntry::isRun));
    }

    @Test
    void runsWithInlineUrlAndSecretTextToken() throws Exception {
        runPipeline("aemRunTask url: '" + aem.url() + "', credentialsId: 'aem-token', server: 'Replicate-1', task: 'Orders', "
                + "option: 'RELOAD_TARGET'", Result.SUCCESS);
        assertEquals("RUNNING", aem.task("Replicate-1", "Orders").state());
        assertTrue(aem.journal().entries().stream().anyMatch(e -> e.isRun() && "RELOAD_TARGET".equals(e.query().get("option"))));
    }

    @Test
    void runsComposeTaskByProject() throws Exception {
        WorkflowRun b = runPipeline("def r = aemRunTask connection: 'sim', server: 'Compose-1', task: 'Load', project: 'DWH'\n"
                + "echo \"task=${r.task}\"", Result.SUCCESS);
        j.assertLogContains("task=Load__DWH", b);
    }

    @Test
    void waitsForFullLoadWhenAsked() throws Exception {
        WorkflowRun b = runPipeline("def r = aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Customers', "
                + "waitForCompletion: true, timeout: 60\necho \"reason=${r.stopReason}\"", Result.SUCCESS);
        j.assertLogContains("reason=FULL_LOAD_ONLY_FINISHED", b);
    }

    @Test
    void taskGoingToErrorFailsTheBuildWithAemsMessage() throws Exception {
        WorkflowRun b = runPipeline("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Broken'", Result.FAILURE);
        j.assertLogContains("Source endpoint unreachable", b);
        j.assertLogNotContains("\tat io.jenkins", b);
    }

    @Test
    void aemErrorFailsTheBuildWithCodeAndRemedy() throws Exception {
        aem.task("Replicate-1", "Orders").spec().runError("AEM_RUN_TASK_NO_SRC");
        WorkflowRun b = runPipeline("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Orders'", Result.FAILURE);
        j.assertLogContains("AEM error code: AEM_RUN_TASK_NO_SRC", b);
        j.assertLogContains("What to do: " + AemErrorCode.AEM_RUN_TASK_NO_SRC.remedy(), b);
        j.assertLogNotContains("\tat io.jenkins", b);
    }

    @Test
    void unknownTaskNamesTheServersTasksProblem() throws Exception {
        WorkflowRun b = runPipeline("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Nope'", Result.FAILURE);
        j.assertLogContains("AEM_TASK_NOT_FOUND", b);
    }

    @Test
    void timeoutFailsTheBuildWithTheLastStateSeen() throws Exception {
        long start = System.nanoTime();
        WorkflowRun b = runPipeline("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Slow', timeout: 3", Result.FAILURE);
        j.assertLogContains("Timed out after", b);
        j.assertLogContains("state seen: STOPPED", b);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 3 + 5, "ended within deadline + 5 s");
    }

    @Test
    void unreachableAemFailsTheBuildSayingSo() throws Exception {
        WorkflowRun b = runPipeline("aemRunTask url: 'http://127.0.0.1:1', credentialsId: 'aem-login', server: 'S', task: 'T', "
                + "timeout: 10", Result.FAILURE);
        j.assertLogContains("127.0.0.1:1", b);
        j.assertLogNotContains("\tat ", b);
    }

    @Test
    void invalidInputIsRefusedBeforeAnythingIsSent() throws Exception {
        WorkflowRun b = runPipeline("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Orders', option: 'FASTEST'",
                Result.FAILURE);
        j.assertLogContains("option: 'FASTEST' is not a run option. Use one of: RESUME_PROCESSING", b);
        b = runPipeline("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Orders', option: 'RESUME_PROCESSING_FROM_TIMESTAMP'",
                Result.FAILURE);
        j.assertLogContains("cdcPosition", b);
        b = runPipeline("aemRunTask connection: 'nope', server: 'Replicate-1', task: 'Orders'", Result.FAILURE);
        j.assertLogContains("connection: 'nope' is not an AEM connection of this controller (known: 'sim')", b);
        b = runPipeline("aemRunTask server: 'Replicate-1', task: 'Orders'", Result.FAILURE);
        j.assertLogContains("connection: is missing", b);
        b = runPipeline("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Orders', timeout: 0", Result.FAILURE);
        j.assertLogContains("timeout: must be at least 1 second", b);
        b = runPipeline("aemRunTask url: '" + aem.url() + "', credentialsId: 'missing', server: 'Replicate-1', task: 'Orders'",
                Result.FAILURE);
        j.assertLogContains("credentialsId: 'missing' is not a credential this build can use", b);
        b = runPipeline("aemRunTask connection: 'sim', url: '" + aem.url() + "', server: 'Replicate-1', task: 'Orders'",
                Result.FAILURE);
        j.assertLogContains("connection: was given together with url", b);
        assertEquals(0, aem.journal().entries().size(), "nothing may reach AEM for input errors");
    }

    @Test
    void credentialsGivenWithAConnectionReplaceItsLogin() throws Exception {
        aem.configureCiAccount(j.jenkins);
        WorkflowRun b = runPipeline("def r = aemRunTask connection: 'sim', credentialsId: '" + AemFixture.CI_LOGIN_ID
                + "', server: 'Replicate-1', task: 'Orders'\necho \"state=${r.state}\"", Result.SUCCESS);
        j.assertLogContains("[AEM] Using connection 'sim' (" + aem.url() + "), logging in with credentials '"
                + AemFixture.CI_LOGIN_ID + "'", b);
        j.assertLogContains("state=RUNNING", b);
        assertEquals(List.of(AemFixture.CI_USER), aem.journal().entries().stream().filter(JournalEntry::isLogin)
                .map(JournalEntry::user).distinct().toList(), "only the step's credentials logged in");
    }

    @Test
    void abortEndsTheWaitAtOnceAndLeavesTheTask() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Slow', timeout: 120", true));
        WorkflowRun b = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Sending RunTask", b);
        long start = System.nanoTime();
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5_000, "aborted promptly");
        j.assertLogContains("The task itself was left as AEM has it", b);
        assertEquals(0, aem.journal().count(JournalEntry::isStop));
    }

    @Test
    void abortStopsTheTaskWhenAsked() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Slow', "
                + "timeout: 120, stopTaskOnAbort: true", true));
        WorkflowRun b = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Sending RunTask", b);
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        j.assertLogContains("A stop is being sent because stopTaskOnAbort is set", b);
        assertEquals(1, aem.journal().count(JournalEntry::isStop));
        assertEquals("STOPPED", aem.task("Replicate-1", "Slow").state());
    }

    @Test
    void snippetGeneratorWritesOnlyWhatWasGiven() throws Exception {
        AemRunTaskStep step = new AemRunTaskStep("Replicate-1", "Orders");
        step.setConnection("sim");
        step.setOption("RESUME_PROCESSING_FROM_TIMESTAMP");
        step.setCdcPosition("2026-11-01T00:00:00");
        assertEquals("aemRunTask cdcPosition: '2026-11-01T00:00:00', connection: 'sim', "
                + "option: 'RESUME_PROCESSING_FROM_TIMESTAMP', server: 'Replicate-1', task: 'Orders'", Snippetizer.object2Groovy(step));
        j.assertEqualDataBoundBeans(step, step.getDescriptor().newInstance(step.getDescriptor().defineArguments(step)));
    }
}
