package io.jenkins.plugins.aem.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where deploy-task, restore-task and rotate-secrets write the task's backup before they change it. */
final class BackupFileOption {

    @Option(names = "--backup", paramLabel = "FILE", description = "Where the task's definition before the change is "
            + "written, before anything changes (only when something will), readable by you only. It holds the "
            + "endpoints' encrypted secrets, valid on this server only: 'aem restore-task --from FILE' puts it back. "
            + "The file must not exist. Required unless --dry-run.")
    Path backup;
}
