package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.DeployRequest;
import io.jenkins.plugins.aem.client.DeployTasksRequest;
import io.jenkins.plugins.aem.client.RunOption;
import io.jenkins.plugins.aem.client.TaskRef;
import java.time.Duration;
import picocli.CommandLine.Option;

/** What deploy-task, restore-task and deploy-tasks share: how a running task is handled, replace, and dry run. */
final class DeployOptions {

    @Option(names = "--stop-if-running", description = "Stop a task that is not stopped (waiting for STOPPED), deploy, "
            + "then run it again and wait for RUNNING. Without it such a task is refused, and nothing changes.")
    boolean stopIfRunning;

    @Option(names = "--run-option", paramLabel = "RUN_OPTION", description = "How a task stopped for the deploy is run "
            + "again (the run options of 'aem run-task'). Default: RESUME_PROCESSING.")
    String runOption;

    @Option(names = "--cdc-position", paramLabel = "VALUE", description = "The cdc position, for the run options that need one.")
    String cdcPosition;

    @Option(names = "--replace", description = "When the file removes tables or settings the task has, delete the task "
            + "and import it afresh (an import only merges). The task loses its processing position: choose --run-option "
            + "accordingly. Without it such a deploy is refused, and nothing changes.")
    boolean replace;

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    boolean dryRun;

    /** A deploy request with these options set. */
    DeployRequest.Builder request(TaskRef task, String definition, Duration timeout) {
        return DeployRequest.builder(task, definition).stopIfRunning(stopIfRunning, RunOption.parse(runOption), cdcPosition)
                .replace(replace).dryRun(dryRun).timeout(timeout);
    }

    /** A release's request with these options set for each of its deploys. */
    DeployTasksRequest.Builder release(String server, Duration timeout) {
        return DeployTasksRequest.builder(server).stopIfRunning(stopIfRunning, RunOption.parse(runOption), cdcPosition)
                .replace(replace).dryRun(dryRun).timeout(timeout);
    }
}
