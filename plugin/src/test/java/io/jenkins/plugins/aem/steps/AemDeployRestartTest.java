package io.jenkins.plugins.aem.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.aem.AemFixture;
import io.jenkins.plugins.aem.KeptFiles;
import io.jenkins.plugins.aem.report.AemBuildAction;
import io.jenkins.plugins.aem.report.DeployRecord;
import io.jenkins.plugins.aem.report.DeployReport;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.ServerRepository;
import io.jenkins.plugins.aem.simulator.TransportFault;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A deploy outlives the controller: Jenkins restarts at each point of a deploy (before any change, after the stop,
 * after the import was sent but before its answer, during the check, after the run was sent), and the step takes the
 * deploy up after the restart, ends it as the rules say, and never sends its import twice. Nothing Jenkins keeps of the
 * build holds a secret, nor the backup's {@code {Z...}} ciphertext, which the build keeps encrypted until the deploy ends.
 *
 * <p>Build 1 deploys Orders (exported from Replicate-1) to Replicate-Prod and runs it; build 2 changes an endpoint's
 * setting and deploys again, stopping the running task, and is interrupted.
 */
class AemDeployRestartTest {

    private static final String CREDENTIALS = "endpointCredentials: ['Source-DB': '" + AemFixture.SOURCE_DB_ID
            + "', 'Target-DB': '" + AemFixture.TARGET_DB_ID + "']";
    /** Build 2's deploy: an endpoint's setting changed, the running task stopped. */
    private static final String DEPLOY = "writeFile file: 'Orders.json', text: readFile('Orders.json').replace('\"Sales\"', "
            + "'\"Sales2\"')\n"
            + "def r = aemDeployTask connection: 'sim', server: 'Replicate-Prod', task: 'Orders', definition: 'Orders.json', "
            + CREDENTIALS + ", stopIfRunning: true, timeout: 300";

    /** The job: build 1 puts Orders on Replicate-Prod and runs it; build 2 runs {@code second}, which sets {@code r}. */
    private static String script(String second) {
        return "node {\n"
                + "  if (currentBuild.number == 1) {\n"
                + "    aemExportTask connection: 'sim', server: 'Replicate-1', task: 'Orders', withEndpoints: true, "
                + "file: 'Orders.json'\n"
                + "    aemDeployTask connection: 'sim', server: 'Replicate-Prod', task: 'Orders', definition: 'Orders.json', "
                + CREDENTIALS + "\n"
                + "    aemRunTask connection: 'sim', server: 'Replicate-Prod', task: 'Orders'\n"
                + "  } else {\n"
                + second + "\n"
                + "    echo \"result=${r.result} resumed=${r.resumed} tested=${r.testedEndpoints}\"\n"
                + "  }\n"
                + "}";
    }

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private AemFixture aem;

    @BeforeEach
    void setUp() throws Exception {
        aem = AemFixture.start();
    }

    @AfterEach
    void tearDown() {
        aem.close();
    }

    private ServerRepository prod() {
        return aem.simulator().repository("Replicate-Prod");
    }

    /** Where the test stops Jenkins: what it arms before build 2, and what build 2 must have reached. */
    private record Point(Runnable arm, String message, Runnable then, String reached, boolean backupKept) {
        static Point at(Runnable arm, String message, boolean backupKept) {
            return new Point(arm, message, () -> { }, null, backupKept);
        }
    }

    /** Build 1 in place, then build 2 started and stopped by a restart at {@code point}. */
    private void interrupt(Point point) throws Throwable {
        interrupt(point, DEPLOY);
    }

    private void interrupt(Point point, String second) throws Throwable {
        sessions.then(j -> {
            aem.configure(j.jenkins);
            AemEndpointSecretsTest.addRotatedCredentials(j.jenkins);
            WorkflowJob job = j.createProject(WorkflowJob.class, "p");
            job.setDefinition(new CpsFlowDefinition(script(second), true));
            j.buildAndAssertSuccess(job);
            assertEquals("RUNNING", aem.task("Replicate-Prod", "Orders").state());
            point.arm().run();
            WorkflowRun b = job.scheduleBuild2(0).waitForStart();
            j.waitForMessage(point.message(), b);
            point.then().run();
            if (point.reached() != null) {
                j.waitForMessage(point.reached(), b);
            }
            assertTrue(KeptFiles.keepsADeploy(b), "the deploy is kept in the build's folder while it runs");
            assertEquals(point.backupKept(), !KeptFiles.registerBackupCiphertext(b).isEmpty(),
                    "the backup kept (encrypted) holds the endpoints' ciphertext once it was taken");
            KeptFiles.assertBuildFolderClean(b);
        });
    }

    /** After the restart: build 2 ends as {@code expected}, and its own import was sent at most once; nothing leaked. */
    private void resumed(Result expected, String line, String resumed) throws Throwable {
        resumed(expected, line, resumed, "'Source-DB', 'Target-DB'");
    }

    private void resumed(Result expected, String line, String resumed, String tested) throws Throwable {
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(2);
            j.assertBuildStatus(expected, j.waitForCompletion(b));
            j.assertLogContains(line, b);
            assertTrue(aem.journal().count(e -> e.isImport() && e.body().contains("Sales2")) <= 1,
                    "the deploy's own import is never sent twice");
            assertTrue(aem.task("Replicate-Prod", "Orders").awaitState("RUNNING", Duration.ofSeconds(20)),
                    "running again, as it was");
            assertFalse(KeptFiles.keepsADeploy(b), "the encrypted backup is deleted once the deploy ended");
            KeptFiles.assertBuildFolderClean(b);
            aem.assertNoSecrets("the build log", JenkinsRule.getLog(b));
            DeployReport page = ((DeployRecord) b.getAction(AemBuildAction.class).getSteps().get(0)).getSingle();
            assertEquals(expected == Result.SUCCESS ? "DEPLOYED" : "FAILED", page.getResult());
            assertEquals(resumed, page.getResumed(), "the build's AEM page says how the deploy was taken up");
            if (expected == Result.SUCCESS) {
                assertEquals(tested, page.getTestedEndpoints());
            }
        });
    }

    /** Build 2 deployed, its own import sent once; the build's page says how the deploy was taken up. */
    private void deployed(String resumed) throws Throwable {
        deployed(resumed, resumed);
    }

    /** As {@link #deployed(String)}, the step returning {@code returned} as {@code resumed}, the page saying {@code page}. */
    private void deployed(String returned, String page) throws Throwable {
        resumed(Result.SUCCESS, "result=DEPLOYED resumed=" + returned, page);
        assertEquals(1, aem.journal().count(e -> e.isImport() && e.body().contains("Sales2")));
        assertTrue(prod().definition("Orders").orElseThrow().contains("Sales2"), "the task has the new definition");
    }

    @Test
    void interruptedBeforeAnyChangeItDeploysAgainFromTheStart() throws Throwable {
        interrupt(Point.at(() -> aem.simulator().faults().nextTransport(RequestKind.EXPORT, 1, TransportFault.HANG),
                "backing its definition up", false));
        deployed("null", "Jenkins restarted before the deploy changed anything: deployed again from the start");
        sessions.then(j -> j.assertLogContains("Jenkins restarted before the deploy to task 'Orders' on server "
                + "'Replicate-Prod' changed anything: it starts again from the beginning",
                j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(2)));
    }

    @Test
    void interruptedAfterTheStopItGoesOnFromWhereTheTaskIs() throws Throwable {
        interrupt(Point.at(() -> aem.task("Replicate-Prod", "Orders").spec().stopDuration(Duration.ofSeconds(20)),
                "Sending StopTask", true));
        deployed("went on from where the interruption left it (STOP Orders (unanswered))");
    }

    @Test
    void interruptedAfterTheImportWasSentItIsNeverSentAgainAndTheDeployFinishes() throws Throwable {
        interrupt(new Point(() -> aem.simulator().faults().nextTransport(RequestKind.IMPORT, 1,
                TransportFault.HANG_AFTER_APPLY), "Sending ImportTask", () -> { }, null, true));
        deployed("finished: the import sent before the interruption shows in the task");
    }

    @Test
    void anImportSentThatDidNotLandIsNeverSentAgainAndTheTaskIsRestored() throws Throwable {
        interrupt(Point.at(() -> aem.simulator().faults().nextTransport(RequestKind.IMPORT, 1, TransportFault.HANG),
                "Sending ImportTask", true));
        resumed(Result.FAILURE, "The deploy was interrupted after it sent its import, which does not show in the task. "
                + "The task was restored to its definition before the deploy and is RUNNING again, as it was.",
                "taken up after Jenkins restarted from its last checkpoint");
        assertEquals(1, aem.journal().count(e -> e.isImport() && e.body().contains("Sales2")), "sent once, never again");
        assertFalse(prod().definition("Orders").orElseThrow().contains("Sales2"), "the task is as it was");
    }

    @Test
    void interruptedDuringTheCheckItFinishes() throws Throwable {
        interrupt(new Point(() -> aem.simulator().faults().latency(1.0, Duration.ofSeconds(1), Duration.ofSeconds(1))
                .onlyFor(RequestKind.IMPORT), "Sending ImportTask",
                () -> aem.simulator().faults().nextTransport(RequestKind.EXPORT, 1, TransportFault.HANG),
                "imported the definition into", true));
        aem.simulator().faults().clear();
        deployed("finished: the import sent before the interruption shows in the task");
    }

    @Test
    void interruptedAfterTheRunWasSentItFinishes() throws Throwable {
        interrupt(Point.at(() -> aem.task("Replicate-Prod", "Orders").spec().startDuration(Duration.ofSeconds(20)),
                "again with RESUME_PROCESSING", true));
        deployed("finished: the import sent before the interruption shows in the task");
    }

    @Test
    void aRotationInterruptedAfterItsPatchSendsItAgainAndFinishes() throws Throwable {
        interrupt(Point.at(() -> {
            aem.simulator().repository("Replicate-Prod").endpoints().databaseSecret("Source-DB", "password",
                    AemEndpointSecretsTest.NEW_PASSWORD);
            aem.simulator().faults().nextTransport(RequestKind.PATCH_ENDPOINT, 1, TransportFault.HANG_AFTER_APPLY);
        }, "Sending PatchEndpoint", true), "def r = aemRotateSecrets connection: 'sim', server: 'Replicate-Prod', task: 'Orders', "
                + "endpointCredentials: ['Source-DB': '" + AemEndpointSecretsTest.NEW_ID + "'], stopIfRunning: true, "
                + "timeout: 300");
        String how = "went on from where the interruption left it (STOP Orders, PATCH Source-DB (unanswered))";
        resumed(Result.SUCCESS, "result=DEPLOYED resumed=" + how, how, "'Source-DB'");
        assertTrue(prod().secretMatches("Source-DB", "password", AemEndpointSecretsTest.NEW_PASSWORD));
        assertTrue(prod().runningSecretMatches("Orders", "Source-DB", "password", AemEndpointSecretsTest.NEW_PASSWORD));
        assertEquals(1, prod().imports().size(), "a rotation imports nothing");
    }
}
