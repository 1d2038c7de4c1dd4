package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.HealthConditions;
import io.jenkins.plugins.aem.client.HealthWaitRequest;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code aem wait-task}: waits until a task is healthy, without commanding it. Exit 0 when the conditions hold, 1 when
 * the task failed (ERROR, or stopped after it ran), 3 when the deadline passed.
 */
@Command(name = "wait-task", mixinStandardHelpOptions = true,
        description = {"Wait until a task is healthy, without sending it any command: it only reads the task's details, "
                + "so Viewer on the task is enough.",
            "Every condition given must hold at the same read; with none, the task must be RUNNING. The wait fails at "
                + "once when the task goes to ERROR, or stops after it was seen running while the conditions need it "
                + "running; a task stopped from the start is waited for, as someone or AEM's scheduler may start it."},
        footerHeading = "%nExample:%n",
        footer = {"  aem wait-task --url https://aem.example.com --server Replicate-Prod --task Orders \\",
            "      --full-load-completed --max-latency 5 --for 60 --no-table-errors --timeout 3600"})
final class WaitTaskCommand implements Callable<Integer> {

    @ParentCommand
    AemCommand root;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    TaskOptions task = new TaskOptions();

    @Option(names = "--state", paramLabel = "STATE", description = "The state the task must be in: RUNNING or STOPPED.")
    String state;

    @Option(names = "--full-load-completed", description = "The full load completed: every table loaded, none queued, "
            + "loading or in error (or a full-load-only task finished).")
    boolean fullLoadCompleted;

    @Option(names = "--max-latency", paramLabel = "SECONDS", description = "The task is RUNNING and its total CDC "
            + "latency is at most this many seconds.")
    Long maxLatency;

    @Option(names = "--for", paramLabel = "SECONDS", description = "Latency hold: every read over at least this many "
            + "seconds showed the latency at most --max-latency.")
    Long heldFor;

    @Option(names = "--no-table-errors", description = "No table is in error.")
    boolean noTableErrors;

    @Override
    public Integer call() {
        HealthConditions conditions = new HealthConditions(HealthConditions.state(state), fullLoadCompleted,
                seconds(maxLatency), seconds(heldFor), noTableErrors);
        HealthWaitRequest request = HealthWaitRequest.of(task.ref(), conditions, connection.timeout());
        return TaskCommandSupport.execute(root, connection, task,
                client -> client.awaitHealth(request, TaskCommandSupport.progress(root)), OutcomePrinter::healthy);
    }

    private static Duration seconds(Long value) {
        return value == null ? null : Duration.ofSeconds(value);
    }
}
