package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.TaskRef;
import picocli.CommandLine.Option;

/** Which task: server, task and, for Compose, optionally the project. */
final class TaskOptions {

    @Option(names = "--server", required = true, paramLabel = "NAME", description = "The server's name in AEM.")
    String server;

    @Option(names = "--task", required = true, paramLabel = "NAME",
            description = "The task's name in AEM. Compose: task__project, or give --project.")
    String task;

    @Option(names = "--project", paramLabel = "NAME", description = "Compose project; sends the task as task__project.")
    String project;

    TaskRef ref() {
        return TaskRef.of(server, task, project);
    }
}
