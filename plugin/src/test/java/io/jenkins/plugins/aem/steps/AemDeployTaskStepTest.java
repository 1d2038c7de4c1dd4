package io.jenkins.plugins.aem.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.aem.AemFixture;
import io.jenkins.plugins.aem.AemJenkinsTest;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.ServerRepository;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** {@code aemDeployTask}: promote a definition, with plan, backup and restore, and never a secret shown or stored. */
class AemDeployTaskStepTest extends AemJenkinsTest {

    private static final String EXPORT = "aemExportTask connection: 'sim', server: 'Replicate-1', task: 'Orders', "
            + "withEndpoints: true, file: 'Orders.json'\n";
    private static final String CREDENTIALS = "endpointCredentials: ['Source-DB': '" + AemFixture.SOURCE_DB_ID
            + "', 'Target-DB': '" + AemFixture.TARGET_DB_ID + "']";

    private String deploy(String task, String options) {
        return "echo \"\" + aemDeployTask(connection: 'sim', server: 'Replicate-Prod', task: '" + task + "', definition: "
                + "'Orders.json', " + options + ").with { \"result=${it.result} changed=${it.changed} "
                + "restarted=${it.restarted} plan=${it.plan}\" }\n";
    }

    /** Changes the exported file in the workspace: a setting of endpoint Source-DB, which an import can change. */
    private static String database(String name) {
        return "writeFile file: 'Orders.json', text: readFile('Orders.json').replace('\"Sales\"', '\"" + name + "\"')\n";
    }

    private ServerRepository prod() {
        return aem.simulator().repository("Replicate-Prod");
    }

    /** Checks everything Jenkins keeps of a build for the secrets: its log, its build.xml and its archived files. */
    private void assertBuildHoldsNoSecret(WorkflowRun b) throws Exception {
        aem.assertNoSecrets("the build log", JenkinsRule.getLog(b));
        aem.assertNoSecrets("build.xml", Files.readString(new File(b.getRootDir(), "build.xml").toPath()));
        for (var artifact : b.getArtifacts()) {
            aem.assertNoSecrets("artifact " + artifact.relativePath, Files.readString(artifact.getFile().toPath()));
        }
    }

    @Test
    void promotesAnExportToAnotherServerWithSecretsFromCredentials() throws Exception {
        WorkflowRun b = runPipeline("node {\n" + EXPORT + deploy("Orders", CREDENTIALS)
                + deploy("Orders", CREDENTIALS) + "}", Result.SUCCESS);
        j.assertLogContains("result=DEPLOYED changed=true", b);
        j.assertLogContains("result=NO_CHANGE changed=false", b);
        assertTrue(prod().taskExists("Orders"));
        assertTrue(prod().secretMatches("Source-DB", "password", AemFixture.SOURCE_DB_PASSWORD));
        assertTrue(prod().secretMatches("Target-DB", "password", AemFixture.TARGET_DB_SECRET));
        assertEquals(1, prod().imports().size(), "the second deploy found the file in place and sent nothing");
        assertBuildHoldsNoSecret(b);
    }

    @Test
    void substitutionsApplyBeforeThePlanAndADryRunChangesNothing() throws Exception {
        runPipeline("node {\n" + EXPORT + deploy("Orders", CREDENTIALS) + "}", Result.SUCCESS);
        String before = prod().definition("Orders").orElseThrow();
        WorkflowRun b = runPipeline("node {\n" + EXPORT + database("${DB}")
                + deploy("Orders", CREDENTIALS + ", substitutions: [DB: 'SALES_PROD'], dryRun: true") + "}", Result.SUCCESS);
        j.assertLogContains("result=DRY_RUN changed=false", b);
        j.assertLogContains("change endpoint 'Source-DB': db_settings.database: \"Sales\" -> \"SALES_PROD\"", b);
        assertEquals(before, prod().definition("Orders").orElseThrow());
        assertEquals(1, prod().imports().size(), "only the first deploy imported");
    }

    @Test
    void anEndpointWithoutCredentialsThatTheTargetLacksFailsBeforeAnythingIsSent() throws Exception {
        WorkflowRun b = runPipeline("node {\n" + EXPORT
                + "writeFile file: 'Orders.json', text: readFile('Orders.json').replace('Target-DB', 'Target-DB-2')\n"
                + deploy("Orders", CREDENTIALS) + "}", Result.FAILURE);
        j.assertLogContains("endpoint 'Target-DB-2' has secrets", b);
        j.assertLogContains("Nothing was sent to AEM", b);
        assertEquals(0, aem.journal().count(JournalEntry::isImport));
        assertFalse(prod().taskExists("Orders"));
    }

    @Test
    void aRunningTaskIsRefusedUnlessTheStepMayStopIt() throws Exception {
        runPipeline("node {\n" + EXPORT + deploy("Orders", CREDENTIALS)
                + "aemRunTask connection: 'sim', server: 'Replicate-Prod', task: 'Orders'\n}", Result.SUCCESS);
        aem.journal().clear();
        WorkflowRun refused = runPipeline("node {\n" + EXPORT + database("Sales2")
                + deploy("Orders", CREDENTIALS) + "}", Result.FAILURE);
        j.assertLogContains("a definition is never imported under a task that is not stopped", refused);
        assertEquals(0, aem.journal().count(JournalEntry::isImport));
        WorkflowRun b = runPipeline("node {\n" + EXPORT
                + "writeFile file: 'Orders.json', text: readFile('Orders.json').replace('ORDERS_10', 'ORDERS_11')\n"
                + deploy("Orders", CREDENTIALS + ", stopIfRunning: true, replace: true") + "}", Result.SUCCESS);
        j.assertLogContains("result=DEPLOYED changed=true restarted=true", b);
        assertEquals("RUNNING", aem.task("Replicate-Prod", "Orders").state());
        assertTrue(b.getArtifactManager().root().child("aem-backups/Replicate-Prod/Orders.json").exists(),
                "the backup is archived with the build");
        assertBuildHoldsNoSecret(b);
    }

    @Test
    void aFailureAfterTheImportRestoresTheTask() throws Exception {
        runPipeline("node {\n" + EXPORT + deploy("Orders", CREDENTIALS)
                + "aemRunTask connection: 'sim', server: 'Replicate-Prod', task: 'Orders'\n}", Result.SUCCESS);
        String before = prod().definition("Orders").orElseThrow();
        aem.task("Replicate-Prod", "Orders").spec().runErrorOnce("AEM_RUN_TASK_INNER_ERR");
        WorkflowRun b = runPipeline("node {\n" + EXPORT + database("Sales2")
                + deploy("Orders", CREDENTIALS + ", stopIfRunning: true") + "}", Result.FAILURE);
        j.assertLogContains("restored", b);
        assertEquals(before, prod().definition("Orders").orElseThrow(), "the task is as it was");
        assertTrue(aem.task("Replicate-Prod", "Orders").awaitState("RUNNING", java.time.Duration.ofSeconds(10)),
                "running again, as it was");
        assertBuildHoldsNoSecret(b);
    }

    @Test
    void abortAfterTheTaskChangedRestoresItBeforeTheBuildEnds() throws Exception {
        runPipeline("node {\n" + EXPORT + deploy("Orders", CREDENTIALS) + "}", Result.SUCCESS);
        String before = prod().definition("Orders").orElseThrow();
        aem.simulator().faults().nextTransport(RequestKind.IMPORT, 1, io.jenkins.plugins.aem.simulator.TransportFault.HANG_AFTER_APPLY);
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("node {\n" + EXPORT + database("Sales3")
                + deploy("Orders", CREDENTIALS + ", timeout: 120") + "}", true));
        WorkflowRun b = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Sending ImportTask", b);
        Thread.sleep(500); // the import has been applied; its answer hangs
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        j.assertLogContains("the task is restored first", b);
        assertEquals(before, prod().definition("Orders").orElseThrow(), "the aborted deploy left the task as it was");
        assertBuildHoldsNoSecret(b);
    }

    @Test
    void snippetGeneratorWritesTheListsAndTheStepTakesTheShortForms() throws Exception {
        AemDeployTaskStep step = new AemDeployTaskStep("Replicate-Prod", "Orders", "Orders.json");
        step.setConnection("sim");
        step.setSubstitutions(List.of(new DefinitionValue("ENV", "PROD")));
        step.setEndpointCredentials(List.of(new EndpointCredentials("Source-DB", "src")));
        step.setStopIfRunning(true);
        assertEquals("aemDeployTask connection: 'sim', definition: 'Orders.json', endpointCredentials: [[credentialsId: "
                + "'src', endpoint: 'Source-DB']], server: 'Replicate-Prod', stopIfRunning: true, substitutions: "
                + "[[name: 'ENV', value: 'PROD']], task: 'Orders'", Snippetizer.object2Groovy(step));
        AemDeployTaskStep shortForm = (AemDeployTaskStep) step.getDescriptor().newInstance(new java.util.LinkedHashMap<>(
                java.util.Map.of("server", "Replicate-Prod", "task", "Orders", "definition", "Orders.json",
                        "connection", "sim", "stopIfRunning", true, "substitutions", java.util.Map.of("ENV", "PROD"),
                        "endpointCredentials", java.util.Map.of("Source-DB", "src"))));
        j.assertEqualDataBoundBeans(step, shortForm);
    }
}
