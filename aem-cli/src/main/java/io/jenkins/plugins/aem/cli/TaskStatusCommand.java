package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.TaskOutcome;
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
        long start = System.nanoTime();
        return TaskCommandSupport.execute(root, connection, task, client -> client.taskStatus(task.ref(), connection.timeout())
                .thenApply(s -> new TaskOutcome(s.task(), s.state(), s.rawState(), s.stopReason(), s.message(),
                        java.time.Duration.ofNanos(System.nanoTime() - start), "GetTaskDetails")));
    }
}
