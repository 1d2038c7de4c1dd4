package io.jenkins.plugins.aem.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a command that changes a task writes the task's backup first, or that it only plans (dry run). */
final class BackupOptions {

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    boolean dryRun;

    @Option(names = "--backup", paramLabel = "FILE", description = "Where the task's definition before the change is "
            + "written, before anything changes (only when something will), readable by you only. It holds the "
            + "endpoints' encrypted secrets, valid on this server only: 'aem restore-task --from FILE' puts it back. "
            + "The file must not exist. Required unless --dry-run.")
    Path backup;
}
