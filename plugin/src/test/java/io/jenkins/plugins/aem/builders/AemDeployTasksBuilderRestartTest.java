package io.jenkins.plugins.aem.builders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.FilePath;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.aem.AemFixture;
import io.jenkins.plugins.aem.KeptFiles;
import io.jenkins.plugins.aem.report.AemBuildAction;
import io.jenkins.plugins.aem.report.DeployRecord;
import io.jenkins.plugins.aem.report.StepRecord;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.TransportFault;
import io.jenkins.plugins.aem.steps.AemDeployTasksStep;
import io.jenkins.plugins.aem.steps.EndpointCredentials;
import io.jenkins.plugins.aem.steps.ReleaseFolders;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A freestyle release of a folder that Jenkins stopped during: the build ends, and when Jenkins starts again it takes
 * the release up by itself in the build's workspace, finishing the task it was deploying without sending its import
 * again and deploying the task it had not reached, and records how on the build's AEM page and in Jenkins' log.
 */
class AemDeployTasksBuilderRestartTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private AemFixture aem;
    private final RecoveryLog recovery = new RecoveryLog();

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

    private long importsOf(String task) {
        return aem.journal().count(e -> e.isImport() && e.path().endsWith("/" + task)
                && e.body().replace(" ", "").contains("\"parallel_load_threads\":8"));
    }

    @Test
    void aReleaseStoppedAfterAnImportIsFinishedWhenJenkinsStartsAgain() throws Throwable {
        sessions.then(j -> {
            aem.configure(j.jenkins);
            WorkflowJob setup = j.createProject(WorkflowJob.class, "setup");
            setup.setDefinition(new CpsFlowDefinition("node {\n" + ReleaseFolders.EXPORT + ReleaseFolders.VALUES
                    + "aemDeployTasks connection: 'sim', server: 'Replicate-Prod', dir: 'release', valuesFile: "
                    + "'env/prod.values', endpointCredentials: ['Source-DB': '" + AemFixture.SOURCE_DB_ID + "', "
                    + "'Target-DB': '" + AemFixture.TARGET_DB_ID + "']\n"
                    + "aemRunTask connection: 'sim', server: 'Replicate-Prod', task: 'Customers'\n}", true));
            j.buildAndAssertSuccess(setup);
            FreeStyleProject fs = j.createFreeStyleProject("fs");
            FilePath from = j.jenkins.getWorkspaceFor(setup);
            FilePath to = j.jenkins.getWorkspaceFor(fs);
            from.copyRecursiveTo("release/**,env/**", to);
            for (String task : List.of("Orders", "Customers")) {
                FilePath file = to.child("release/tasks/" + task + ".json");
                file.write(file.readToString().replace("\"parallel_load_threads\": 4", "\"parallel_load_threads\": 8"),
                        "UTF-8");
            }
            AemDeployTasksStep step = new AemDeployTasksStep("Replicate-Prod", "release");
            step.setConnection(AemFixture.CONNECTION);
            step.setValuesFile("env/prod.values");
            step.setEndpointCredentials(List.of(new EndpointCredentials("Source-DB", AemFixture.SOURCE_DB_ID),
                    new EndpointCredentials("Target-DB", AemFixture.TARGET_DB_ID)));
            step.setStopIfRunning(true);
            step.setParallel(1);
            fs.getBuildersList().add(new AemDeployTasksBuilder(step));
            aem.simulator().faults().nextTransport(RequestKind.IMPORT, 1, TransportFault.HANG_AFTER_APPLY);
            FreeStyleBuild b = fs.scheduleBuild2(0).waitForStart();
            j.waitForMessage("Sending ImportTask", b);
            assertTrue(KeptFiles.keepsADeploy(b));
            assertFalse(KeptFiles.registerBackupCiphertext(b).isEmpty(), "Customers' backup is kept, encrypted");
        });
        sessions.then(j -> {
            FreeStyleBuild b = j.jenkins.getItemByFullName("fs", FreeStyleProject.class).getBuildByNumber(1);
            assertFalse(b.isBuilding());
            j.assertLogContains("Jenkins is stopping during the release of release to server 'Replicate-Prod': the "
                    + "release stops where it is. This build ends; when Jenkins starts again it takes the release up", b);
            DeployRecord record = (DeployRecord) b.getAction(AemBuildAction.class).getSteps().get(0);
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (record.getStatus() == StepRecord.Status.INTERRUPTED && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            assertEquals(StepRecord.Status.SUCCESS, record.getStatus(), record.getOutcome() + " " + record.getFailure());
            assertTrue(recovery.has("Taking up the deploy of fs #1 that Jenkins stopped during"),
                    String.join("\n", recovery.lines()));
            assertTrue(recovery.has("The deploy of fs #1 that Jenkins stopped during ended: 2 DEPLOYED ('Customers', "
                    + "'Orders')"), String.join("\n", recovery.lines()));
            assertFalse(KeptFiles.keepsADeploy(b), "the kept release, its encrypted backups with it, is deleted at its end");
            KeptFiles.assertBuildFolderClean(b);
            recovery.lines().forEach(line -> aem.assertNoSecrets("Jenkins' log", line));
            assertTrue(aem.task("Replicate-Prod", "Customers").awaitState("RUNNING", Duration.ofSeconds(20)),
                    "Customers runs again, as it did");
        });
        assertEquals(1, importsOf("Customers"), "never sent twice");
        assertEquals(1, importsOf("Orders"));
    }
}
