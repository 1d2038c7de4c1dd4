package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.StopRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code aem stop-task}: stops a task and waits until it is stopped. */
@Command(name = "stop-task", mixinStandardHelpOptions = true, description = "Stop a task and wait until it is STOPPED.",
        footerHeading = "%nExample:%n",
        footer = "  aem stop-task --url https://aem.example.com --server Replicate-Prod --task Orders --timeout 300")
final class StopTaskCommand implements Callable<Integer> {

    @ParentCommand
    AemCommand root;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    TaskOptions task = new TaskOptions();

    @Override
    public Integer call() {
        StopRequest request = new StopRequest(task.ref(), connection.timeout());
        return TaskCommandSupport.execute(root, connection, task,
                client -> client.stop(request, TaskCommandSupport.progress(root)));
    }
}
