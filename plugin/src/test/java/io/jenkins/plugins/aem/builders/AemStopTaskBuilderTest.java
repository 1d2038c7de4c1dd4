package io.jenkins.plugins.aem.builders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.aem.AemFixture;
import io.jenkins.plugins.aem.AemJenkinsTest;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.steps.AemStopTaskStep;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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

    /** A job saved when the build step kept its own fields (before it held its step) loads and runs. */
    @Test
    void aJobSavedByTheEarlierFormLoadsAndRuns() throws Exception {
        aem.task("Replicate-1", "Orders").setState("RUNNING");
        String xml = """
                <?xml version='1.1' encoding='UTF-8'?>
                <project>
                  <builders>
                    <io.jenkins.plugins.aem.builders.AemStopTaskBuilder>
                      <server>Replicate-1</server>
                      <task>Orders</task>
                      <connection>sim</connection>
                    </io.jenkins.plugins.aem.builders.AemStopTaskBuilder>
                  </builders>
                </project>
                """;
        FreeStyleProject p = (FreeStyleProject) j.jenkins.createProjectFromXML("saved-earlier",
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        AemStopTaskStep expected = new AemStopTaskStep("Replicate-1", "Orders");
        expected.setConnection("sim");
        j.assertEqualDataBoundBeans(expected, p.getBuildersList().get(AemStopTaskBuilder.class).getStep());
        j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        assertEquals("STOPPED", aem.task("Replicate-1", "Orders").state());
    }
}
