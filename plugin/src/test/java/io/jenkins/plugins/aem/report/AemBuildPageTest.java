package io.jenkins.plugins.aem.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.aem.AemFixture;
import io.jenkins.plugins.aem.AemJenkinsTest;
import io.jenkins.plugins.aem.builders.AemRunTaskBuilder;
import io.jenkins.plugins.aem.builders.AemStopTaskBuilder;
import io.jenkins.plugins.aem.simulator.SimHealthSpec;
import io.jenkins.plugins.aem.steps.AemRunTaskStep;
import io.jenkins.plugins.aem.steps.AemStopTaskStep;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The "AEM" page of a build: every AEM step of it in order, each kind with what it has to show, from pipelines and
 * freestyle builds alike, and nothing secret in what the build keeps.
 */
class AemBuildPageTest extends AemJenkinsTest {

    static final String EXPORT = "aemExportTask connection: 'sim', server: 'Replicate-1', task: 'Orders', "
            + "withEndpoints: true, file: 'Orders.json'\n";
    static final String CREDENTIALS = "endpointCredentials: ['Source-DB': '" + AemFixture.SOURCE_DB_ID
            + "', 'Target-DB': '" + AemFixture.TARGET_DB_ID + "']";

    static String deploy(String options) {
        return "aemDeployTask connection: 'sim', server: 'Replicate-Prod', task: 'Orders', definition: 'Orders.json', "
                + CREDENTIALS + options + "\n";
    }

    /** Changes a setting of endpoint Source-DB in the exported file. */
    static String database(String name) {
        return "writeFile file: 'Orders.json', text: readFile('Orders.json').replace('\"Sales\"', '\"" + name + "\"')\n";
    }

    /**
     * The text of one of the build's pages, {@code path} from the build's URL; its HTML holds no secret, and an AEM
     * page's panel no script.
     */
    String page(Run<?, ?> b, String path) throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            HtmlPage page = web.goTo(b.getUrl() + path);
            aem.assertNoSecrets("page " + path, page.getWebResponse().getContentAsString());
            String panel = path.startsWith("aem/") ? page.getElementById("main-panel").asXml() : "";
            assertFalse(panel.contains("<script") || panel.matches("(?s).*\\son[a-z]+=.*") || panel.contains("javascript:"),
                    "no script of the page's own, which Jenkins' Content-Security-Policy would refuse: " + path);
            return page.asNormalizedText();
        }
    }

    /** The build keeps nothing secret: build.xml, the record file and the archived backups. */
    void assertKeepsNoSecret(Run<?, ?> b) throws Exception {
        aem.assertNoSecrets("build.xml", Files.readString(new File(b.getRootDir(), "build.xml").toPath()));
        File record = new File(b.getRootDir(), StepRecords.FILE_NAME);
        assertTrue(record.isFile(), "the record is kept with the build");
        aem.assertNoSecrets(StepRecords.FILE_NAME, Files.readString(record.toPath()));
    }

    @Test
    void aPipelineListsEveryStepInOrderAndEachKindShowsWhatItDid() throws Exception {
        aem.task("Replicate-1", "Orders").spec().health(SimHealthSpec.create()
                .latencyFalling(Duration.ofSeconds(40), Duration.ofSeconds(2), Duration.ofSeconds(3)));
        WorkflowRun b = runPipeline("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Orders'\n"
                + "aemWaitForTask connection: 'sim', server: 'Replicate-1', task: 'Orders', maxLatency: 5, "
                + "latencyHeldFor: 1, noTableErrors: true, timeout: 60\n"
                + "aemTaskStatus connection: 'sim', server: 'Replicate-1', task: 'Orders'\n"
                + "aemStopTask connection: 'sim', server: 'Replicate-1', task: 'Orders'\n"
                + "node {\n" + EXPORT + "}\n", Result.SUCCESS);

        AemBuildAction action = b.getAction(AemBuildAction.class);
        assertNotNull(action, "the build has its AEM page");
        List<StepRecord> steps = action.getSteps();
        assertEquals(List.of("run", "health wait", "status", "stop", "export"), steps.stream().map(StepRecord::getKind).toList());
        assertTrue(steps.stream().allMatch(s -> s.getStatus() == StepRecord.Status.SUCCESS));

        String list = page(b, "aem/");
        assertTrue(list.contains("connection 'sim' (" + aem.url()), list);
        assertTrue(list.contains("run with the server's default option, and wait for RUNNING"), list);
        assertTrue(list.contains("RUNNING after"), list);
        String summary = page(b, "");
        assertTrue(summary.contains("5 step(s), 0 failed"), summary);

        String run = page(b, "aem/step/1/");
        assertTrue(run.contains("States seen"), run);
        assertTrue(run.contains("RUNNING"), run);
        String health = page(b, "aem/step/2/");
        assertTrue(health.contains("wait until healthy: total latency <= 5 s for 1 s, no table in error"), health);
        assertTrue(health.contains("maxLatency 5 s"), "the chart draws the maximum: " + health);
        assertTrue(health.contains("held "), "and the hold window: " + health);
        assertTrue(health.contains("healthy after"), health);
        HealthRecord wait = (HealthRecord) steps.get(1);
        assertTrue(wait.getLatencyChart().getSeries().get(0).pieces().get(0).split(" ").length >= 2,
                "the latency is drawn from several reads");
        String status = page(b, "aem/step/3/");
        assertTrue(status.contains("totalLatencySeconds"), status);
        String stop = page(b, "aem/step/4/");
        assertTrue(stop.contains("STOPPED"), stop);
        String export = page(b, "aem/step/5/");
        assertTrue(export.contains("Orders.json"), export);
        assertTrue(export.contains("${secret:Source-DB/password}"), export);
        assertKeepsNoSecret(b);
    }

    @Test
    void aDeployShowsItsPlanDiffBackupAndStepsAndADryRunIsCompleteWhileTheBuildWaits() throws Exception {
        runPipeline("node {\n" + EXPORT + deploy("") + "}", Result.SUCCESS);
        aem.task("Replicate-Prod", "Orders").setState("RUNNING");
        WorkflowRun b = runPipeline("node {\n" + EXPORT + database("SALES_PROD")
                + "def d = " + deploy(", dryRun: true").strip() + "\n"
                + "echo \"page=${d.page}\"\n"
                + deploy(", stopIfRunning: true") + "}", Result.SUCCESS);
        List<StepRecord> steps = b.getAction(AemBuildAction.class).getSteps();
        assertEquals(List.of("export", "deploy", "deploy"), steps.stream().map(StepRecord::getKind).toList());
        j.assertLogContains("page=" + j.getURL() + b.getUrl() + "aem/step/2/", b);

        String dry = page(b, "aem/step/2/");
        assertTrue(dry.contains("dry run: 1 change(s) planned, nothing changed"), dry);
        assertTrue(dry.contains("endpoint 'Source-DB': db_settings.database"), dry);
        assertTrue(dry.contains("- \"Sales\"") && dry.contains("+ \"SALES_PROD\""), "the diff: " + dry);

        String real = page(b, "aem/step/3/");
        assertTrue(real.contains("deployed 1 change(s)"), real);
        assertTrue(real.contains("aem-backups/Replicate-Prod/Orders.json"), "the backup's link: " + real);
        assertTrue(real.contains("stopped task 'Orders' on server 'Replicate-Prod'"), real);
        assertTrue(real.contains("imported the definition into task 'Orders'"), real);
        assertTrue(real.contains("ran task 'Orders' on server 'Replicate-Prod' again"), real);
        DeployReport report = ((DeployRecord) steps.get(2)).getSingle();
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            assertEquals(200, web.goTo(b.getUrl() + "artifact/" + report.getBackup(), null).getWebResponse().getStatusCode());
        }
        assertKeepsNoSecret(b);
    }

    @Test
    void aFailedDeployStillShowsItsPlanAndWhatItDid() throws Exception {
        runPipeline("node {\n" + EXPORT + deploy("") + "aemRunTask connection: 'sim', server: 'Replicate-Prod', "
                + "task: 'Orders'\n}", Result.SUCCESS);
        aem.task("Replicate-Prod", "Orders").spec().runErrorOnce("AEM_RUN_TASK_INNER_ERR");
        WorkflowRun b = runPipeline("node {\n" + EXPORT + database("Sales2") + deploy(", stopIfRunning: true") + "}",
                Result.FAILURE);
        StepRecord deploy = b.getAction(AemBuildAction.class).getSteps().get(1);
        assertEquals(StepRecord.Status.FAILURE, deploy.getStatus());
        String text = page(b, "aem/step/2/");
        assertTrue(text.contains("FAILED"), text);
        assertTrue(text.contains("db_settings.database"), "the plan: " + text);
        assertTrue(text.contains("AEM_RUN_TASK_INNER_ERR"), "why: " + text);
        assertTrue(text.contains("restored task 'Orders' on server 'Replicate-Prod'"), "what it did: " + text);
        assertKeepsNoSecret(b);
    }

    @Test
    void freestyleBuildStepsRecordTooAndAStepRefusedForItsInputIsListed() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        AemRunTaskStep run = new AemRunTaskStep("Replicate-1", "Orders");
        run.setConnection(AemFixture.CONNECTION);
        p.getBuildersList().add(new AemRunTaskBuilder(run));
        AemStopTaskStep stop = new AemStopTaskStep("Replicate-1", "Orders");
        stop.setConnection(AemFixture.CONNECTION);
        p.getBuildersList().add(new AemStopTaskBuilder(stop));
        AemRunTaskStep wrong = new AemRunTaskStep("Replicate-1", "Orders");
        wrong.setConnection("nowhere");
        p.getBuildersList().add(new AemRunTaskBuilder(wrong));
        FreeStyleBuild b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        List<StepRecord> steps = b.getAction(AemBuildAction.class).getSteps();
        assertEquals(List.of("run", "stop", "run"), steps.stream().map(StepRecord::getKind).toList());
        assertEquals(StepRecord.Status.FAILURE, steps.get(2).getStatus());
        String text = page(b, "aem/step/3/");
        assertTrue(text.contains("refused before anything was sent to AEM"), text);
        assertTrue(text.contains("'nowhere' is not an AEM connection"), text);
        assertKeepsNoSecret(b);
    }

    @Test
    void aDeployRefusedBeforeItReadTheTargetSaysItHasNoPlan() throws Exception {
        WorkflowRun b = runPipeline("node {\nwriteFile file: 'Orders.json', text: '{ not json'\n"
                + deploy("") + "}", Result.FAILURE);
        String text = page(b, "aem/step/1/");
        assertTrue(text.contains("The plan is not known: the deploy ended before it read the target."), text);
        assertTrue(text.contains("refused before anything was sent to AEM") || text.contains("failed"), text);
    }

    @Test
    void aBuildWithoutAemStepsHasNoPage() throws Exception {
        WorkflowRun b = runPipeline("echo 'no AEM here'", Result.SUCCESS);
        assertFalse(b.getAction(AemBuildAction.class) != null);
        assertFalse(new File(b.getRootDir(), StepRecords.FILE_NAME).exists());
    }
}
