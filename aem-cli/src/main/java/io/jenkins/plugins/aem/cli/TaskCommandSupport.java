package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.FailureKind;
import io.jenkins.plugins.aem.client.ProgressListener;
import io.jenkins.plugins.aem.client.TaskOutcome;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.client.TlsTrust;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.function.Function;

/** What every task command does: check input, open a pool, run one operation, print its result. */
final class TaskCommandSupport {

    private TaskCommandSupport() {
    }

    /** Runs an operation that ends in a {@link TaskOutcome}; input is checked before anything is sent. */
    static int execute(AemCommand root, ConnectionOptions conn, TaskOptions taskOptions,
                       Function<AemClient, CompletableFuture<TaskOutcome>> operation) {
        return execute(root, conn, taskOptions, operation, (printer, outcome) -> printer.success(taskOptions.ref(),
                outcome.rawState(), outcome.stopReason().name(), outcome.message(), outcome.elapsed()));
    }

    /** Runs an operation and prints its result with {@code success}, or its failure; returns the exit code. */
    static <T> int execute(AemCommand root, ConnectionOptions conn, TaskOptions taskOptions,
                           Function<AemClient, CompletableFuture<T>> operation, BiFunction<OutcomePrinter, T, Integer> success) {
        OutcomePrinter printer = new OutcomePrinter(root.out, root.err, conn.json, conn.verbose);
        TaskRef task = taskOptions.ref();
        ConnectionSettings settings = conn.settings(root.env);
        warnIfInsecure(root, settings);
        try (AemClientPool pool = AemClientPool.create()) {
            return success.apply(printer, await(operation.apply(pool.client(settings))));
        } catch (AemException e) {
            return printer.failure(task, e);
        }
    }

    static ProgressListener progress(AemCommand root) {
        return event -> root.err.println(event.format());
    }

    static void warnIfInsecure(AemCommand root, ConnectionSettings settings) {
        if (settings.tls().mode() == TlsTrust.Mode.INSECURE) {
            root.err.println("aem: WARNING: --insecure: AEM's TLS certificate is not verified. Use --ca-cert outside of tests.");
        }
    }

    /** Waits for a future; the client bounds it by the operation's deadline, so this never hangs. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AemException aem) {
                throw aem;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw AemException.of(FailureKind.CANCELLED, "Interrupted; the wait was cancelled and the task left as AEM has it.").build();
        }
    }
}
