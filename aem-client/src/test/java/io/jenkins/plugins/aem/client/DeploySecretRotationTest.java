package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.Role;
import io.jenkins.plugins.aem.simulator.TransportFault;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rotating endpoint secrets (updateSecrets): sent even when nothing else changes, through PatchEndpoint on the secret
 * fields alone, tested, put back from the backup when the test fails; the other tasks that use a rotated endpoint are
 * named, and restarted with stopIfRunning.
 */
class DeploySecretRotationTest {

    private static final String ROTATED = "rotated-Source-Pw-7";
    private static final String MISTYPED = "rotated-Source-Pw-l";

    static {
        SecretScan.register(ROTATED);
        SecretScan.register(MISTYPED);
    }

    private final DeployFixture f = new DeployFixture(b -> b.user("patcher", "patch-Pa55-word", Role.DESIGNER, Role.OPERATOR));
    private final TaskRef orders = new TaskRef("Prod", "Orders");
    private final TaskRef live = new TaskRef("Prod", "Live");

    @AfterEach
    void close() {
        f.close();
    }

    /** The task's own definition with a new secret for Source-DB, to rotate (the DBA changed the password). */
    private DeployRequest rotate(TaskRef task, String secret) {
        f.repo("Prod").endpoints().databaseSecret("Source-DB", "password", ROTATED);
        return DeployRequest.of(task, f.export("Prod", task.task(), true))
                .withSecrets(Map.of("Source-DB", EndpointSecret.secretText(secret))).withUpdateSecrets(true)
                .withTimeout(Duration.ofSeconds(30)).withBackupSink(b -> "backup.json");
    }

    @Test
    void aSecretAloneIsRotatedThroughPatchEndpointAndTested() {
        DeployRequest request = rotate(orders, ROTATED);
        assertThat(f.deploy(request.withUpdateSecrets(false)).result()).as("without updateSecrets, no change")
                .isEqualTo(DeployOutcome.Result.NO_CHANGE);
        DeployOutcome outcome = f.deploy(request);
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(outcome.plan().lines()).contains(
                "rotate the secret of endpoint 'Source-DB' (password) through PatchEndpoint, its secret fields alone",
                "task Live (RUNNING) uses endpoint 'Source-DB' and keeps its old secret until run again; restart the "
                        + "running ones to use the new secret (or deploy with stopIfRunning)",
                "test endpoint 'Source-DB' (TestEndpoint) before the task runs");
        assertThat(f.repo("Prod").imports()).isEmpty();
        assertThat(f.repo("Prod").endpoints().patches()).singleElement()
                .satisfies(p -> assertThat(p.paths()).containsExactly("add /db_settings/password"));
        assertThat(f.repo("Prod").secretMatches("Source-DB", "password", ROTATED)).isTrue();
        assertThat(outcome.testedEndpoints()).containsExactly("Source-DB");
        assertThat(outcome.actions()).containsExactly("rotated the secret of endpoint 'Source-DB' (PatchEndpoint)",
                "tested endpoint 'Source-DB': CONNECTED");
        assertThat(f.repo("Prod").runningSecretMatches("Live", "Source-DB", "password", ROTATED)).isFalse();
    }

    @Test
    void aRotationThatFailsItsTestPutsTheOldSecretBack() {
        f.deploy(rotate(orders, ROTATED));
        String endpointBefore = f.repo("Prod").endpoint("Source-DB").orElseThrow();
        AemException e = f.deployFails(rotate(orders, MISTYPED));
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(e.getMessage()).contains("Endpoint 'Source-DB' of server 'Prod' did not connect: TestEndpoint answered ERROR")
                .endsWith("The task was restored to its definition before the deploy and is STOPPED, as it was.");
        assertThat(f.repo("Prod").secretMatches("Source-DB", "password", ROTATED)).isTrue();
        assertThat(f.repo("Prod").endpoint("Source-DB").orElseThrow()).isEqualTo(endpointBefore);
        assertThat(f.repo("Prod").imports()).singleElement().satisfies(i -> assertThat(i.accepted()).isTrue());
    }

    @Test
    void withStopIfRunningTheTasksUsingARotatedEndpointAreRestarted() {
        DeployOutcome outcome = f.deploy(rotate(orders, ROTATED).withStopIfRunning(true, null, null));
        assertThat(outcome.plan().lines()).contains("task Live (RUNNING) uses endpoint 'Source-DB' and keeps its old "
                + "secret until run again; the running ones are restarted (stopped, then run with RESUME_PROCESSING)");
        assertThat(outcome.actions()).endsWith("restarted task 'Live' (RESUME_PROCESSING) to use the new secret");
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
        assertThat(f.repo("Prod").runningSecretMatches("Live", "Source-DB", "password", ROTATED)).isTrue();
    }

    @Test
    void aRunningTaskIsRotatedOnlyWithStopIfRunning() {
        AemException refused = f.deployFails(rotate(live, ROTATED));
        assertThat(refused.kind()).isEqualTo(FailureKind.DEPLOY_REFUSED);
        assertThat(refused.getMessage()).isEqualTo("task 'Live' on server 'Prod' is RUNNING: rotating its endpoints' "
                + "secrets needs stopIfRunning (--stop-if-running). A rotation whose endpoint test fails is undone by "
                + "importing the backup, which is never done under a task that is not stopped. Nothing was changed.");
        assertThat(f.repo("Prod").endpoints().patches()).isEmpty();

        DeployOutcome outcome = f.deploy(rotate(live, ROTATED).withStopIfRunning(true, null, null));
        assertThat(outcome.restarted()).isTrue();
        assertThat(f.repo("Prod").runningSecretMatches("Live", "Source-DB", "password", ROTATED)).isTrue();
    }

    @Test
    void theTasksUsingItCannotBeFoundWhenAemRefusesTheTaskList() {
        AtomicBoolean armed = new AtomicBoolean();
        DeployOutcome outcome = SimFixture.join(f.deployer().deploy(rotate(orders, ROTATED), e -> {
            f.fx.listener().onProgress(e);
            if (e.message().contains("backing its definition up") && armed.compareAndSet(false, true)) {
                // GetEndpointList, then GetTaskList: both refused to this account.
                f.fx.sim.faults().failNext(RequestKind.READ, 2, "UNAUTHORIZED_REQUEST");
            }
        }));
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(outcome.plan().lines()).contains("the other tasks using Source-DB cannot all be found (AEM refused "
                + "GetTaskList (UNAUTHORIZED_REQUEST)): any of them keeps the old secret until run again");
    }

    @Test
    void aSecretForAnEndpointTheTaskDoesNotHoldIsRefused() {
        AemException e = f.deployFails(rotate(orders, ROTATED).withSecrets(Map.of("Source-DB",
                EndpointSecret.secretText(ROTATED), "Warehouse-DB", EndpointSecret.secretText(ROTATED))));
        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_INPUT);
        assertThat(e.getMessage()).startsWith("secrets: were given to rotate for Warehouse-DB, which the task's definition "
                + "does not hold.");
        assertThat(f.repo("Prod").endpoints().patches()).isEmpty();
    }

    @Test
    void withAnImportToSendTheSecretsGoWithIt() {
        DeployRequest request = rotate(orders, ROTATED);
        DeployOutcome outcome = f.deploy(DeployRequest.of(orders, request.definition().replace("\"full_load_sub_tasks\": 5",
                "\"full_load_sub_tasks\": 6")).withSecrets(request.secrets()).withUpdateSecrets(true));
        assertThat(outcome.plan().lines()).contains("the secrets given for 'Source-DB' are rotated with the import (updateSecrets)")
                .anyMatch(l -> l.startsWith("task Live (RUNNING) uses endpoint 'Source-DB'"));
        assertThat(f.repo("Prod").endpoints().patches()).isEmpty();
        assertThat(f.repo("Prod").imports()).singleElement().satisfies(i -> assertThat(i.endpoints()).containsExactly("Source-DB"));
        assertThat(outcome.testedEndpoints()).containsExactly("Source-DB");
        assertThat(f.repo("Prod").secretMatches("Source-DB", "password", ROTATED)).isTrue();
    }

    @Test
    void rotateSecretsExportsTheTasksOwnDefinitionAndRotates() {
        f.repo("Prod").endpoints().databaseSecret("Source-DB", "password", ROTATED);
        DeployOutcome outcome = SimFixture.join(f.deployer().rotateSecrets(new RotateRequest(orders,
                Map.of("Source-DB", EndpointSecret.secretText(ROTATED)), true, null, null, false, Duration.ofSeconds(30),
                b -> "backup.json", null), f.fx.listener()));
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(outcome.backupLocation()).isEqualTo("backup.json");
        assertThat(f.repo("Prod").secretMatches("Source-DB", "password", ROTATED)).isTrue();
        assertThat(f.repo("Prod").runningSecretMatches("Live", "Source-DB", "password", ROTATED)).isTrue();
        assertThat(f.repo("Prod").imports()).isEmpty();
    }

    @Test
    void aLostPatchAnswerIsSentAgainForItSetsTheSameValues() {
        f.fx.sim.faults().nextTransport(RequestKind.PATCH_ENDPOINT, 1, TransportFault.RESET_AFTER_APPLY);
        DeployOutcome outcome = f.deploy(rotate(orders, ROTATED));
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(f.repo("Prod").endpoints().patches()).hasSize(2).allSatisfy(p -> assertThat(p.accepted()).isTrue());
        assertThat(f.repo("Prod").secretMatches("Source-DB", "password", ROTATED)).isTrue();
    }

    @Test
    void anAccountRefusedPatchEndpointIsToldTheRoleAndNothingChanges() {
        AemClient patcher = f.fx.pool.client(ConnectionSettings.builder(f.fx.sim.baseUrl().toString(),
                Credentials.of("patcher", "patch-Pa55-word")).build());
        String before = f.repo("Prod").endpoint("Source-DB").orElseThrow();
        AemException e = DeployFixture.fails(patcher.deploy(rotate(orders, ROTATED), null));
        assertThat(e.kind()).isEqualTo(FailureKind.AEM_ERROR);
        assertThat(e.getMessage()).isEqualTo("AEM refused PatchEndpoint for endpoint 'Source-DB' of server 'Prod' "
                + "(UNAUTHORIZED_REQUEST - Unauthorized Request.): the account 'patcher' lacks the role to rotate secrets.");
        assertThat(e.remedy()).startsWith("Rotating secrets needs Designer on All Endpoints");
        assertThat(f.repo("Prod").endpoint("Source-DB").orElseThrow()).isEqualTo(before);
        assertThat(f.repo("Prod").imports()).isEmpty();
    }
}
