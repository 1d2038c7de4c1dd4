package io.jenkins.plugins.aem.builders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
import io.jenkins.plugins.aem.AemJenkinsTest;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.steps.AemRunTaskStep;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The freestyle "Run a Qlik Enterprise Manager task" build step. */
class AemRunTaskBuilderTest extends AemJenkinsTest {

    private FreeStyleProject project(AemRunTaskStep step) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new AemRunTaskBuilder(step));
        return p;
    }

    @Test
    void runsTaskWithBuildVariablesExpanded() throws Exception {
        AemRunTaskStep step = new AemRunTaskStep("Replicate-1", "${TASK}");
        step.setConnection("sim");
        FreeStyleProject p = project(step);
        p.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("TASK", "Orders")));
        FreeStyleBuild b = j.assertBuildStatusSuccess(p.scheduleBuild2(0, new ParametersAction(new StringParameterValue("TASK", "Orders"))));
        j.assertLogContains("task 'Orders' on server 'Replicate-1' is RUNNING", b);
        assertEquals("RUNNING", aem.task("Replicate-1", "Orders").state());
        aem.assertNoSecrets("the build log", JenkinsRule.getLog(b));
    }

    @Test
    void failureNamesCodeAndRemedyWithoutStackTrace() throws Exception {
        aem.task("Replicate-1", "Orders").spec().runError("AEM_RUN_TASK_NO_SRC");
        AemRunTaskStep step = new AemRunTaskStep("Replicate-1", "Orders");
        step.setConnection("sim");
        FreeStyleBuild b = j.assertBuildStatus(Result.FAILURE, project(step).scheduleBuild2(0));
        j.assertLogContains("AEM error code: AEM_RUN_TASK_NO_SRC", b);
        j.assertLogNotContains("\tat ", b);
    }

    @Test
    void abortEndsTheBuildWithinASecond() throws Exception {
        AemRunTaskStep step = new AemRunTaskStep("Replicate-1", "Slow");
        step.setConnection("sim");
        step.setTimeout(120);
        FreeStyleBuild b = project(step).scheduleBuild2(0).waitForStart();
        j.waitForMessage("Sending RunTask", b);
        long start = System.nanoTime();
        b.getExecutor().interrupt();
        j.waitForMessage("The task itself was left as AEM has it", b);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1_000, "the step reacted within a second");
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertEquals(0, aem.journal().count(JournalEntry::isStop));
    }

    @Test
    void configurationRoundTripsThroughTheForm() throws Exception {
        AemRunTaskStep step = new AemRunTaskStep("Replicate-1", "Orders");
        step.setConnection("sim");
        step.setOption("RESUME_PROCESSING_FROM_TIMESTAMP");
        step.setCdcPosition("2026-11-01T00:00:00");
        step.setWaitForCompletion(true);
        step.setStopTaskOnAbort(true);
        step.setTimeout(900);
        FreeStyleProject p = project(step);
        j.configRoundtrip(p);
        j.assertEqualDataBoundBeans(step, p.getBuildersList().get(AemRunTaskBuilder.class).getStep());
    }

    /** A job saved when the build step kept its own fields (before it held its step) loads, runs, and saves anew. */
    @Test
    void aJobSavedByTheEarlierFormLoadsRunsAndIsSavedInTheCurrentOne() throws Exception {
        String xml = """
                <?xml version='1.1' encoding='UTF-8'?>
                <project>
                  <builders>
                    <io.jenkins.plugins.aem.builders.AemRunTaskBuilder>
                      <server>Replicate-1</server>
                      <task>Orders</task>
                      <connection>sim</connection>
                      <timeout>90</timeout>
                      <option>RESUME_PROCESSING</option>
                      <waitForCompletion>false</waitForCompletion>
                      <stopTaskOnAbort>true</stopTaskOnAbort>
                    </io.jenkins.plugins.aem.builders.AemRunTaskBuilder>
                  </builders>
                </project>
                """;
        FreeStyleProject p = (FreeStyleProject) j.jenkins.createProjectFromXML("saved-earlier",
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        AemRunTaskStep expected = new AemRunTaskStep("Replicate-1", "Orders");
        expected.setConnection("sim");
        expected.setTimeout(90);
        expected.setOption("RESUME_PROCESSING");
        expected.setStopTaskOnAbort(true);
        j.assertEqualDataBoundBeans(expected, p.getBuildersList().get(AemRunTaskBuilder.class).getStep());

        FreeStyleBuild b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        j.assertLogContains("task 'Orders' on server 'Replicate-1' is RUNNING", b);

        p.save();
        String saved = p.getConfigFile().asString();
        assertTrue(saved.contains("<step class=\"io.jenkins.plugins.aem.steps.AemRunTaskStep\">"), saved);
        assertEquals(1, saved.split("<server>", -1).length - 1, saved);
    }
}
