package io.jenkins.plugins.aem.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.aem.AemFixture;
import io.jenkins.plugins.aem.AemJenkinsTest;
import io.jenkins.plugins.aem.report.AemBuildAction;
import io.jenkins.plugins.aem.report.BuildPages;
import io.jenkins.plugins.aem.report.DeployRecord;
import io.jenkins.plugins.aem.report.DeployReport;
import io.jenkins.plugins.aem.report.StepRecords;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.ServerRepository;
import io.jenkins.plugins.aem.simulator.TransportFault;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * {@code aemDeployTasks}: a folder released to a server as one unit, with one plan, values per environment, backups
 * archived, all or nothing when atomic, drift told as the job asks, and never a secret shown or stored.
 */
class AemDeployTasksStepTest extends AemJenkinsTest {

    private static final String CREDENTIALS = "endpointCredentials: ['Source-DB': '" + AemFixture.SOURCE_DB_ID
            + "', 'Target-DB': '" + AemFixture.TARGET_DB_ID + "']";

    /** Releases the folder to Replicate-Prod with production's values, and echoes how each task ended. */
    private static String release(String label, String options) {
        return "def " + label + " = aemDeployTasks(connection: 'sim', server: 'Replicate-Prod', dir: 'release', "
                + "valuesFile: 'env/prod.values', " + CREDENTIALS + options + ")\n"
                + "echo \"" + label + " deployed=${" + label + ".deployed} drift=${" + label + ".drift} results=${"
                + label + ".tasks.collect { it.task + ':' + it.result }}\"\n";
    }

    /** Changes a setting of a task's file, so that a release changes the task. */
    private static String change(String task) {
        String file = "release/tasks/" + task + ".json";
        return "writeFile file: '" + file + "', text: readFile('" + file + "').replace('\"parallel_load_threads\": 4', "
                + "'\"parallel_load_threads\": 8')\n";
    }

    private static String node(String... lines) {
        return "node {\n" + ReleaseFolders.EXPORT + ReleaseFolders.VALUES + String.join("", lines) + "}";
    }

    private ServerRepository prod() {
        return aem.simulator().repository("Replicate-Prod");
    }

    /** Creates both tasks on Replicate-Prod with a first release, and runs them there. */
    private void releasedAndRunning() throws Exception {
        runPipeline(node(release("first", ""), "aemRunTask connection: 'sim', server: 'Replicate-Prod', task: 'Orders'\n",
                "aemRunTask connection: 'sim', server: 'Replicate-Prod', task: 'Customers'\n"), Result.SUCCESS);
    }

    /** The page of one task of a release (the step's {@code step}-th of the build): its rows are in the order planned. */
    private static String reportOf(WorkflowRun b, int step, String task) {
        List<DeployReport> reports = ((DeployRecord) b.getAction(AemBuildAction.class).getSteps().get(step - 1)).getReports();
        for (int i = 0; i < reports.size(); i++) {
            if (reports.get(i).getTask().equals(task)) {
                return "aem/step/" + step + "/report/" + reports.get(i).getNumber() + "/";
            }
        }
        throw new AssertionError("no row for " + task);
    }

    /** Everything Jenkins keeps of a build: its log, build.xml, its AEM page's file and its archived backups. */
    private void assertBuildHoldsNoSecret(WorkflowRun b) throws Exception {
        aem.assertNoSecrets("the build log", JenkinsRule.getLog(b));
        aem.assertNoSecrets("build.xml", Files.readString(new File(b.getRootDir(), "build.xml").toPath()));
        aem.assertNoSecrets(StepRecords.FILE_NAME, Files.readString(new File(b.getRootDir(), StepRecords.FILE_NAME).toPath()));
        for (var artifact : b.getArtifacts()) {
            String text = Files.readString(artifact.getFile().toPath());
            aem.assertNoSecrets("artifact " + artifact.relativePath, text);
            assertFalse(text.contains("{Z"), "an archived backup holds no ciphertext: " + artifact.relativePath);
        }
    }

    @Test
    void releasesAFolderWithEachEnvironmentsValuesAndThenFindsNothingToChange() throws Exception {
        WorkflowRun b = runPipeline(node(release("first", ""), release("again", "")), Result.SUCCESS);
        j.assertLogContains("first deployed=[Customers, Orders] drift=[] results=[Customers:DEPLOYED, Orders:DEPLOYED]", b);
        j.assertLogContains("again deployed=[] drift=[] results=[Customers:NO_CHANGE, Orders:NO_CHANGE]", b);
        j.assertLogContains("Plan for 2 task(s) on server 'Replicate-Prod':", b);
        assertTrue(prod().definition("Orders").orElseThrow().contains("\"SALES_PROD\""), "production's value");
        assertTrue(prod().secretMatches("Source-DB", "password", AemFixture.SOURCE_DB_PASSWORD));
        assertTrue(prod().secretMatches("Target-DB", "password", AemFixture.TARGET_DB_SECRET));
        assertEquals(2, prod().imports().size(), "the second release sent nothing");
        assertEquals(List.of(AemFixture.DESIGNER), aem.journal().entries().stream().filter(JournalEntry::isLogin)
                .map(JournalEntry::user).distinct().toList(), "the connection's release credentials release");

        String rows = BuildPages.text(j, b, "aem/step/2/");
        assertTrue(rows.contains("AEM step 2: release of 2 task(s) from release/ to server 'Replicate-Prod'"), rows);
        assertTrue(rows.contains("Asked\trelease folder release/ (every task)"), rows);
        assertTrue(rows.contains("deployed 2 task(s), 0 unchanged"), rows);
        assertTrue(Pattern.compile("\nCustomers\tReplicate-Prod\tDEPLOYED\t[^\n]*\t[0-9.]+ s\n").matcher(rows).find(),
                "each task's row says how long its deploy took: " + rows);
        assertTrue(rows.contains("Customers\tReplicate-Prod\tDEPLOYED"), rows);
        assertTrue(rows.contains("Orders\tReplicate-Prod\tDEPLOYED"), rows);
        String orders = BuildPages.text(j, b, reportOf(b, 2, "Orders"));
        assertTrue(orders.contains("create task 'Orders'"), "its own plan: " + orders);
        assertTrue(orders.contains("imported the definition into task 'Orders' on server 'Replicate-Prod'"), orders);
        assertTrue(BuildPages.text(j, b, "aem/step/3/").contains("no change: every task already matches its file"));
        assertBuildHoldsNoSecret(b);
    }

    /** A dry run returns the differing tasks; the job decides what that does to the build. */
    @Test
    void aDryRunReturnsTheDriftAndOnDriftDecidesTheBuildsResult() throws Exception {
        runPipeline(node(release("first", "")), Result.SUCCESS);
        int imports = prod().imports().size();
        WorkflowRun plan = runPipeline(node(change("Orders"), release("plan", ", dryRun: true"),
                "echo \"page=${plan.page}\"\n"), Result.SUCCESS);
        j.assertLogContains("plan deployed=[] drift=[Orders] results=[Customers:NO_CHANGE, Orders:DRIFT]", plan);
        j.assertLogContains("change setting task_settings.target_settings.ftm_settings.parallel_load_threads: 4 -> 8", plan);
        String rows = BuildPages.text(j, plan, "aem/step/2/");
        assertTrue(rows.contains("dry run: 1 of 2 task(s) would be created or changed, nothing changed"), rows);
        assertTrue(rows.contains("Orders\tReplicate-Prod\tDRIFT\t1"), rows);
        assertTrue(BuildPages.text(j, plan, reportOf(plan, 2, "Orders")).contains("+ 8"), "the diff of the change");
        assertTrue(JenkinsRule.getLog(plan).contains("page=" + j.getURL() + plan.getUrl() + "aem/step/2/"));

        WorkflowRun unstable = runPipeline(node(change("Orders"), release("plan", ", dryRun: true, onDrift: 'UNSTABLE'"),
                "echo 'went on'\n"), Result.UNSTABLE);
        j.assertLogContains("Server 'Replicate-Prod' differs from release: a release would create or change 1 task(s): "
                + "'Orders'. The build is UNSTABLE (onDrift: 'UNSTABLE').", unstable);
        j.assertLogContains("went on", unstable);

        WorkflowRun failed = runPipeline(node(change("Orders"), release("plan", ", dryRun: true, onDrift: 'FAILURE'")),
                Result.FAILURE);
        j.assertLogContains("This was a dry run: nothing was changed, and the step fails as onDrift: 'FAILURE' asks.", failed);
        j.assertLogNotContains("\tat ", failed);

        WorkflowRun matches = runPipeline(node(release("plan", ", dryRun: true, onDrift: 'FAILURE'")), Result.SUCCESS);
        j.assertLogContains("plan deployed=[] drift=[] results=[Customers:NO_CHANGE, Orders:NO_CHANGE]", matches);
        assertEquals(imports, prod().imports().size(), "no dry run imported anything");
    }

    /** Atomic: the second task fails after its import; it is restored, and the first task, deployed, is put back. */
    @Test
    void anAtomicReleaseThatFailsInTheMiddlePutsEveryTaskBack() throws Exception {
        releasedAndRunning();
        String orders = prod().definition("Orders").orElseThrow();
        String customers = prod().definition("Customers").orElseThrow();
        aem.task("Replicate-Prod", "Orders").spec().runErrorOnce("AEM_RUN_TASK_INNER_ERR");
        WorkflowRun b = runPipeline(node(change("Orders"), change("Customers"),
                release("r", ", stopIfRunning: true, atomic: true, parallel: 1")), Result.FAILURE);
        j.assertLogContains("[AEM] Task 'Customers': UNDONE", b);
        j.assertLogContains("[AEM] Task 'Orders': FAILED", b);
        j.assertLogContains("The release of release to server 'Replicate-Prod' did not go as asked: 1 FAILED ('Orders'), "
                + "1 UNDONE ('Customers'). Every task is as it was.", b);
        assertEquals(orders, prod().definition("Orders").orElseThrow(), "Orders is as it was");
        assertEquals(customers, prod().definition("Customers").orElseThrow(), "Customers is as it was");
        for (String task : List.of("Orders", "Customers")) {
            assertTrue(aem.task("Replicate-Prod", task).awaitState("RUNNING", Duration.ofSeconds(10)), task + " runs again");
            assertTrue(b.getArtifactManager().root().child("aem-backups/Replicate-Prod/" + task + ".json").exists(),
                    "the backup of " + task + " is archived with the build");
        }
        String rows = BuildPages.text(j, b, "aem/step/2/");
        assertTrue(rows.contains("Customers\tReplicate-Prod\tUNDONE"), rows);
        assertTrue(rows.contains("Orders\tReplicate-Prod\tFAILED"), rows);
        assertBuildHoldsNoSecret(b);
    }

    /** A refusal stops the whole release; deploying the others anyway must be asked for, and the step still fails. */
    @Test
    void aRefusalStopsEverythingUnlessSkipRefusedIsGiven() throws Exception {
        runPipeline(node(release("first", ""), "aemRunTask connection: 'sim', server: 'Replicate-Prod', task: 'Orders'\n"),
                Result.SUCCESS);
        int imports = prod().imports().size();
        WorkflowRun stopped = runPipeline(node(change("Orders"), change("Customers"), release("r", "")), Result.FAILURE);
        j.assertLogContains("task 'Orders' on server 'Replicate-Prod' is RUNNING: a definition is never imported under a "
                + "task that is not stopped", stopped);
        j.assertLogContains("did not go as asked: 1 REFUSED ('Orders'), 1 NOT_STARTED ('Customers'). Every task is as it "
                + "was.", stopped);
        j.assertLogContains("[AEM] Task 'Customers': NOT_STARTED: Not started: 1 task(s) of the release are refused", stopped);
        assertEquals(imports, prod().imports().size(), "nothing was imported");

        WorkflowRun skipped = runPipeline(node(change("Orders"), change("Customers"), release("r", ", skipRefused: true")),
                Result.FAILURE);
        j.assertLogContains("did not go as asked: 1 DEPLOYED ('Customers'), 1 REFUSED ('Orders'). The tasks DEPLOYED stay "
                + "so; every other task is as it was.", skipped);
        assertTrue(prod().definition("Customers").orElseThrow().contains("\"parallel_load_threads\" : 8"));
        assertFalse(prod().definition("Orders").orElseThrow().contains("\"parallel_load_threads\" : 8"));
        String rows = BuildPages.text(j, skipped, "aem/step/2/");
        assertTrue(rows.contains("Customers\tReplicate-Prod\tDEPLOYED"), rows);
        assertTrue(rows.contains("Orders\tReplicate-Prod\tREFUSED"), rows);

        // Customers matches now, Orders is still refused: the dry run fails, and never says the server matches.
        WorkflowRun check = runPipeline(node(change("Orders"), change("Customers"), release("check", ", dryRun: true")),
                Result.FAILURE);
        j.assertLogContains("1 refused: the release would not go as it stands. Nothing was changed.", check);
        j.assertLogNotContains("matches the folder", check);
        String checked = BuildPages.text(j, check, "aem/step/2/");
        assertTrue(checked.contains("Orders\tReplicate-Prod\tREFUSED"), checked);
        assertFalse(checked.contains("matches the folder"), checked);
    }

    /**
     * {@code updateSecrets} rotates the secrets given through the set step as through the single one: each endpoint
     * once, by the task that carries it, with nothing else changed; the running tasks that use it are restarted on it.
     * A secret the database refuses fails the endpoint test and is put back; {@code skipEndpointTest} reaches each
     * task's deploy.
     */
    @Test
    void updateSecretsRotatesEachEndpointOnceAndSkipEndpointTestIsPassedOn() throws Exception {
        releasedAndRunning();
        AemEndpointSecretsTest.addRotatedCredentials(j.jenkins);
        prod().endpoints().databaseSecret("Source-DB", "password", AemEndpointSecretsTest.NEW_PASSWORD);
        String rotate = "def r = aemDeployTasks(connection: 'sim', server: 'Replicate-Prod', dir: 'release', valuesFile: "
                + "'env/prod.values', endpointCredentials: ['Source-DB': '" + AemEndpointSecretsTest.NEW_ID + "'], "
                + "updateSecrets: true, stopIfRunning: true)\n"
                + "echo \"rotated results=${r.tasks.collect { it.task + ':' + it.result }}\"\n";
        WorkflowRun b = runPipeline(node(rotate), Result.SUCCESS);
        j.assertLogContains("rotate the secret of endpoint 'Source-DB' (password) through PatchEndpoint", b);
        j.assertLogContains("tested endpoint 'Source-DB': CONNECTED", b);
        assertEquals(List.of("Source-DB"), prod().endpoints().patches().stream().map(p -> p.endpoint()).toList(),
                "Source-DB rotated once, by the one task that carries it; nothing else sent");
        assertTrue(prod().secretMatches("Source-DB", "password", AemEndpointSecretsTest.NEW_PASSWORD));
        for (String task : List.of("Orders", "Customers")) {
            assertTrue(aem.task("Replicate-Prod", task).awaitState("RUNNING", Duration.ofSeconds(10)), task);
            assertTrue(prod().runningSecretMatches(task, "Source-DB", "password", AemEndpointSecretsTest.NEW_PASSWORD),
                    task + " was restarted on the new secret");
        }
        assertTrue(BuildPages.text(j, b, reportOf(b, 2, "Customers")).contains("Source-DB")
                || BuildPages.text(j, b, reportOf(b, 2, "Orders")).contains("Source-DB"), "the page names the rotation");
        assertBuildHoldsNoSecret(b);

        // A secret the database refuses: the endpoint test fails the release, unless skipEndpointTest is given.
        int patches = prod().endpoints().patches().size();
        prod().endpoints().databaseSecret("Source-DB", "password", "An0ther-Db-Secret-91");
        runPipeline(node(rotate), Result.FAILURE);
        assertTrue(prod().secretMatches("Source-DB", "password", AemEndpointSecretsTest.NEW_PASSWORD), "as it was");
        // skipEndpointTest reaches each task's deploy: the rotation goes untested.
        prod().endpoints().databaseSecret("Source-DB", "password", AemEndpointSecretsTest.NEW_PASSWORD);
        WorkflowRun skipped = runPipeline(node(rotate.replace("updateSecrets: true", "updateSecrets: true, "
                + "skipEndpointTest: true")), Result.SUCCESS);
        j.assertLogContains("endpoint test: off (skipEndpointTest)", skipped);
        j.assertLogNotContains("Testing endpoint 'Source-DB'", skipped);
        assertEquals(patches + 2, prod().endpoints().patches().size(), "each rotation sent its patch once");
    }

    /** An abort during a release stops it; the deploy under way puts its task back before the build ends. */
    @Test
    void anAbortedReleasePutsBackTheTaskItWasChangingBeforeTheBuildEnds() throws Exception {
        runPipeline(node(release("first", "")), Result.SUCCESS);
        Map<String, String> before = Map.of("Orders", prod().definition("Orders").orElseThrow(),
                "Customers", prod().definition("Customers").orElseThrow());
        aem.simulator().faults().nextTransport(RequestKind.IMPORT, 1, TransportFault.HANG_AFTER_APPLY);
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(node(change("Orders"), change("Customers"),
                release("r", ", atomic: true, parallel: 1, timeout: 30")), true));
        WorkflowRun b = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Customers: Sending ImportTask", b);
        Thread.sleep(500); // the import has been applied; its answer hangs
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        j.assertLogContains("no further task is deployed; the deploys under way put their tasks back first, and every "
                + "task the release deployed is put back.", b);
        assertEquals(before.get("Customers"), prod().definition("Customers").orElseThrow(), "put back");
        assertEquals(before.get("Orders"), prod().definition("Orders").orElseThrow(), "never deployed");
        String rows = BuildPages.text(j, b, "aem/step/2/");
        assertTrue(rows.contains("Customers\tReplicate-Prod\tUNDONE"), "put back, once the abort had ended the step: " + rows);
        assertTrue(rows.contains("Orders\tReplicate-Prod\tNOT_STARTED"), rows);
        assertBuildHoldsNoSecret(b);
    }

    @Test
    void refusesBadInputBeforeAnythingIsSent() throws Exception {
        WorkflowRun b = runPipeline("node {\n" + ReleaseFolders.EXPORT + "aemDeployTasks connection: 'sim', server: "
                + "'Replicate-Prod', dir: 'release'\n}", Result.FAILURE);
        j.assertLogContains("placeholders without a value: ${SALES_DB} (endpoints/Source-DB.json)", b);
        assertEquals(0, aem.journal().count(JournalEntry::isImport));
        assertEquals(2, aem.journal().count(JournalEntry::isExport), "only the folder's export");
        aem.journal().clear();
        b = runPipeline("node { aemDeployTasks connection: 'sim', server: 'Replicate-Prod', dir: 'release', dryRun: true, "
                + "onDrift: 'SOMETIMES' }", Result.FAILURE);
        j.assertLogContains("onDrift: 'SOMETIMES' is not SUCCESS, UNSTABLE or FAILURE.", b);
        b = runPipeline("node { aemDeployTasks connection: 'sim', server: 'Replicate-Prod', dir: 'release', "
                + "endpointCredentials: ['Source-DB': 'no-such-id'] }", Result.FAILURE);
        j.assertLogContains("endpointCredentials 'Source-DB': 'no-such-id' is not a credential this build can use", b);
        b = runPipeline("node { aemDeployTasks connection: 'sim', server: 'Replicate-Prod', dir: 'release', "
                + "runOption: 'SOMETIMES' }", Result.FAILURE);
        j.assertLogContains("'SOMETIMES' is not a run option", b);
        assertEquals(0, aem.journal().entries().size(), "nothing reached AEM");
        b = runPipeline("aemDeployTasks connection: 'sim', server: 'Replicate-Prod', dir: 'release'", Result.FAILURE);
        j.assertLogContains("Perhaps you forgot to surround the aemDeployTasks step with a step that provides this, such "
                + "as: node", b);
    }

    @Test
    void snippetGeneratorWritesOnlyWhatWasGivenAndTheStepTakesTheShortForms() throws Exception {
        AemDeployTasksStep step = new AemDeployTasksStep("Replicate-Prod", "release");
        step.setConnection("sim");
        step.setTasks(List.of("Orders"));
        step.setValues(List.of(new DefinitionValue("SALES_DB", "SALES_PROD")));
        step.setEndpointCredentials(List.of(new EndpointCredentials("Source-DB", "src")));
        step.setAtomic(true);
        step.setDryRun(true);
        step.setOnDrift("UNSTABLE");
        assertEquals("aemDeployTasks atomic: true, connection: 'sim', dir: 'release', dryRun: true, endpointCredentials: "
                + "[[credentialsId: 'src', endpoint: 'Source-DB']], onDrift: 'UNSTABLE', server: 'Replicate-Prod', tasks: "
                + "['Orders'], values: [[name: 'SALES_DB', value: 'SALES_PROD']]", Snippetizer.object2Groovy(step));
        AemDeployTasksStep shortForm = (AemDeployTasksStep) step.getDescriptor().newInstance(new LinkedHashMap<>(Map.of(
                "server", "Replicate-Prod", "dir", "release", "connection", "sim", "tasks", "Orders", "values",
                Map.of("SALES_DB", "SALES_PROD"), "endpointCredentials", Map.of("Source-DB", "src"), "atomic", true,
                "dryRun", true, "onDrift", "UNSTABLE")));
        j.assertEqualDataBoundBeans(step, shortForm);
    }
}
