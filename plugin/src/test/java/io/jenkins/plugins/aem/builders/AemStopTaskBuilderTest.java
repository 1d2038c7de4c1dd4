package io.jenkins.plugins.aem.builders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.aem.AemFixture;
import io.jenkins.plugins.aem.AemJenkinsTest;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.steps.AemStopTaskStep;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The freestyle "Stop a Qlik Enterprise Manager task" build step. */
class AemStopTaskBuilderTest extends AemJenkinsTest {

    @Test
    void stopsTaskThroughInlineUrl() throws Exception {
        aem.task("Replicate-1", "Orders").setState("RUNNING");
        AemStopTaskStep step = new AemStopTaskStep("Replicate-1", "Orders");
        step.setUrl(aem.url());
        step.setCredentialsId(AemFixture.LOGIN_ID);
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new AemStopTaskBuilder(step));
        FreeStyleBuild b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        j.assertLogContains("is STOPPED", b);
        assertEquals(1, aem.journal().count(JournalEntry::isStop));
        aem.assertNoSecrets("the build log", JenkinsRule.getLog(b));
    }

    @Test
    void timeoutFailsWithTheLastStateSeen() throws Exception {
        aem.task("Replicate-1", "Slow").setState("RUNNING");
        aem.task("Replicate-1", "Slow").spec().stopDuration(java.time.Duration.ofSeconds(60));
        AemStopTaskStep step = new AemStopTaskStep("Replicate-1", "Slow");
        step.setConnection("sim");
        step.setTimeout(3);
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new AemStopTaskBuilder(step));
        FreeStyleBuild b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("state seen: RUNNING", b);
    }

    @Test
    void configurationRoundTripsThroughTheForm() throws Exception {
        AemStopTaskStep step = new AemStopTaskStep("Compose-1", "Load");
        step.setUrl("https://aem.example.com");
        step.setCredentialsId(AemFixture.LOGIN_ID);
        step.setProject("DWH");
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new AemStopTaskBuilder(step));
        j.configRoundtrip(p);
        j.assertEqualDataBoundBeans(step, p.getBuildersList().get(AemStopTaskBuilder.class).getStep());
    }
}
