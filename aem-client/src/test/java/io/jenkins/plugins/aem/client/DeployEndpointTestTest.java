package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.TestEndpointShape;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoint test of a deploy: every endpoint an import created or changed (or sent the secret of) is tested with
 * TestEndpoint before the task runs again; one that does not connect fails the deploy, which restores the task.
 */
class DeployEndpointTestTest {

    private static final String MISTYPED = "prod-Source-Secret-l";

    static {
        SecretScan.register(MISTYPED);
    }

    private final DeployFixture f = new DeployFixture();
    private final TaskRef live = new TaskRef("Prod", "Live");

    @AfterEach
    void close() {
        f.close();
    }

    /** Live from Dev, one setting changed, with Prod's secrets: both endpoints are imported with their secret. */
    private DeployRequest changeLive() {
        return f.changeLive(8);
    }

    private DeployRequest changeLive(int threads) {
        return f.changeLive(threads);
    }

    private List<JournalEntry> tests() {
        return f.fx.sim.journal().entries().stream().filter(e -> e.kind() == RequestKind.TEST_ENDPOINT).toList();
    }

    @Test
    void everyEndpointTheImportWroteIsTestedBeforeTheTaskRunsAgain() {
        DeployOutcome outcome = f.deploy(changeLive());
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(outcome.testedEndpoints()).containsExactly("Source-DB", "Target-DB");
        assertThat(outcome.plan().lines()).contains("test endpoints 'Source-DB', 'Target-DB' (TestEndpoint) before the task runs");
        assertThat(outcome.actions()).containsSubsequence("imported the definition into task 'Live' on server 'Prod'",
                "tested endpoint 'Source-DB': CONNECTED", "tested endpoint 'Target-DB': CONNECTED",
                "ran task 'Live' on server 'Prod' again (RESUME_PROCESSING)");
        JournalEntry lastTest = tests().get(1);
        JournalEntry run = f.fx.sim.journal().entries().stream().filter(JournalEntry::isRun).findFirst().orElseThrow();
        assertThat(lastTest.at()).isBeforeOrEqualTo(run.at());
    }

    @Test
    void aDeployThatWritesNoEndpointTestsNone() {
        String file = f.export("Dev", "Live", true).replace("\"parallel_load_threads\": 4", "\"parallel_load_threads\": 8");
        DeployOutcome outcome = f.deploy(DeployRequest.of(live, file).withStopIfRunning(true, null, null));
        assertThat(outcome.plan().lines()).contains("keep endpoint 'Source-DB' as the target has it (no secret was given for it)")
                .noneMatch(l -> l.startsWith("test endpoint"));
        assertThat(tests()).isEmpty();
        assertThat(outcome.testedEndpoints()).isEmpty();
    }

    /** Prod's Source-DB database expects SOURCE_SECRET, which a first deploy brought; a second one mistypes it. */
    private DeployRequest mistyped() {
        f.repo("Prod").endpoints().databaseSecret("Source-DB", "password", DeployFixture.SOURCE_SECRET);
        f.deploy(changeLive());
        return changeLive(9).withSecrets(Map.of("Source-DB", EndpointSecret.secretText(MISTYPED),
                "Target-DB", EndpointSecret.secretText(DeployFixture.TARGET_SECRET)));
    }

    @Test
    void anEndpointThatDoesNotConnectFailsTheDeployAndTheTaskIsRestored() {
        DeployRequest mistyped = mistyped();
        String before = f.repo("Prod").definition("Live").orElseThrow();
        long runs = f.fx.sim.task("Prod", "Live").commands().stream().filter(c -> "run".equals(c.action())).count();
        AemException e = f.deployFails(mistyped);
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(e.getMessage()).startsWith("The deploy of task 'Live' on server 'Prod' failed: Endpoint 'Source-DB' of "
                        + "server 'Prod' did not connect: TestEndpoint answered ERROR - Test connection to endpoint 'Source-DB' failed. "
                        + "(the database refused the login of user 'replicate'")
                .endsWith("is RUNNING again, as it was.")
                .doesNotContain(DeployFixture.SOURCE_SECRET).doesNotContain(MISTYPED);
        assertThat(e.remedy()).contains("--no-endpoint-test");
        assertThat(f.repo("Prod").definition("Live").orElseThrow()).isEqualTo(before);
        assertThat(f.repo("Prod").secretMatches("Source-DB", "password", DeployFixture.SOURCE_SECRET)).isTrue();
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
        assertThat(f.repo("Prod").runningSecretMatches("Live", "Source-DB", "password", DeployFixture.SOURCE_SECRET)).isTrue();
        assertThat(f.fx.sim.task("Prod", "Live").commands().stream().filter(c -> "run".equals(c.action())).count())
                .as("run once, by the restore, with the old secret").isEqualTo(runs + 1);
    }

    @Test
    void aHostAemCannotReachFailsTheDeployWithAemsTimeoutWithinTheDeadline() {
        f.repo("Prod").endpoints().hostReachable("acme-typo.snowflakecomputing.com", false);
        String typo = f.export("Dev", "Live", true).replace("acme.snowflakecomputing.com", "acme-typo.snowflakecomputing.com");
        AemException e = f.deployFails(f.changeLive(typo).withTimeout(Duration.ofSeconds(10)));
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(e.errorCode()).isEqualTo("AEM_TEST_ENDPOINT_CONNECTION_TIMEOUT");
        assertThat(e.getMessage()).contains("Endpoint 'Target-DB' of server 'Prod' did not connect within TestEndpoint's timeout");
        // AEM was asked to wait no longer than the steps forward had left (6 s of the 10).
        assertThat(tests()).last().satisfies(t -> assertThat(Integer.parseInt(t.query().get("timeout"))).isBetween(1, 6));
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
    }

    @Test
    void theTestCanBeSkippedAndThePlanSaysSo() {
        DeployOutcome outcome = f.deploy(changeLive().withSkipEndpointTest(true));
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(outcome.plan().lines()).contains("endpoints 'Source-DB', 'Target-DB' are not tested (skipEndpointTest): "
                + "a wrong secret or host shows only when a task runs");
        assertThat(outcome.warnings()).anyMatch(w -> w.startsWith("Endpoint test skipped (skipEndpointTest)"));
        assertThat(tests()).isEmpty();
        // What the test would have caught shows only when the task runs.
        AemException e = f.deployFails(mistyped().withSkipEndpointTest(true));
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(e.getMessage()).contains("The task failed: ERROR: Cannot connect to endpoint 'Source-DB'");
        assertThat(tests()).isEmpty();
    }

    @Test
    void eachAnswerKeyOfTheAemReleasesIsRead() {
        for (TestEndpointShape shape : List.of(TestEndpointShape.STATUS, TestEndpointShape.STATE, TestEndpointShape.REQUESTSTATE)) {
            f.fx.sim.testEndpointShape(shape);
            String file = f.export("Dev", "Orders", true);
            DeployOutcome outcome = f.deploy(DeployRequest.of(new TaskRef("Prod", "New-" + shape), file)
                    .withSecrets(DeployFixture.prodSecrets()));
            assertThat(outcome.testedEndpoints()).as(shape.name()).containsExactly("Source-DB", "Target-DB");
        }
    }

    @Test
    void anAemWithoutTestEndpointIsSaidOnceAndNotAskedAgain() {
        f.fx.sim.testEndpointShape(TestEndpointShape.ABSENT);
        DeployOutcome first = f.deploy(changeLive());
        assertThat(first.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(first.testedEndpoints()).isEmpty();
        assertThat(first.warnings()).filteredOn(w -> w.contains("no TestEndpoint")).containsExactly("AEM answered "
                + "TestEndpoint with 404 Not Found: this AEM release has no TestEndpoint, so endpoints are not tested before "
                + "the task runs. Not tested: endpoints 'Source-DB', 'Target-DB'.");
        assertThat(tests()).hasSize(1);
        DeployOutcome second = f.deploy(changeLive(9));
        assertThat(second.warnings()).anyMatch(w -> w.contains("no TestEndpoint"));
        assertThat(tests()).as("the connection remembers it").hasSize(1);
    }

    @Test
    void anAccountRefusedTestEndpointIsToldOnceAndTheDeployGoesOn() {
        f.fx.sim.faults().failNext(RequestKind.TEST_ENDPOINT, 1, "UNAUTHORIZED_REQUEST");
        DeployOutcome outcome = f.deploy(changeLive());
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(outcome.warnings()).contains("AEM refused TestEndpoint to account 'deployer' (UNAUTHORIZED_REQUEST), so "
                + "endpoints are not tested before the task runs. Give the account the role AEM asks for it (Designer on All "
                + "Endpoints) to have them tested. Not tested: endpoints 'Source-DB', 'Target-DB'.");
        assertThat(f.deploy(changeLive(9)).warnings())
                .anyMatch(w -> w.startsWith("AEM refused TestEndpoint"));
        assertThat(tests()).hasSize(1);
    }
}
