package io.jenkins.plugins.aem.builders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.aem.AemJenkinsTest;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.steps.AemWaitForTaskStep;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The freestyle "Wait until a Qlik Enterprise Manager task is healthy" build step. */
class AemWaitForTaskBuilderTest extends AemJenkinsTest {

    private FreeStyleBuild build(AemWaitForTaskStep step, Result expected) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new AemWaitForTaskBuilder(step));
        FreeStyleBuild b = j.assertBuildStatus(expected, p.scheduleBuild2(0));
        aem.assertNoSecrets("the build log", JenkinsRule.getLog(b));
        return b;
    }

    @Test
    void passesWhenTheTaskIsHealthyAndSendsNoCommand() throws Exception {
        aem.task("Replicate-1", "Orders").setState("RUNNING");
        AemWaitForTaskStep step = new AemWaitForTaskStep("Replicate-1", "Orders");
        step.setConnection("sim");
        step.setMaxLatency(5);
        FreeStyleBuild b = build(step, Result.SUCCESS);
        j.assertLogContains("is healthy after", b);
        assertEquals(0, aem.journal().count(e -> e.isRun() || e.isStop()));
    }

    @Test
    void failsWithTheLastValuesWhenTheTimeoutPasses() throws Exception {
        aem.task("Replicate-1", "Orders").setState("RUNNING");
        AemWaitForTaskStep step = new AemWaitForTaskStep("Replicate-1", "Orders");
        step.setConnection("sim");
        step.setMaxLatency(0);
        step.setTimeout(3);
        FreeStyleBuild b = build(step, Result.FAILURE);
        j.assertLogContains("Timed out after", b);
        j.assertLogNotContains("\tat ", b);
        assertEquals(0, aem.journal().count(JournalEntry::isRun));
    }

    @Test
    void configurationRoundTripsThroughTheForm() throws Exception {
        AemWaitForTaskStep step = new AemWaitForTaskStep("Replicate-1", "Orders");
        step.setConnection("sim");
        step.setState("RUNNING");
        step.setFullLoadCompleted(true);
        step.setMaxLatency(5);
        step.setLatencyHeldFor(60);
        step.setNoTableErrors(true);
        step.setTimeout(3600);
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new AemWaitForTaskBuilder(step));
        j.configRoundtrip(p);
        j.assertEqualDataBoundBeans(step, p.getBuildersList().get(AemWaitForTaskBuilder.class).getStep());
    }
}
