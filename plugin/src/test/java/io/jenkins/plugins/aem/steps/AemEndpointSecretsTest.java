package io.jenkins.plugins.aem.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import io.jenkins.plugins.aem.AemFixture;
import io.jenkins.plugins.aem.AemJenkinsTest;
import io.jenkins.plugins.aem.KeptFiles;
import io.jenkins.plugins.aem.report.AemBuildAction;
import io.jenkins.plugins.aem.report.DeployRecord;
import io.jenkins.plugins.aem.report.DeployReport;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.ServerRepository;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The endpoint test and secret rotation in Jenkins: {@code updateSecrets} and {@code skipEndpointTest} on
 * {@code aemDeployTask}, and {@code aemRotateSecrets}, against a simulated database that knows which password it takes.
 * The build's AEM page names the endpoints rotated and tested.
 */
class AemEndpointSecretsTest extends AemJenkinsTest {

    /** The password a DBA gave Source-DB's database: what a rotation must bring. */
    static final String NEW_PASSWORD = "R0tated-Source-Pw-77";
    static final String NEW_ID = "source-db-rotated";
    private static final String WRONG_PASSWORD = "Wr0ng-Source-Pw-13";
    private static final String WRONG_ID = "source-db-wrong";
    private static final String CREDENTIALS = "endpointCredentials: ['Source-DB': '" + AemFixture.SOURCE_DB_ID
            + "', 'Target-DB': '" + AemFixture.TARGET_DB_ID + "']";
    private static final String SETUP = "node {\n"
            + "aemExportTask connection: 'sim', server: 'Replicate-1', task: 'Orders', withEndpoints: true, file: 'Orders.json'\n"
            + "aemDeployTask connection: 'sim', server: 'Replicate-Prod', task: 'Orders', definition: 'Orders.json', "
            + CREDENTIALS + "\n}";

    static {
        SecretScan.register(NEW_PASSWORD);
        SecretScan.register(WRONG_PASSWORD);
    }

    @BeforeEach
    void rotatedCredentials() throws Exception {
        addRotatedCredentials(j.jenkins);
    }

    /** Source-DB's new password, and a mistyped one, as Jenkins credentials {@link #NEW_ID} and {@code source-db-wrong}. */
    static void addRotatedCredentials(jenkins.model.Jenkins jenkins) throws Exception {
        var store = CredentialsProvider.lookupStores(jenkins).iterator().next();
        store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, NEW_ID,
                "Source database, new password", AemFixture.SOURCE_DB_USER, NEW_PASSWORD));
        store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, WRONG_ID,
                "Source database, mistyped", AemFixture.SOURCE_DB_USER, WRONG_PASSWORD));
    }

    private WorkflowJob job;

    /** Builds {@code script} in the test's one job, whose workspace keeps the exported file between builds. */
    private WorkflowRun build(String script, Result expected) throws Exception {
        if (job == null) {
            job = j.createProject(WorkflowJob.class, "endpoints");
        }
        job.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = j.assertBuildStatus(expected, job.scheduleBuild2(0));
        aem.assertNoSecrets("the build log", JenkinsRule.getLog(b));
        return b;
    }

    private ServerRepository prod() {
        return aem.simulator().repository("Replicate-Prod");
    }

    private static DeployReport page(WorkflowRun b, int step) {
        return ((DeployRecord) b.getAction(AemBuildAction.class).getSteps().get(step)).getSingle();
    }

    private static String rotate(String id, String more) {
        return "def r = aemRotateSecrets connection: 'sim', server: 'Replicate-Prod', task: 'Orders', "
                + "endpointCredentials: ['Source-DB': '" + id + "']" + more + "\n"
                + "echo \"result=${r.result} tested=${r.testedEndpoints} backup=${r.backup}\"\n";
    }

    @Test
    void updateSecretsRotatesThroughPatchEndpointAndTestsTheEndpoint() throws Exception {
        build(SETUP, Result.SUCCESS);
        prod().endpoints().databaseSecret("Source-DB", "password", NEW_PASSWORD);
        int imports = prod().imports().size();
        WorkflowRun b = build("node {\n def r = aemDeployTask connection: 'sim', server: 'Replicate-Prod', task: "
                + "'Orders', definition: 'Orders.json', endpointCredentials: ['Source-DB': '" + NEW_ID + "'], "
                + "updateSecrets: true\n echo \"result=${r.result} tested=${r.testedEndpoints}\"\n}", Result.SUCCESS);
        j.assertLogContains("rotate the secret of endpoint 'Source-DB' (password) through PatchEndpoint", b);
        j.assertLogContains("result=DEPLOYED tested=[Source-DB]", b);
        assertTrue(prod().secretMatches("Source-DB", "password", NEW_PASSWORD));
        assertEquals(imports, prod().imports().size(), "a rotation alone imports nothing");
        assertEquals(1, prod().endpoints().patches().size());
        assertEquals("'Source-DB'", page(b, 0).getRotatedEndpoints());
        assertEquals("'Source-DB'", page(b, 0).getTestedEndpoints());
        KeptFiles.assertBuildFolderClean(b);
    }

    @Test
    void aRotationWhoseTestFailsPutsTheOldSecretBack() throws Exception {
        build(SETUP, Result.SUCCESS);
        prod().endpoints().databaseSecret("Source-DB", "password", NEW_PASSWORD);
        prod().endpoints().databaseAlsoAccepts("Source-DB", "password", AemFixture.SOURCE_DB_PASSWORD);
        WorkflowRun b = build("node {\n" + rotate(WRONG_ID, "") + "}", Result.FAILURE);
        j.assertLogContains("Endpoint 'Source-DB' of server 'Replicate-Prod' did not connect", b);
        j.assertLogContains("restored", b);
        assertTrue(prod().secretMatches("Source-DB", "password", AemFixture.SOURCE_DB_PASSWORD), "the old secret is back");
        assertEquals("FAILED", page(b, 0).getResult());
        KeptFiles.assertBuildFolderClean(b);
    }

    @Test
    void aemRotateSecretsNeedsNoNodeArchivesItsBackupAndRestartsNothingUnasked() throws Exception {
        build(SETUP + "\naemRunTask connection: 'sim', server: 'Replicate-Prod', task: 'Orders'", Result.SUCCESS);
        prod().endpoints().databaseSecret("Source-DB", "password", NEW_PASSWORD);
        WorkflowRun refused = build(rotate(NEW_ID, ""), Result.FAILURE);
        j.assertLogContains("is RUNNING: rotating its endpoints' secrets needs stopIfRunning", refused);
        assertEquals(0, prod().endpoints().patches().size(), "nothing was sent");
        WorkflowRun b = build(rotate(NEW_ID, ", stopIfRunning: true"), Result.SUCCESS);
        j.assertLogContains("result=DEPLOYED tested=[Source-DB] backup=artifact aem-backups/Replicate-Prod/Orders.json", b);
        assertTrue(b.getArtifactManager().root().child("aem-backups/Replicate-Prod/Orders.json").exists());
        assertTrue(prod().secretMatches("Source-DB", "password", NEW_PASSWORD));
        assertTrue(aem.task("Replicate-Prod", "Orders").awaitState("RUNNING", Duration.ofSeconds(10)));
        assertTrue(prod().runningSecretMatches("Orders", "Source-DB", "password", NEW_PASSWORD),
                "the task was run again, and runs on the new secret");
        assertEquals("rotate", page(b, 0).getRecord().getAsked().substring(0, 6));
        assertEquals("'Source-DB'", page(b, 0).getRotatedEndpoints());
        KeptFiles.assertBuildFolderClean(b);
    }

    @Test
    void skipEndpointTestDeploysAnEndpointAemCannotTest() throws Exception {
        build(SETUP, Result.SUCCESS);
        prod().endpoints().databaseSecret("Source-DB", "password", NEW_PASSWORD);
        String change = "writeFile file: 'Orders.json', text: readFile('Orders.json').replace('\"Sales\"', '\"Sales2\"')\n";
        String deploy = "def r = aemDeployTask connection: 'sim', server: 'Replicate-Prod', task: 'Orders', definition: "
                + "'Orders.json', " + CREDENTIALS;
        WorkflowRun tested = build("node {\n" + change + deploy + "\n}", Result.FAILURE);
        j.assertLogContains("Endpoint 'Source-DB' of server 'Replicate-Prod' did not connect", tested);
        long tests = aem.journal().count(e -> e.kind() == RequestKind.TEST_ENDPOINT);
        WorkflowRun b = build("node {\n" + change + deploy + ", skipEndpointTest: true\n"
                + "echo \"result=${r.result} tested=${r.testedEndpoints}\"\n}", Result.SUCCESS);
        j.assertLogContains("are not tested (skipEndpointTest)", b);
        j.assertLogContains("result=DEPLOYED tested=[]", b);
        assertEquals(tests, aem.journal().count(e -> e.kind() == RequestKind.TEST_ENDPOINT), "no TestEndpoint was sent");
        assertNull(page(b, 0).getTestedEndpoints());
        assertTrue(prod().definition("Orders").orElseThrow().contains("Sales2"));
        assertFalse(aem.journal().entries().stream().filter(JournalEntry::isImport).anyMatch(e -> e.status() == 0));
    }

    @Test
    void snippetGeneratorWritesTheNewOptionsAndTheRotationStep() throws Exception {
        AemDeployTaskStep deploy = new AemDeployTaskStep("Replicate-Prod", "Orders", "Orders.json");
        deploy.setConnection("sim");
        deploy.setUpdateSecrets(true);
        deploy.setSkipEndpointTest(true);
        assertEquals("aemDeployTask connection: 'sim', definition: 'Orders.json', server: 'Replicate-Prod', "
                + "skipEndpointTest: true, task: 'Orders', updateSecrets: true", Snippetizer.object2Groovy(deploy));
        AemRotateSecretsStep rotate = new AemRotateSecretsStep("Replicate-Prod", "Orders");
        rotate.setConnection("sim");
        rotate.setEndpointCredentials(List.of(new EndpointCredentials("Source-DB", NEW_ID)));
        rotate.setStopIfRunning(true);
        assertEquals("aemRotateSecrets connection: 'sim', endpointCredentials: [[credentialsId: '" + NEW_ID
                + "', endpoint: 'Source-DB']], server: 'Replicate-Prod', stopIfRunning: true, task: 'Orders'",
                Snippetizer.object2Groovy(rotate));
        Map<String, Object> shortForm = new LinkedHashMap<>(Map.of("server", "Replicate-Prod", "task", "Orders",
                "connection", "sim", "stopIfRunning", true, "endpointCredentials", Map.of("Source-DB", NEW_ID)));
        j.assertEqualDataBoundBeans(rotate, rotate.getDescriptor().newInstance(shortForm));
    }

    @Test
    void aRotationWithoutCredentialsIsRefusedBeforeAnythingIsSent() throws Exception {
        WorkflowRun b = build("aemRotateSecrets connection: 'sim', server: 'Replicate-Prod', task: 'Orders'",
                Result.FAILURE);
        j.assertLogContains("endpointCredentials: is empty: there is no secret to rotate.", b);
        assertEquals(0, aem.journal().count(e -> e.kind() == RequestKind.EXPORT));
    }
}
