package io.jenkins.plugins.aem.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.BackupSink;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.DeployOutcome;
import io.jenkins.plugins.aem.client.DeployRequest;
import io.jenkins.plugins.aem.client.DeployTasksOutcome;
import io.jenkins.plugins.aem.client.TaskRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;

/**
 * What deploy-task, restore-task and rotate-secrets do once their request is built: check the backup file, deploy,
 * print the result (the result word on stdout, or one JSON object with {@code --json}) or the failure, and return the
 * exit code.
 */
final class DeployCommandSupport {

    /** A deploy's default deadline on the command line, as in the client. */
    static final Duration DEFAULT_TIMEOUT = DeployRequest.DEFAULT_TIMEOUT;

    private DeployCommandSupport() {
    }

    static int execute(AemCommand root, ConnectionOptions conn, DeployOptions options, BackupFileOption backup,
                       DeployRequest request) {
        return execute(root, conn, backup, options.dryRun, request.task(), (client, sink) -> client.deploy(
                sink == null ? request : request.withBackupSink(sink), TaskCommandSupport.progress(root)));
    }

    /**
     * Checks the backup file, starts the change with the sink that writes it ({@code null} for a dry run without one),
     * waits for its outcome, prints it and returns the exit code.
     */
    static int execute(AemCommand root, ConnectionOptions conn, BackupFileOption backup, boolean dryRun, TaskRef task,
                       BiFunction<AemClient, BackupSink, CompletableFuture<DeployOutcome>> start) {
        Path file = backup.backup;
        OutcomePrinter printer = new OutcomePrinter(root.out, root.err, conn.json, conn.verbose);
        if (file == null && !dryRun) {
            throw AemException.invalidInput("--backup", "is missing. Name a file for the task's definition before the "
                    + "deploy (it is written before anything changes), or give --dry-run.");
        }
        BackupSink sink = null;
        if (file != null) {
            LocalFiles.checkNewFile(file, "--backup");
            sink = written -> LocalFiles.writePrivate(file, written.restorableText());
        }
        ConnectionSettings settings = conn.settings(root.env);
        TaskCommandSupport.warnIfInsecure(root, settings);
        try (AemClientPool pool = AemClientPool.create()) {
            DeployOutcome outcome = awaitRestoring(root, start.apply(pool.client(settings), sink), "the task");
            if (outcome.backupLocation() == null && file != null) {
                root.err.println("aem: " + (outcome.result() == DeployOutcome.Result.DEPLOYED
                        ? task + " did not exist before, so there was nothing to back up" : "nothing was changed")
                        + ": " + file + " was not written.");
            }
            print(root, conn.json, outcome);
            return 0;
        } catch (AemException e) {
            return printer.failure(task, e);
        }
    }

    /**
     * Waits for an operation that puts back what it changed when it is cancelled (a deploy, a release). Ctrl-C (or a CI
     * runner's SIGTERM) cancels it, and the process waits for that, within the operation's deadline, before it ends.
     *
     * @param what what is put back, as the interrupt's line says it ("the task", "the tasks the release changed")
     */
    static <T> T awaitRestoring(AemCommand root, CompletableFuture<T> operation, String what) {
        Thread restoreOnCtrlC = new Thread(() -> cancelAndWait(root, operation, what), "aem-deploy-shutdown");
        Runtime.getRuntime().addShutdownHook(restoreOnCtrlC);
        try {
            return TaskCommandSupport.await(operation);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(restoreOnCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it reports.
            }
        }
    }

    private static void cancelAndWait(AemCommand root, CompletableFuture<?> operation, String what) {
        if (operation.isDone() || !operation.cancel(true) || operation.isCancelled()) {
            return;
        }
        root.err.println("aem: interrupted: restoring " + what + " before exiting (press Ctrl-C again only if AEM is unreachable)");
        try {
            Object done = operation.get();
            if (done instanceof DeployTasksOutcome release) {
                release.notBack().forEach(t -> root.err.println("aem: " + t.error().getMessage()));
            }
        } catch (ExecutionException e) {
            root.err.println("aem: " + e.getCause().getMessage());
        } catch (InterruptedException | java.util.concurrent.CancellationException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void print(AemCommand root, boolean json, DeployOutcome outcome) {
        if (!json) {
            root.out.println(outcome.result());
            return;
        }
        ObjectNode node = OutcomePrinter.base(outcome.task(), null, outcome.elapsed());
        node.remove("state");
        node.put("result", outcome.result().name());
        outcome.plan().lines().forEach(node.putArray("plan")::add);
        outcome.actions().forEach(node.putArray("actions")::add);
        node.put("restarted", outcome.restarted());
        outcome.warnings().forEach(node.putArray("warnings")::add);
        node.put("backup", outcome.backupLocation());
        outcome.testedEndpoints().forEach(node.putArray("testedEndpoints")::add);
        root.out.println(node);
    }
}
