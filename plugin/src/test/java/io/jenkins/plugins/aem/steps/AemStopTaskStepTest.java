package io.jenkins.plugins.aem.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.Result;
import io.jenkins.plugins.aem.AemJenkinsTest;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;

/** {@code aemStopTask} in real, sandboxed pipelines against the simulator. */
class AemStopTaskStepTest extends AemJenkinsTest {

    @Test
    void stopsARunningTaskAndReturnsItsState() throws Exception {
        aem.task("Replicate-1", "Orders").setState("RUNNING");
        WorkflowRun b = runPipeline("def r = aemStopTask connection: 'sim', server: 'Replicate-1', task: 'Orders'\n"
                + "echo \"state=${r.state} reason=${r.stopReason}\"", Result.SUCCESS);
        j.assertLogContains("state=STOPPED reason=NORMAL", b);
        j.assertLogContains("Stopping task 'Orders' on server 'Replicate-1'", b);
        assertEquals(1, aem.journal().count(JournalEntry::isStop));
    }

    @Test
    void stopAndRunTogetherInOnePipeline() throws Exception {
        WorkflowRun b = runPipeline("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Orders'\n"
                + "def r = aemStopTask connection: 'sim', server: 'Replicate-1', task: 'Orders'\n"
                + "echo \"final=${r.state}\"", Result.SUCCESS);
        j.assertLogContains("final=STOPPED", b);
        assertEquals(1, aem.journal().count(JournalEntry::isLogin), "one session serves both steps");
    }

    @Test
    void aemErrorOnStopFailsTheBuild() throws Exception {
        aem.task("Replicate-1", "Orders").setState("RUNNING");
        aem.task("Replicate-1", "Orders").spec().stopError("AEM_STOP_TASK_INNER_ERR");
        WorkflowRun b = runPipeline("aemStopTask connection: 'sim', server: 'Replicate-1', task: 'Orders'", Result.FAILURE);
        j.assertLogContains("AEM error code: AEM_STOP_TASK_INNER_ERR", b);
    }

    @Test
    void snippetGeneratorWritesOnlyWhatWasGiven() throws Exception {
        AemStopTaskStep step = new AemStopTaskStep("Compose-1", "Load");
        step.setProject("DWH");
        step.setUrl("https://aem.example.com");
        step.setCredentialsId("aem-login");
        step.setTimeout(300);
        assertEquals("aemStopTask credentialsId: 'aem-login', project: 'DWH', "
                + "server: 'Compose-1', task: 'Load', timeout: 300, url: 'https://aem.example.com'", Snippetizer.object2Groovy(step));
        j.assertEqualDataBoundBeans(step, step.getDescriptor().newInstance(step.getDescriptor().defineArguments(step)));
    }
}
