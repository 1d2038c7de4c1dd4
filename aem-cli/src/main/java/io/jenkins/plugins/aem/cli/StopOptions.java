package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.RunOption;
import picocli.CommandLine.Option;

/** How a running task is handled by a command that changes it: stopped first and run again, or refused. */
final class StopOptions {

    @Option(names = "--stop-if-running", description = "Stop a task that is not stopped (waiting for STOPPED), change "
            + "it, then run it again and wait for RUNNING. Without it such a task is refused, and nothing changes.")
    boolean stopIfRunning;

    @Option(names = "--run-option", paramLabel = "RUN_OPTION", description = "How a task stopped for the change is run "
            + "again (the run options of 'aem run-task'). Default: RESUME_PROCESSING.")
    String runOption;

    @Option(names = "--cdc-position", paramLabel = "VALUE", description = "The cdc position, for the run options that need one.")
    String cdcPosition;

    RunOption option() {
        return RunOption.parse(runOption);
    }
}
