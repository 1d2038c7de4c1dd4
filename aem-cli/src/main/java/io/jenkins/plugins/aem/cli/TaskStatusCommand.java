package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.client.TaskStatus;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code aem task-status}: reads a task's state; success means the state was read, whatever it is. */
@Command(name = "task-status", mixinStandardHelpOptions = true, description = "Print a task's current state.")
final class TaskStatusCommand implements Callable<Integer> {

    @ParentCommand
    AemCommand root;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    TaskOptions task = new TaskOptions();

    @Override
    public Integer call() {
        OutcomePrinter printer = new OutcomePrinter(root.out, root.err, connection.json, connection.verbose);
        TaskRef ref = task.ref();
        ConnectionSettings settings = connection.settings(root.env);
        Duration timeout = connection.timeout();
        TaskCommandSupport.warnIfInsecure(root, settings);
        long start = System.nanoTime();
        try (AemClientPool pool = AemClientPool.create()) {
            TaskStatus status = TaskCommandSupport.await(pool.client(settings).taskStatus(ref, timeout));
            return printer.success(ref, status.rawState(), status.stopReason().name(), status.message(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (AemException e) {
            return printer.failure(ref, e.withContext(ref, null, null, Duration.ofNanos(System.nanoTime() - start)));
        }
    }
}
