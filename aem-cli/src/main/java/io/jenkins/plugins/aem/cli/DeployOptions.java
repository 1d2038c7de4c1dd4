package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.DeployRequest;
import io.jenkins.plugins.aem.client.DeployTasksRequest;
import io.jenkins.plugins.aem.client.TaskRef;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What deploy-task, restore-task and deploy-tasks share: how a running task is handled, replace, the endpoint test,
 * and dry run.
 */
final class DeployOptions {

    @Mixin
    StopOptions stop = new StopOptions();

    @Option(names = "--replace", description = "When the file removes tables or settings the task has, delete the task "
            + "and import it afresh (an import only merges). The task loses its processing position: choose --run-option "
            + "accordingly. Without it such a deploy is refused, and nothing changes.")
    boolean replace;

    @Option(names = "--no-endpoint-test", description = "Do not test the endpoints the deploy creates or changes "
            + "(TestEndpoint) before the task runs: for endpoints AEM cannot reach at deploy time. The plan says so; a "
            + "wrong secret or host then shows only when a task runs.")
    boolean noEndpointTest;

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    boolean dryRun;

    /** A deploy request with these options set. */
    DeployRequest.Builder request(TaskRef task, String definition, Duration timeout) {
        return DeployRequest.builder(task, definition).stopIfRunning(stop.stopIfRunning, stop.option(), stop.cdcPosition)
                .replace(replace).skipEndpointTest(noEndpointTest).dryRun(dryRun).timeout(timeout);
    }

    /** A release's request with these options set for each of its deploys. */
    DeployTasksRequest.Builder release(String server, Duration timeout) {
        return DeployTasksRequest.builder(server).stopIfRunning(stop.stopIfRunning, stop.option(), stop.cdcPosition)
                .replace(replace).skipEndpointTest(noEndpointTest).dryRun(dryRun).timeout(timeout);
    }
}
