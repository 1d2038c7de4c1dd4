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

/** What a deploy refuses before it changes anything, and says why. */
class DeployRefusalTest {

    private final DeployFixture f = new DeployFixture(b -> b.user("operator2", "op2-Pa55-word",
            io.jenkins.plugins.aem.simulator.Role.OPERATOR, io.jenkins.plugins.aem.simulator.Role.OPERATOR)
            .designerWithoutEndpoints("tasks-only", "tasks-Pa55-word"));
    private final TaskRef prodOrders = new TaskRef("Prod", "Orders");

    @AfterEach
    void close() {
        f.close();
    }

    private long changes() {
        return f.fx.count(e -> e.kind() == RequestKind.IMPORT || e.kind() == RequestKind.DELETE || e.isRun() || e.isStop());
    }

    private String devFile() {
        return f.export("Dev", "Orders", true);
    }

    @Test
    void composeServersAreRefused() {
        AemException e = f.deployFails(DeployRequest.of(new TaskRef("Comp", "Load__DWH"), devFile()));
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_REFUSED);
        assertThat(e.getMessage()).contains("is a Compose server").endsWith("Nothing was changed.");
        assertThat(changes()).isZero();
    }

    @Test
    void aFileFromANewerReplicateIsRefusedUnlessAllowed() {
        String newer = devFile().replace("\"version\": \"2024.11.0.357\"", "\"version\": \"2025.5.0.100\"");
        AemException e = f.deployFails(DeployRequest.of(prodOrders, newer).withSecrets(DeployFixture.prodSecrets()));
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_REFUSED);
        assertThat(e.getMessage()).startsWith("The file was exported from Replicate 2025.5.0.100, newer than the "
                + "2024.11.0.357 of server 'Prod'");
        DeployOutcome allowed = f.deploy(DeployRequest.of(prodOrders, newer).withSecrets(DeployFixture.prodSecrets())
                .withAllowNewerVersion(true));
        assertThat(allowed.warnings()).contains("The file was exported from Replicate 2025.5.0.100; server 'Prod' runs "
                + "2024.11.0.357 (older; allowed by allowNewerVersion).");
        String older = devFile().replace("\"version\": \"2024.11.0.357\"", "\"version\": \"2024.5.0.10\"");
        assertThat(f.deploy(DeployRequest.of(prodOrders, older)).warnings())
                .contains("The file was exported from Replicate 2024.5.0.10; server 'Prod' runs 2024.11.0.357.");
    }

    @Test
    void ciphertextIsRefusedForADeployButRestoresItsOwnTask() {
        List<DeployBackup> kept = new ArrayList<>();
        TaskRef devOrders = new TaskRef("Dev", "Orders");
        String original = f.repo("Dev").definition("Orders").orElseThrow();
        String changed = devFile().replace("\"full_load_sub_tasks\": 5", "\"full_load_sub_tasks\": 7");
        f.deploy(DeployRequest.of(devOrders, changed).withBackupSink(b -> {
            kept.add(b);
            return "memory";
        }));
        assertThat(f.repo("Dev").definition("Orders").orElseThrow()).isNotEqualTo(original);
        String backup = kept.get(0).restorableText();

        long before = f.fx.sim.journal().entries().size();
        AemException e = f.deployFails(DeployRequest.of(prodOrders, backup));
        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_INPUT);
        assertThat(e.getMessage()).startsWith("definition: holds encrypted secrets ({Z...}) at Source-DB/password, "
                + "Target-DB/password. They are valid only on the server that exported them");
        assertThat(f.fx.sim.journal().entries()).hasSize((int) before);

        DeployOutcome restored = f.deploy(DeployRequest.of(devOrders, backup).withRestore(true));
        assertThat(restored.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(f.repo("Dev").definition("Orders").orElseThrow()).isEqualTo(original);
        assertThat(f.repo("Dev").endpointBroken("Source-DB")).isFalse();
    }

    @Test
    void anEndpointWithoutSecretThatTheTargetLacksFailsBeforeAnythingIsSent() {
        String file = devFile().replace("Target-DB", "Warehouse-DB");
        AemException e = f.deployFails(DeployRequest.of(prodOrders, file)
                .withSecrets(Map.of("Source-DB", EndpointSecret.secretText(DeployFixture.SOURCE_SECRET))));
        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_INPUT);
        // Whether the target lacks it (GetEndpointList) or cannot say (list refused), the deploy stops here.
        assertThat(e.getMessage()).startsWith("secrets: endpoint 'Warehouse-DB' has secrets (password) and no value was "
                + "given, and the target ").endsWith("Nothing was sent to AEM.");
        assertThat(changes()).isZero();
        // An endpoint the target has is left out, and keeps its own secret.
        DeployOutcome kept = f.deploy(DeployRequest.of(prodOrders, devFile().replace("\"full_load_sub_tasks\": 5",
                "\"full_load_sub_tasks\": 6")).withSecrets(Map.of("Source-DB", EndpointSecret.secretText(DeployFixture.SOURCE_SECRET))));
        assertThat(kept.plan().lines()).contains("keep endpoint 'Target-DB' as the target has it (no secret was given for it)");
        assertThat(f.repo("Prod").secretMatches("Source-DB", "password", DeployFixture.SOURCE_SECRET)).isTrue();
        assertThat(f.repo("Prod").imports().get(0).endpoints()).containsExactly("Source-DB");
    }

    @Test
    void aFileThatRemovesWhatAnImportCannotIsRefusedUnlessReplaced() {
        String fewer = devFile().replaceFirst("(?s)\\{\\s*\"estimated_size\": 1000,.*?},", "");
        AemException e = f.deployFails(DeployRequest.of(prodOrders, fewer).withSecrets(DeployFixture.prodSecrets()));
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_REFUSED);
        assertThat(e.getMessage()).startsWith("The file removes what an import cannot remove (ImportTask only merges): "
                + "remove table dbo.ORDERS_01.");
        assertThat(changes()).isZero();

        TaskRef live = new TaskRef("Prod", "Live");
        String liveFewer = f.export("Dev", "Live", true).replaceFirst("(?s)\\{\\s*\"estimated_size\": 1000,.*?},", "");
        DeployOutcome replaced = f.deploy(DeployRequest.of(live, liveFewer).withSecrets(DeployFixture.prodSecrets())
                .withReplace(true).withStopIfRunning(true, null, null));
        assertThat(replaced.actions()).contains("deleted task 'Live' on server 'Prod' to import it afresh (replace)");
        assertThat(f.repo("Prod").definition("Live").orElseThrow()).doesNotContain("LIVE_01").contains("LIVE_02");
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
        assertThat(f.repo("Prod").deletes()).singleElement().satisfies(d -> assertThat(d.deleteTaskLogs()).isFalse());
    }

    @Test
    void anAccountWithoutDesignerIsToldTheRoleNeeded() {
        AemClient operator = f.fx.pool.client(ConnectionSettings.builder(f.fx.sim.baseUrl().toString(),
                Credentials.of("operator2", "op2-Pa55-word")).build());
        String original = f.repo("Prod").definition("Orders").orElseThrow();
        String file = devFile().replace("\"full_load_sub_tasks\": 5", "\"full_load_sub_tasks\": 6");
        AemException stopped = DeployFixture.fails(operator.deploy(DeployRequest.of(prodOrders, file)
                .withSecrets(DeployFixture.prodSecrets()), null));
        assertThat(stopped.kind()).isEqualTo(FailureKind.AEM_ERROR);
        assertThat(stopped.getMessage()).contains("the account 'operator2' lacks the role to deploy. Deploying needs the "
                + "Designer role on All Tasks, and on All Endpoints when the file carries endpoints.");
        assertThat(f.repo("Prod").definition("Orders").orElseThrow()).isEqualTo(original);

        TaskRef live = new TaskRef("Prod", "Live");
        AemException running = DeployFixture.fails(operator.deploy(DeployRequest.of(live, f.export("Dev", "Live", false)
                .replace("\"full_load_sub_tasks\": 5", "\"full_load_sub_tasks\": 6")).withStopIfRunning(true, null, null), null));
        assertThat(running.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(running.getMessage()).contains("lacks the role to deploy").contains("is RUNNING again, as it was.");
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
    }

    @Test
    void anAccountThatMayNotReadEndpointsCannotBackUpOrCheckADeploy() {
        AemClient tasksOnly = f.fx.pool.client(ConnectionSettings.builder(f.fx.sim.baseUrl().toString(),
                Credentials.of("tasks-only", "tasks-Pa55-word")).build());
        AemException noBackup = DeployFixture.fails(tasksOnly.deploy(DeployRequest.of(prodOrders, devFile()), null));
        assertThat(noBackup.kind()).isEqualTo(FailureKind.DEPLOY_REFUSED);
        assertThat(noBackup.getMessage()).startsWith("AEM refused to export task 'Orders' on server 'Prod' for its backup "
                + "(AEM_EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT").contains("Without a backup a failed deploy could not be undone, so nothing was changed.");
        // A new task needs no backup, but a deploy that cannot read its result back is undone.
        List<ProgressEvent> events = new ArrayList<>();
        AemException unchecked = DeployFixture.fails(tasksOnly.deploy(DeployRequest.of(new TaskRef("Prod", "Orders-2"),
                f.export("Dev", "Orders", false)), events::add));
        assertThat(unchecked.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(unchecked.getMessage()).contains("AEM refused to export the task after the import "
                + "(AEM_EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT), so the deploy cannot check it.")
                .endsWith("The task did not exist before the deploy; the one the deploy created was deleted again.");
        assertThat(events).extracting(ProgressEvent::message).contains("AEM refused GetEndpointList (UNAUTHORIZED_REQUEST): "
                + "only the endpoints of the task's own backup are known to exist (none). Give the account Viewer on All "
                + "Endpoints to have the others found.");
        assertThat(f.repo("Prod").taskExists("Orders-2")).isFalse();
    }

    /**
     * A new task has no backup to lose: when its deploy fails and deleting it fails too, the failure says the task is
     * left as the deploy made it, and to delete it by hand, not that a backup kept in memory is lost.
     */
    @Test
    void aNewTaskThatCannotBeDeletedAgainIsSaidToBeLeftAsTheDeployMadeIt() {
        AemClient tasksOnly = f.fx.pool.client(ConnectionSettings.builder(f.fx.sim.baseUrl().toString(),
                Credentials.of("tasks-only", "tasks-Pa55-word")).build());
        f.fx.sim.faults().failNext(RequestKind.DELETE, 1, "AEM_DELETE_TASK_INNER_ERR");
        AemException e = DeployFixture.fails(tasksOnly.deploy(DeployRequest.of(new TaskRef("Prod", "Orders-2"),
                f.export("Dev", "Orders", false)), null));
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_NOT_RESTORED);
        assertThat(e.getMessage()).contains("Restoring the task failed too: AEM refused DeleteTask")
                .contains("The task is now STOPPED")
                .endsWith("The task did not exist before the deploy; deleting it failed, so it is left as the deploy made it.")
                .doesNotContain("memory");
        assertThat(e.remedy()).isEqualTo("Check the task in AEM and delete it by hand if it should not be there, or "
                + "deploy again to finish it.");
        assertThat(f.repo("Prod").taskExists("Orders-2")).isTrue();
    }

    @Test
    void aCancelledDeployStopsBeforeItChangesAnything() throws Exception {
        f.fx.sim.faults().latency(1.0, Duration.ofMillis(400), Duration.ofMillis(400));
        var future = f.deployer().deploy(DeployRequest.of(prodOrders, devFile()).withSecrets(DeployFixture.prodSecrets()), null);
        Thread.sleep(300);
        future.cancel(true);
        Thread.sleep(1500);
        assertThat(changes()).isZero();
        assertThat(future.isCancelled()).isTrue();
    }
}
