package io.jenkins.plugins.aem.builders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.aem.AemFixture;
import io.jenkins.plugins.aem.KeptFiles;
import io.jenkins.plugins.aem.report.AemBuildAction;
import io.jenkins.plugins.aem.report.DeployRecord;
import io.jenkins.plugins.aem.report.StepRecord;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.TransportFault;
import io.jenkins.plugins.aem.steps.AemDeployTaskStep;
import io.jenkins.plugins.aem.steps.EndpointCredentials;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A freestyle build cannot continue after a restart: its deploy stops where it is when Jenkins stops, the build ends,
 * and when Jenkins starts again it takes the deploy up by itself (finishes it or restores the task), recording how on
 * the build's AEM page and in Jenkins' log. A deploy that had changed nothing is not done again.
 */
class AemDeployTaskBuilderRestartTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private AemFixture aem;
    private final RecoveryLog recovery = new RecoveryLog();
    private final List<String> log = recovery.lines();

    @BeforeEach
    void setUp() throws Exception {
        aem = AemFixture.start();
        recovery.start();
    }

    @AfterEach
    void tearDown() {
        recovery.close();
        aem.close();
    }

    /** Orders deployed to Replicate-Prod and running; a freestyle job about to deploy it with a changed endpoint. */
    private void interrupt(Runnable arm, String message) throws Throwable {
        sessions.then(j -> {
            aem.configure(j.jenkins);
            WorkflowJob setup = j.createProject(WorkflowJob.class, "setup");
            setup.setDefinition(new CpsFlowDefinition("node {\n"
                    + "aemExportTask connection: 'sim', server: 'Replicate-1', task: 'Orders', withEndpoints: true, file: 'Orders.json'\n"
                    + "aemDeployTask connection: 'sim', server: 'Replicate-Prod', task: 'Orders', definition: 'Orders.json', "
                    + "endpointCredentials: ['Source-DB': '" + AemFixture.SOURCE_DB_ID + "', 'Target-DB': '"
                    + AemFixture.TARGET_DB_ID + "']\n"
                    + "aemRunTask connection: 'sim', server: 'Replicate-Prod', task: 'Orders'\n}", true));
            j.buildAndAssertSuccess(setup);
            FreeStyleProject fs = j.createFreeStyleProject("fs");
            String file = j.jenkins.getWorkspaceFor(setup).child("Orders.json").readToString();
            j.jenkins.getWorkspaceFor(fs).child("Orders.json").write(file.replace("\"Sales\"", "\"Sales2\""), "UTF-8");
            AemDeployTaskStep step = new AemDeployTaskStep("Replicate-Prod", "Orders", "Orders.json");
            step.setConnection(AemFixture.CONNECTION);
            step.setEndpointCredentials(List.of(new EndpointCredentials("Source-DB", AemFixture.SOURCE_DB_ID),
                    new EndpointCredentials("Target-DB", AemFixture.TARGET_DB_ID)));
            step.setStopIfRunning(true);
            step.setTimeout(300);
            fs.getBuildersList().add(new AemDeployTaskBuilder(step));
            arm.run();
            FreeStyleBuild b = fs.scheduleBuild2(0).waitForStart();
            j.waitForMessage(message, b);
            assertTrue(KeptFiles.keepsADeploy(b));
        });
    }

    /** After the restart: the deploy taken up at startup, its end on the build's page; the build's console as it was. */
    private DeployRecord takenUp(JenkinsRule j, StepRecord.Status expected) throws Exception {
        FreeStyleBuild b = j.jenkins.getItemByFullName("fs", FreeStyleProject.class).getBuildByNumber(1);
        assertFalse(b.isBuilding());
        j.assertLogContains("Jenkins is stopping during the deploy to task 'Orders' on server 'Replicate-Prod': the "
                + "deploy stops where it is. This build ends; when Jenkins starts again it takes the deploy up", b);
        DeployRecord record = (DeployRecord) b.getAction(AemBuildAction.class).getSteps().get(0);
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (record.getStatus() == StepRecord.Status.INTERRUPTED && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertEquals(expected, record.getStatus(), record.getOutcome() + " " + record.getFailure());
        assertFalse(KeptFiles.keepsADeploy(b), "the kept deploy, its encrypted backup with it, is deleted at its end");
        KeptFiles.assertBuildFolderClean(b);
        log.forEach(line -> aem.assertNoSecrets("Jenkins' log", line));
        return record;
    }

    @Test
    void aDeployStoppedAfterItsImportIsFinishedWhenJenkinsStartsAgain() throws Throwable {
        interrupt(() -> aem.simulator().faults().nextTransport(RequestKind.IMPORT, 1, TransportFault.HANG_AFTER_APPLY),
                "Sending ImportTask");
        sessions.then(j -> {
            DeployRecord record = takenUp(j, StepRecord.Status.SUCCESS);
            assertEquals("finished: the import sent before the interruption shows in the task",
                    record.getSingle().getResumed());
            assertEquals("'Source-DB', 'Target-DB'", record.getSingle().getTestedEndpoints());
            assertTrue(log.stream().anyMatch(l -> l.startsWith("Taking up the deploy of fs #1 that Jenkins stopped during")),
                    String.join("\n", log));
            assertTrue(log.stream().anyMatch(l -> l.contains("Resuming the deploy to task 'Orders' on server "
                    + "'Replicate-Prod', interrupted after it sent STOP Orders, IMPORT Orders (unanswered)")));
            assertTrue(log.stream().anyMatch(l -> l.startsWith("The deploy of fs #1 that Jenkins stopped during ended: "
                    + "DEPLOYED")));
            assertTrue(aem.task("Replicate-Prod", "Orders").awaitState("RUNNING", Duration.ofSeconds(10)));
        });
        assertEquals(1, aem.journal().count(e -> e.isImport() && e.body().contains("Sales2")), "never sent twice");
        assertTrue(aem.simulator().repository("Replicate-Prod").definition("Orders").orElseThrow().contains("Sales2"));
    }

    @Test
    void aDeployStoppedBeforeAnyChangeIsNotDoneAgain() throws Throwable {
        interrupt(() -> aem.simulator().faults().nextTransport(RequestKind.EXPORT, 1, TransportFault.HANG),
                "backing its definition up");
        sessions.then(j -> {
            DeployRecord record = takenUp(j, StepRecord.Status.FAILURE);
            assertTrue(record.getFailure().startsWith("AEM: Jenkins stopped before the deploy to task 'Orders' on server "
                    + "'Replicate-Prod' changed anything. The task was not changed, and the deploy is not done again "
                    + "without a build: build again to deploy."), record.getFailure());
            assertEquals("RUNNING", aem.task("Replicate-Prod", "Orders").state());
        });
        assertEquals(0, aem.journal().count(e -> e.isImport() && e.body().contains("Sales2")), "nothing was sent");
        assertFalse(aem.simulator().repository("Replicate-Prod").definition("Orders").orElseThrow().contains("Sales2"));
    }
}
