package io.jenkins.plugins.aem.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.aem.AemFixture;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** The AEM page of a build reads the same after a controller restart, and a step that resumes goes on with its record. */
class AemPageRestartTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private AemFixture aem;

    @BeforeEach
    void setUp() throws Exception {
        aem = AemFixture.start();
        aem.task("Replicate-1", "Slow").spec().startDuration(Duration.ofSeconds(12));
    }

    @AfterEach
    void tearDown() {
        aem.close();
    }

    @Test
    void aFinishedBuildsPagesReadTheSameAndAResumedStepGoesOnWithItsRecord() throws Throwable {
        String[] before = new String[3];
        sessions.then(j -> {
            aem.configure(j.jenkins);
            WorkflowJob done = j.createProject(WorkflowJob.class, "done");
            done.setDefinition(new CpsFlowDefinition("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Orders'\n"
                    + "aemWaitForTask connection: 'sim', server: 'Replicate-1', task: 'Orders', maxLatency: 5\n"
                    + "node {\n" + AemBuildPageTest.EXPORT + AemBuildPageTest.deploy(", dryRun: true") + "}", true));
            WorkflowRun finished = j.buildAndAssertSuccess(done);
            before[0] = BuildPages.text(j, finished, "aem/");
            before[1] = BuildPages.text(j, finished, "aem/step/2/");
            before[2] = BuildPages.text(j, finished, "aem/step/4/");
            WorkflowJob waiting = j.createProject(WorkflowJob.class, "waiting");
            waiting.setDefinition(new CpsFlowDefinition("aemTaskStatus connection: 'sim', server: 'Replicate-1', task: 'Orders'\n"
                    + "aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Slow', timeout: 120", true));
            WorkflowRun b = waiting.scheduleBuild2(0).waitForStart();
            j.waitForMessage("Sending RunTask", b);
        });
        sessions.then(j -> {
            WorkflowRun finished = j.jenkins.getItemByFullName("done", WorkflowJob.class).getBuildByNumber(1);
            assertEquals(before[0], BuildPages.text(j, finished, "aem/"));
            assertEquals(before[1], BuildPages.text(j, finished, "aem/step/2/"), "the health wait's chart and values");
            assertEquals(before[2], BuildPages.text(j, finished, "aem/step/4/"), "the dry run's plan and diff");

            WorkflowRun b = j.jenkins.getItemByFullName("waiting", WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            List<StepRecord> steps = b.getAction(AemBuildAction.class).getSteps();
            assertEquals(List.of("status", "run"), steps.stream().map(StepRecord::getKind).toList());
            assertEquals(StepRecord.Status.SUCCESS, steps.get(1).getStatus());
            String run = BuildPages.text(j, b, "aem/step/2/");
            assertTrue(run.contains("RUNNING after"), run);
            assertTrue(((CommandRecord) steps.get(1)).getStates().stream().anyMatch(s -> s.text().equals("RUNNING")));
            aem.assertNoSecrets(StepRecords.FILE_NAME, Files.readString(new File(b.getRootDir(), StepRecords.FILE_NAME).toPath()));
        });
        assertEquals(1, aem.journal().count(e -> e.isRun() && e.path().endsWith("/Slow")), "the run is sent once");
    }
}
