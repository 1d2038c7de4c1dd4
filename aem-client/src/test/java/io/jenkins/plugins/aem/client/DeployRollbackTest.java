package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.TransportFault;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failures after a deploy changed the task: the task comes back exactly as it was (definition and state), or the
 * failure says precisely what state it is in and where its backup is. Never a deleted task.
 */
class DeployRollbackTest {

    private final DeployFixture f = new DeployFixture(b -> b.server(DeployFixture.replicate("Slow")
            .version("2024.11.0.357").importDelay(Duration.ofMillis(800))));
    private final TaskRef live = new TaskRef("Prod", "Live");

    @AfterEach
    void close() {
        f.close();
    }

    private DeployRequest changeLive() {
        return f.changeLive(8);
    }

    @Test
    void aFailedRunAfterTheImportRestoresTheDefinitionAndRunsTheTaskAgain() {
        String before = f.repo("Prod").definition("Live").orElseThrow();
        f.fx.sim.task("Prod", "Live").spec().runErrorOnce("AEM_RUN_TASK_INNER_ERR");
        AemException e = f.deployFails(changeLive());
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(e.kind().exitCode()).isEqualTo(5);
        assertThat(e.getMessage()).startsWith("The deploy of task 'Live' on server 'Prod' failed: AEM refused RunTask: AEM_RUN_TASK_INNER_ERR")
                .endsWith("The task was restored to its definition before the deploy and is RUNNING again, as it was.");
        assertThat(f.repo("Prod").definition("Live").orElseThrow()).isEqualTo(before);
        assertThat(f.repo("Prod").runningDefinition("Live").orElseThrow()).contains("\"parallel_load_threads\" : 4");
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
        assertThat(f.repo("Prod").secretMatches("Source-DB", "password", DeployFixture.SOURCE_SECRET)).isFalse();
    }

    @Test
    void whenTheRestoreFailsTooTheMessageSaysWhatStateTheTaskIsInAndWhereTheBackupIs() {
        f.fx.sim.task("Prod", "Live").spec().runError("AEM_RUN_TASK_INNER_ERR");
        AemException e = f.deployFails(changeLive());
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_NOT_RESTORED);
        assertThat(e.kind().exitCode()).isEqualTo(6);
        assertThat(e.getMessage()).contains("Restoring the task failed too: AEM refused RunTask: AEM_RUN_TASK_INNER_ERR")
                .contains("The task is now STOPPED, with its definition before the deploy.")
                .endsWith("Its definition before the deploy is kept at backup.json: restore it from there (aem restore-task, or ImportTask in AEM).");
    }

    @Test
    void whenAemIsGoneMidWayTheFailureSaysTheStateIsUnknown() {
        f.fx.sim.task("Prod", "Live").spec().stopDuration(Duration.ofMillis(300));
        var future = f.deployer().deploy(changeLive().withTimeout(Duration.ofSeconds(6)), f.fx.listener());
        f.fx.sim.task("Prod", "Live").awaitState("STOPPED", Duration.ofSeconds(10));
        f.fx.sim.faults().reset(1.0);
        AemException e = DeployFixture.fails(future);
        f.fx.sim.faults().clear();
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_NOT_RESTORED);
        assertThat(e.getMessage()).contains("The task is now in a state that could not be read")
                .endsWith("Its definition before the deploy is kept at backup.json: restore it from there (aem restore-task, or ImportTask in AEM).");
        assertThat(f.repo("Prod").taskExists("Live")).isTrue();
    }

    @Test
    void aLostImportAnswerIsSettledByReadingTheTaskBack() {
        f.fx.sim.faults().nextTransport(RequestKind.IMPORT, 1, TransportFault.RESET_AFTER_APPLY);
        DeployOutcome outcome = f.deploy(changeLive());
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(outcome.warnings()).anyMatch(w -> w.startsWith("ImportTask's answer was lost"));
        assertThat(f.repo("Prod").imports()).hasSize(1);
        assertThat(f.repo("Prod").runningDefinition("Live").orElseThrow()).contains("\"parallel_load_threads\" : 8");
    }

    @Test
    void anImportThatNeverShowsIsRestoredWithinTheDeadline() {
        String before = f.repo("Prod").definition("Live").orElseThrow();
        f.fx.sim.faults().nextTransport(RequestKind.IMPORT, 1, TransportFault.RESET);
        AemException e = f.deployFails(changeLive().withTimeout(Duration.ofSeconds(6)));
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(e.getMessage()).contains("ImportTask's answer was lost, and ")
                .contains("task_settings.target_settings.ftm_settings.parallel_load_threads");
        assertThat(f.repo("Prod").definition("Live").orElseThrow()).isEqualTo(before);
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
    }

    @Test
    void aTaskDeletedForReplaceIsNeverLeftDeleted() {
        String before = f.repo("Prod").definition("Live").orElseThrow();
        String fewer = f.export("Dev", "Live", true).replaceFirst("(?s)\\{\\s*\"estimated_size\": 1000,.*?},", "");
        f.fx.sim.faults().failNext(RequestKind.IMPORT, 1, "AEM_IMPORT_INVALID_CONTENT");
        AemException e = f.deployFails(DeployRequest.of(live, fewer).withSecrets(DeployFixture.prodSecrets())
                .withReplace(true).withStopIfRunning(true, null, null).withTimeout(Duration.ofSeconds(30)));
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(e.errorCode()).isEqualTo("AEM_IMPORT_INVALID_CONTENT");
        assertThat(f.repo("Prod").taskExists("Live")).isTrue();
        assertThat(f.repo("Prod").definition("Live").orElseThrow()).isEqualTo(before);
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
    }

    @Test
    void cancellingAfterTheTaskWasStoppedRestoresItBeforeTheFutureEnds() throws Exception {
        String before = f.repo("Prod").definition("Live").orElseThrow();
        // Whether the cancel lands before or after the import was sent, the task must end as it began.
        f.fx.sim.faults().latency(1.0, Duration.ofMillis(300), Duration.ofMillis(300)).onlyFor(RequestKind.IMPORT);
        var future = f.deployer().deploy(changeLive(), f.fx.listener());
        f.fx.sim.task("Prod", "Live").awaitState("STOPPED", Duration.ofSeconds(10));
        assertThat(future.cancel(true)).isTrue();
        AemException e = DeployFixture.fails(future);
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(e.getMessage()).contains("The deploy was cancelled.").endsWith("is RUNNING again, as it was.");
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
        assertThat(f.repo("Prod").definition("Live").orElseThrow()).isEqualTo(before);
        assertThat(f.repo("Prod").runningDefinition("Live").orElseThrow()).contains("\"parallel_load_threads\" : 4");
    }

    /** A Jenkins shutdown closes the pool: a deploy that had changed its task restores it before the pool shuts. */
    @Test
    void closingThePoolLetsADeployThatChangedItsTaskRestoreItFirst() throws Exception {
        String before = f.repo("Prod").definition("Live").orElseThrow();
        f.fx.sim.faults().latency(1.0, Duration.ofMillis(300), Duration.ofMillis(300)).onlyFor(RequestKind.IMPORT);
        var future = f.deployer().deploy(changeLive(), f.fx.listener());
        f.fx.sim.task("Prod", "Live").awaitState("STOPPED", Duration.ofSeconds(10));
        f.fx.pool.close();
        assertThat(future).isDone();
        AemException e = DeployFixture.fails(future);
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
        assertThat(f.repo("Prod").definition("Live").orElseThrow()).isEqualTo(before);
    }

    /**
     * Cancels the deploy of {@link #changeLive()} while AEM holds its {@code call} (StopTask, ImportTask) for 2 s before
     * carrying it out, as AEM does what it received even when the caller goes away; the restore's own calls go through
     * at once. Returns the deploy's failure once whatever AEM held has landed.
     */
    private AemException cancelWhileAemHolds(RequestKind kind, String call) throws Exception {
        f.fx.sim.faults().latency(1.0, Duration.ofSeconds(2), Duration.ofSeconds(2)).onlyFor(kind);
        CountDownLatch sending = new CountDownLatch(1);
        var future = f.deployer().deploy(changeLive(), e -> {
            f.fx.listener().onProgress(e);
            if (e.message().startsWith("Sending " + call)) {
                sending.countDown();
            }
        });
        assertThat(sending.await(20, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300); // on its way
        f.fx.sim.faults().clear();
        assertThat(future.cancel(true)).isTrue();
        AemException e = DeployFixture.fails(future);
        Thread.sleep(2500);
        return e;
    }

    @Test
    void aCancelWhileTheImportIsOnItsWayWaitsForItsAnswerBeforeRestoring() throws Exception {
        String before = f.repo("Prod").definition("Live").orElseThrow();
        AemException e = cancelWhileAemHolds(RequestKind.IMPORT, "ImportTask");
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(f.repo("Prod").definition("Live").orElseThrow()).isEqualTo(before);
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
    }

    @Test
    void aCancelWhileTheStopIsOnItsWayWaitsForItBeforeRestoring() throws Exception {
        AemException e = cancelWhileAemHolds(RequestKind.COMMAND, "StopTask");
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
    }

    @Test
    void aCancelThatRacesTheFirstStopEitherKeepsItFromLeavingOrRestores() throws Exception {
        var future = f.deployer().deploy(changeLive(), f.fx.listener());
        // Runs inside cancel(), once it has found the task unchanged: holds it there while the deploy goes on.
        future.whenComplete((r, e) -> awaitCommand(Duration.ofSeconds(3)));
        assertThat(future.cancel(true)).isTrue();
        Thread.sleep(3000); // whatever the deploy still did has ended
        // The caller was told the deploy was cancelled before it changed anything: it must be so.
        assertThat(future.isCancelled()).isTrue();
        assertThat(f.fx.sim.task("Prod", "Live").commands()).isEmpty();
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
    }

    private void awaitCommand(Duration max) {
        long end = System.nanoTime() + max.toNanos();
        while (f.fx.sim.task("Prod", "Live").commands().isEmpty() && System.nanoTime() < end) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * A deploy whose ImportTask AEM takes, and whose first read-back AEM refuses: the restore then starts while reads
     * still show the task as before the import (imports show after 0.8 s on this server).
     */
    private CompletableFuture<DeployOutcome> refusedRightAfterTheImport(TaskRef target, String file) {
        AtomicBoolean armed = new AtomicBoolean();
        return f.deployer().deploy(DeployRequest.of(target, file).withSecrets(DeployFixture.prodSecrets())
                .withTimeout(Duration.ofSeconds(30)).withBackupSink(b -> "backup.json"), e -> {
                    f.fx.listener().onProgress(e);
                    if (e.message().startsWith("Sending ImportTask") && armed.compareAndSet(false, true)) {
                        f.fx.sim.faults().failNext(RequestKind.EXPORT, 1, "AEM_SERVER_NOT_CONNECTED");
                    }
                });
    }

    @Test
    void aRestoreWaitsForAnImportAemTookToShowBeforeReadingWhatTheTaskHolds() throws Exception {
        // What the import added (a table) cannot be merged away by importing the backup: the restore must see it.
        String before = f.repo("Slow").definition("Orders").orElseThrow();
        String file = f.export("Dev", "Orders", true).replace("\"explicit_included_tables\": [",
                "\"explicit_included_tables\": [ { \"estimated_size\": 1, \"name\": \"NEW_TABLE\", \"orig_db_id\": 1, "
                        + "\"owner\": \"dbo\" },");
        AemException e = DeployFixture.fails(refusedRightAfterTheImport(new TaskRef("Slow", "Orders"), file));
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        Thread.sleep(1500); // every import has shown
        assertThat(f.repo("Slow").definition("Orders").orElseThrow()).isEqualTo(before);
    }

    @Test
    void aNewTaskAemTookIsRemovedEvenBeforeReadsShowIt() throws Exception {
        AemException e = DeployFixture.fails(refusedRightAfterTheImport(new TaskRef("Slow", "Brand-New"),
                f.export("Dev", "Orders", true)));
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(e.getMessage()).endsWith("the one the deploy created was deleted again.");
        Thread.sleep(1500);
        assertThat(f.repo("Slow").taskExists("Brand-New")).isFalse();
    }

    /**
     * Fails the deploy of {@link #changeLive()} at its run (once), and injects {@code fault} when the deploy says
     * {@code event}: the restore must outlast it.
     */
    private AemException restoredThrough(String event, Runnable fault) {
        f.fx.sim.task("Prod", "Live").spec().runErrorOnce("AEM_RUN_TASK_INNER_ERR");
        AtomicBoolean armed = new AtomicBoolean();
        return DeployFixture.fails(f.deployer().deploy(changeLive(), ev -> {
            f.fx.listener().onProgress(ev);
            if (ev.message().startsWith(event) && armed.compareAndSet(false, true)) {
                fault.run();
            }
        }));
    }

    @Test
    void aRestoreOutlastsAemGoneForAMoment() {
        AemException e = restoredThrough("running task 'Live' on server 'Prod' again", () -> {
            f.fx.sim.faults().reset(1.0);
            CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> f.fx.sim.faults().reset(0));
        });
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
    }

    @Test
    void aRestoreOutlastsAemLosingItsServerForAMoment() {
        AemException e = restoredThrough("The deploy failed:",
                () -> f.fx.sim.faults().failNext(RequestKind.READ, 2, "AEM_SERVER_NOT_CONNECTED"));
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(f.fx.sim.task("Prod", "Live").state()).isEqualTo("RUNNING");
    }

    @Test
    void anImportVisibleOnlyAfterADelayIsWaitedFor() {
        DeployOutcome outcome = f.deploy(DeployRequest.of(new TaskRef("Slow", "Brand-New"), f.export("Dev", "Orders", true))
                .withSecrets(DeployFixture.prodSecrets()));
        assertThat(outcome.result()).isEqualTo(DeployOutcome.Result.DEPLOYED);
        assertThat(f.events()).contains("AEM does not show all of the import yet");
        assertThat(f.repo("Slow").taskVisible("Brand-New")).isTrue();
    }

    @Test
    void aNewTaskWhoseDeployFailsIsRemovedAgain() {
        f.fx.sim.faults().nextTransport(RequestKind.IMPORT, 1, TransportFault.RESET);
        AemException e = f.deployFails(DeployRequest.of(new TaskRef("Prod", "Brand-New"), f.export("Dev", "Orders", true))
                .withSecrets(DeployFixture.prodSecrets()).withTimeout(Duration.ofSeconds(5)));
        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        assertThat(e.getMessage()).endsWith("The task did not exist before the deploy, and does not now.");
        assertThat(f.repo("Prod").taskExists("Brand-New")).isFalse();
    }
}
