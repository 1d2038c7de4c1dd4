package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import io.jenkins.plugins.aem.simulator.RequestKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rules of a deploy that succeeds or is refused before it changes anything. */
class DeployTest {

    private final DeployFixture f = new DeployFixture();
    private final TaskRef prodOrders = new TaskRef("Prod", "Orders");

    @AfterEach
    void close() {
        f.close();
    }

    private DeployRequest fromDev(TaskRef target) {
        return DeployRequest.of(target, f.export("Dev", "Orders", true)).withSecrets(DeployFixture.prodSecrets())
                .withTimeout(Duration.ofSeconds(60));
    }

    private long imports() {
        return f.fx.count(e -> e.kind() == RequestKind.IMPORT);
    }

    @Test
    void aFileAlreadyInPlaceSendsNoImport() {
        DeployOutcome outcome = f.deploy(DeployRequest.of(new TaskRef("Dev", "Orders"), f.export("Dev", "Orders", true)));
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.NO_CHANGE);
        assertThat(outcome.plan().lines()).containsExactly("no change",
                "keep endpoint 'Source-DB' as the target has it (no secret was given for it)",
                "keep endpoint 'Target-DB' as the target has it (no secret was given for it)");
        assertThat(imports()).isZero();
    }

    @Test
    void aNewTaskIsCreatedWithItsEndpointsAndSecretsAndASecondDeployChangesNothing() {
        TaskRef target = new TaskRef("Prod", "Orders-New");
        DeployOutcome outcome = f.deploy(fromDev(target));
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(outcome.plan().lines()).first().asString().startsWith("create task 'Orders-New'");
        assertThat(f.repo("Prod").taskExists("Orders-New")).isTrue();
        assertThat(f.repo("Prod").secretMatches("Source-DB", "password", DeployFixture.SOURCE_SECRET)).isTrue();
        assertThat(f.repo("Prod").secretMatches("Target-DB", "password", DeployFixture.TARGET_SECRET)).isTrue();
        assertThat(f.repo("Prod").endpointBroken("Source-DB")).isFalse();
        assertThat(outcome.backupLocation()).isNull();
        long after = imports();
        DeployOutcome again = f.deploy(fromDev(target));
        assertThat(again.result()).isEqualTo(DeployOutcome.Result.NO_CHANGE);
        assertThat(imports()).isEqualTo(after);
        assertThat(f.events()).doesNotContain(DeployFixture.SOURCE_SECRET);
    }

    /**
     * A user name given with an endpoint's password replaces the file's: the plan says so, the import carries it, the
     * read-back expects it (not the file's), and the next deploy with the same credentials changes nothing.
     */
    @Test
    void aUserNameGivenWithAPasswordIsDeployedCheckedAndThenInPlace() {
        TaskRef target = new TaskRef("Prod", "Orders-Users");
        DeployRequest request = DeployRequest.of(target, f.export("Dev", "Orders", true)).withSecrets(Map.of(
                        "Source-DB", EndpointSecret.usernamePassword("repl_prod", DeployFixture.SOURCE_SECRET),
                        "Target-DB", EndpointSecret.secretText(DeployFixture.TARGET_SECRET)))
                .withTimeout(Duration.ofSeconds(30));
        DeployOutcome outcome = f.deploy(request);
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(f.repo("Prod").endpoint("Source-DB").orElseThrow()).contains("repl_prod");
        assertThat(f.repo("Prod").secretMatches("Source-DB", "password", DeployFixture.SOURCE_SECRET)).isTrue();
        long after = imports();
        assertThat(f.deploy(request).result()).isEqualTo(DeployOutcome.Result.NO_CHANGE);
        assertThat(imports()).isEqualTo(after);
    }

    @Test
    void theImportBodyHasItsExactByteLengthAndTheTaskItsTargetName() {
        TaskRef target = new TaskRef("Prod", "Aufträge Ü");
        f.deploy(fromDev(target).withSubstitutions(Map.of()));
        var entry = f.fx.sim.journal().entries().stream().filter(e -> e.kind() == RequestKind.IMPORT).findFirst().orElseThrow();
        // The simulator refuses a body without its exact Content-Length, or a chunked one, as AEM's pages require.
        assertThat(entry.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("Transfer-Encoding"))
                .anyMatch(h -> h.equalsIgnoreCase("Content-Length"));
        assertThat(entry.status()).isEqualTo(200);
        assertThat(f.repo("Prod").taskExists("Aufträge Ü")).isTrue();
    }

    @Test
    void aDryRunOnlyPlansAndARealDeployKeepsTheBackupFirst() {
        List<DeployBackup> kept = new ArrayList<>();
        BackupSink sink = b -> {
            // Kept before anything changes: the task is still as it was.
            assertThat(imports()).isZero();
            kept.add(b);
            return "memory";
        };
        String file = f.export("Dev", "Orders", true).replace("\"parallel_load_threads\": 4", "\"parallel_load_threads\": 8");
        DeployRequest request = DeployRequest.of(prodOrders, file).withSecrets(DeployFixture.prodSecrets()).withBackupSink(sink);
        DeployOutcome dry = f.deploy(request.withDryRun(true));
        assertThat(dry.result()).isEqualTo(DeployOutcome.Result.DRY_RUN);
        assertThat(dry.plan().lines()).contains("change setting task_settings.target_settings.ftm_settings.parallel_load_threads: 4 -> 8");
        assertThat(imports()).isZero();
        assertThat(kept).isEmpty();
        assertThat(dry.backupLocation()).isNull();

        DeployOutcome real = f.deploy(request);
        assertThat(real.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).portableText()).doesNotContain("{Z").contains("${secret:Source-DB/password}")
                .contains("\"parallel_load_threads\": 4");
        assertThat(kept.get(0).restorableText()).contains("{Z").contains("task_uuid");
        assertThat(kept.get(0).toString()).doesNotContain("{Z");
        assertThat(real.backupLocation()).isEqualTo("memory");
    }

    @Test
    void aRunningTaskIsRefusedUnlessTheDeployMayStopIt() {
        TaskRef live = new TaskRef("Prod", "Live");
        String file = f.export("Dev", "Live", false).replace("\"parallel_load_threads\": 4", "\"parallel_load_threads\": 8");
        AemException refused = f.deployFails(DeployRequest.of(live, file));
        assertThat(refused.kind()).isEqualTo(FailureKind.DEPLOY_REFUSED);
        assertThat(refused.getMessage()).isEqualTo("task 'Live' on server 'Prod' is RUNNING: a definition is never "
                + "imported under a task that is not stopped. Stop the task first, or let the deploy stop it and run it "
                + "again afterwards (stopIfRunning, --stop-if-running). Nothing was changed.");
        assertThat(imports()).isZero();

        DeployOutcome outcome = f.deploy(DeployRequest.of(live, file).withStopIfRunning(true, null, null));
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(outcome.restarted()).isTrue();
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
        assertThat(f.fx.sim.task("Prod", "Live").commands()).extracting(c -> c.option()).contains("RESUME_PROCESSING");
        assertThat(f.repo("Prod").runningDefinition("Live")).hasValueSatisfying(d -> assertThat(d).contains("\"parallel_load_threads\" : 8"));
        assertThat(outcome.actions()).containsExactly("stopped task 'Live' on server 'Prod'",
                "imported the definition into task 'Live' on server 'Prod'", "checked task 'Live' on server 'Prod': it matches the file",
                "ran task 'Live' on server 'Prod' again (RESUME_PROCESSING)");
    }
}
