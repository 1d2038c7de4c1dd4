package io.jenkins.plugins.aem.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.aem.AemFixture;
import io.jenkins.plugins.aem.KeptFiles;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.ServerRepository;
import io.jenkins.plugins.aem.simulator.TransportFault;
import java.time.Duration;
import java.util.List;
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
 * A release of a folder outlives the controller as a single deploy does ({@link AemDeployRestartTest}): Jenkins
 * restarts during it, and the step takes it up after the restart from each task's last checkpoint, finishing or
 * putting back the task it was deploying (every task, when atomic), deploying those it had not reached, and never
 * sending an import twice. What the build keeps meanwhile holds no secret in clear.
 *
 * <p>Build 1 releases Orders and Customers to Replicate-Prod and runs them; build 2 changes both files and releases
 * them again, one task at a time (Customers first), stopping the running tasks, and is interrupted.
 */
class AemDeployTasksRestartTest {

    private static final String CREDENTIALS = "endpointCredentials: ['Source-DB': '" + AemFixture.SOURCE_DB_ID
            + "', 'Target-DB': '" + AemFixture.TARGET_DB_ID + "']";

    private static String release(String options) {
        return "def r = aemDeployTasks(connection: 'sim', server: 'Replicate-Prod', dir: 'release', valuesFile: "
                + "'env/prod.values', " + CREDENTIALS + options + ")\n";
    }

    private static String change(String task) {
        String file = "release/tasks/" + task + ".json";
        return "writeFile file: '" + file + "', text: readFile('" + file + "').replace('\"parallel_load_threads\": 4', "
                + "'\"parallel_load_threads\": 8')\n";
    }

    /** Build 1 releases and runs both tasks; build 2 releases both changed, with {@code options}. */
    private static String script(String options) {
        return "node {\n" + ReleaseFolders.EXPORT + ReleaseFolders.VALUES
                + "  if (currentBuild.number == 1) {\n" + release("")
                + "    aemRunTask connection: 'sim', server: 'Replicate-Prod', task: 'Orders'\n"
                + "    aemRunTask connection: 'sim', server: 'Replicate-Prod', task: 'Customers'\n"
                + "  } else {\n" + change("Orders") + change("Customers")
                + release(", stopIfRunning: true, parallel: 1" + options)
                + "    echo \"results=${r.tasks.collect { it.task + ':' + it.result }}\"\n"
                + "  }\n}";
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

    /** Build 1 in place, then build 2 started, {@code arm} armed, and stopped by a restart once it printed {@code message}. */
    private void interrupt(String options, Runnable arm, String message, boolean backupKept) throws Throwable {
        sessions.then(j -> {
            aem.configure(j.jenkins);
            WorkflowJob job = j.createProject(WorkflowJob.class, "p");
            job.setDefinition(new CpsFlowDefinition(script(options), true));
            j.buildAndAssertSuccess(job);
            arm.run();
            WorkflowRun b = job.scheduleBuild2(0).waitForStart();
            j.waitForMessage(message, b);
            assertTrue(KeptFiles.keepsADeploy(b), "the release is kept in the build's folder while it runs");
            assertEquals(backupKept, !KeptFiles.registerBackupCiphertext(b).isEmpty(),
                    "the backups kept (encrypted) hold the endpoints' ciphertext once taken");
            KeptFiles.assertBuildFolderClean(b);
        });
    }

    /** After the restart: build 2 ends as {@code expected} and says {@code line}; nothing kept, nothing leaked. */
    private void resumed(Result expected, String line) throws Throwable {
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(2);
            j.assertBuildStatus(expected, j.waitForCompletion(b));
            j.assertLogContains(line, b);
            for (String task : List.of("Orders", "Customers")) {
                assertTrue(aem.task("Replicate-Prod", task).awaitState("RUNNING", Duration.ofSeconds(20)),
                        task + " runs again, as it did");
            }
            assertFalse(KeptFiles.keepsADeploy(b), "the encrypted backups are deleted once the release ended");
            KeptFiles.assertBuildFolderClean(b);
            aem.assertNoSecrets("the build log", JenkinsRule.getLog(b));
        });
    }

    private long importsOf(String task) {
        return aem.journal().count(e -> e.isImport() && e.path().endsWith("/" + task)
                && e.body().replace(" ", "").contains("\"parallel_load_threads\":8"));
    }

    private boolean changed(String task) {
        return prod().definition(task).orElseThrow().contains("\"parallel_load_threads\" : 8");
    }

    @Test
    void interruptedAfterAnImportWasSentTheReleaseFinishesWithoutSendingItAgain() throws Throwable {
        interrupt("", () -> aem.simulator().faults().nextTransport(RequestKind.IMPORT, 1, TransportFault.HANG_AFTER_APPLY),
                "Sending ImportTask", true);
        resumed(Result.SUCCESS, "results=[Customers:DEPLOYED, Orders:DEPLOYED]");
        sessions.then(j -> j.assertLogContains("Jenkins restarted during the release of release to server "
                + "'Replicate-Prod': taking it up from the last checkpoint of each of the 1 task(s) it had reached",
                j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(2)));
        assertEquals(1, importsOf("Customers"), "Customers' import is never sent twice");
        assertEquals(1, importsOf("Orders"));
        assertTrue(changed("Customers") && changed("Orders"), "both tasks have their new definitions");
    }

    @Test
    void anAtomicReleaseWhoseImportDidNotLandPutsTheTaskBackAndDeploysNothingMore() throws Throwable {
        interrupt(", atomic: true", () -> aem.simulator().faults().nextTransport(RequestKind.IMPORT, 1, TransportFault.HANG),
                "Sending ImportTask", true);
        resumed(Result.FAILURE, "did not go as asked");
        assertEquals(1, importsOf("Customers"), "sent once, never again");
        assertEquals(0, importsOf("Orders"), "nothing more is deployed once a task of an atomic release failed");
        assertFalse(changed("Customers") || changed("Orders"), "every task is as it was");
    }

    @Test
    void interruptedBeforeAnyChangeTheReleaseStartsAgain() throws Throwable {
        interrupt("", () -> aem.simulator().faults().latency(1.0, Duration.ofSeconds(2), Duration.ofSeconds(2))
                .onlyFor(RequestKind.EXPORT), "reading server 'Replicate-Prod'", false);
        aem.simulator().faults().clear();
        resumed(Result.SUCCESS, "results=[Customers:DEPLOYED, Orders:DEPLOYED]");
        sessions.then(j -> j.assertLogContains("Jenkins restarted before the release of release to server "
                + "'Replicate-Prod' changed anything: it starts again from the beginning.",
                j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(2)));
        assertEquals(1, importsOf("Customers"));
        assertEquals(1, importsOf("Orders"));
    }
}
