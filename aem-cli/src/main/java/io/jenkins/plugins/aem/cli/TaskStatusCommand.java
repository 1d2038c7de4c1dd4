package io.jenkins.plugins.aem.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code aem task-status}: reads a task's state and health; success means they were read, whatever they are. Sends
 * nothing but GetTaskDetails.
 */
@Command(name = "task-status", mixinStandardHelpOptions = true,
        description = {"Print a task's current state, and its health: full-load progress, CDC latency, data errors.",
            "The state alone goes to stdout, the health to stderr; --json prints every value as one JSON object."})
final class TaskStatusCommand implements Callable<Integer> {

    @ParentCommand
    AemCommand root;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    TaskOptions task = new TaskOptions();

    @Override
    public Integer call() {
        long start = System.nanoTime();
        return TaskCommandSupport.execute(root, connection, task, client -> client.taskStatus(task.ref(), connection.timeout()),
                (printer, status) -> printer.status(status, Duration.ofNanos(System.nanoTime() - start)));
    }
}
