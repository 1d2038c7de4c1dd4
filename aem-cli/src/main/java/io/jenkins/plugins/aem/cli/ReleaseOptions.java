package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.release.ReleaseFolder;
import io.jenkins.plugins.aem.client.release.TaskPatterns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import picocli.CommandLine.Option;

/** What export-tasks and deploy-tasks share: the server, the release folder, which tasks, and how many at once. */
final class ReleaseOptions {

    @Option(names = "--server", required = true, paramLabel = "NAME", description = "The Replicate server's name in AEM.")
    String server;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The release folder: one file per task in "
            + "DIR/tasks, one per endpoint in DIR/endpoints (see docs/releasing-a-set.md).")
    Path dir;

    @Option(names = "--task", paramLabel = "NAME_OR_GLOB", description = "Only these tasks: a name, or a pattern with * "
            + "and ? (quote it for the shell), matched with case. Repeatable. Default: every task.")
    List<String> tasks = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "N", description = "How many tasks at once (1 to 16). Default: 4.")
    int parallel;

    TaskPatterns patterns() {
        return TaskPatterns.of(tasks);
    }

    /** Starts a set's operation on the folder; its calls run on the thread given. */
    @FunctionalInterface
    interface Operation<T> {
        CompletableFuture<T> start(AemClient client, ReleaseFolder folder, Executor folderCalls);
    }

    /**
     * Runs a set's operation: a pool and a thread for the folder's calls, the operation waited for with {@code await}
     * (a release puts back what it changed when interrupted), its end printed; returns the exit code.
     */
    <T> int execute(AemCommand root, ConnectionOptions conn, Operation<T> operation,
                    BiFunction<AemCommand, CompletableFuture<T>, T> await, BiFunction<ReleasePrinter, T, Integer> print) {
        ReleasePrinter printer = new ReleasePrinter(root, conn);
        ConnectionSettings settings = conn.settings(root.env);
        TaskCommandSupport.warnIfInsecure(root, settings);
        ExecutorService folderCalls = LocalFiles.folderThread();
        try (AemClientPool pool = AemClientPool.create()) {
            T outcome = await.apply(root, operation.start(pool.client(settings), new LocalFolder(dir), folderCalls));
            return print.apply(printer, outcome);
        } catch (AemException e) {
            return printer.failure(server, e);
        } finally {
            folderCalls.shutdownNow();
        }
    }
}
