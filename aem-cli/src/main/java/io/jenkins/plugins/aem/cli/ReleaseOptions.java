package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.release.TaskPatterns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
}
