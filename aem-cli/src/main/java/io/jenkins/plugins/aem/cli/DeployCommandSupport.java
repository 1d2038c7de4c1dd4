package io.jenkins.plugins.aem.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.BackupSink;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.DeployOutcome;
import io.jenkins.plugins.aem.client.DeployRequest;
import io.jenkins.plugins.aem.client.TaskRef;
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

    static int execute(AemCommand root, ConnectionOptions conn, DeployOptions options, DeployRequest request) {
        return execute(root, conn, options.backup, request.task(), (client, sink) -> client.deploy(sink == null ? request
                : request.withBackupSink(sink), TaskCommandSupport.progress(root)));
    }

    /**
     * Checks the backup file, starts the change with the sink that writes it ({@code null} for a dry run without one),
     * waits for its outcome, prints it and returns the exit code.
     */
    static int execute(AemCommand root, ConnectionOptions conn, BackupOptions options, TaskRef task,
                       BiFunction<AemClient, BackupSink, CompletableFuture<DeployOutcome>> start) {
        OutcomePrinter printer = new OutcomePrinter(root.out, root.err, conn.json, conn.verbose);
        if (options.backup == null && !options.dryRun) {
            throw AemException.invalidInput("--backup", "is missing. Name a file for the task's definition before the "
                    + "deploy (it is written before anything changes), or give --dry-run.");
        }
        BackupSink sink = null;
        if (options.backup != null) {
            LocalFiles.checkNewFile(options.backup, "--backup");
            sink = backup -> LocalFiles.writePrivate(options.backup, backup.restorableText());
        }
        ConnectionSettings settings = conn.settings(root.env);
        TaskCommandSupport.warnIfInsecure(root, settings);
        try (AemClientPool pool = AemClientPool.create()) {
            CompletableFuture<DeployOutcome> deploy = start.apply(pool.client(settings), sink);
            Thread restoreOnCtrlC = new Thread(() -> cancelAndWait(root, deploy), "aem-deploy-shutdown");
            Runtime.getRuntime().addShutdownHook(restoreOnCtrlC);
            DeployOutcome outcome;
            try {
                outcome = TaskCommandSupport.await(deploy);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(restoreOnCtrlC);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running: it reports.
                }
            }
            if (outcome.backupLocation() == null && options.backup != null) {
                root.err.println("aem: " + (outcome.result() == DeployOutcome.Result.DEPLOYED
                        ? task + " did not exist before, so there was nothing to back up" : "nothing was changed")
                        + ": " + options.backup + " was not written.");
            }
            print(root, conn.json, outcome);
            return 0;
        } catch (AemException e) {
            return printer.failure(task, e);
        }
    }

    /**
     * Ctrl-C (or a CI runner's SIGTERM) during a deploy: the deploy is cancelled, which restores a task it already
     * changed, and the process waits for that, within the deploy's deadline, before it ends.
     */
    private static void cancelAndWait(AemCommand root, CompletableFuture<DeployOutcome> deploy) {
        if (deploy.isDone() || !deploy.cancel(true) || deploy.isCancelled()) {
            return;
        }
        root.err.println("aem: interrupted: restoring the task before exiting (press Ctrl-C again only if AEM is unreachable)");
        try {
            deploy.get();
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
