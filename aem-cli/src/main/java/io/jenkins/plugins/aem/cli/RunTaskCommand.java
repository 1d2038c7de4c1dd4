package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.RunOption;
import io.jenkins.plugins.aem.client.RunRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code aem run-task}: runs a task and waits until it is running (or its load completed). */
@Command(name = "run-task", mixinStandardHelpOptions = true,
        description = "Run a task and wait until it is RUNNING (or, with --wait-for-completion, until its load completed).",
        footerHeading = "%nRun options (--option):%n",
        footer = {"  RESUME_PROCESSING                          (default for Replicate; Compose gets none)",
                "  RELOAD_TARGET",
                "  RESUME_PROCESSING_FROM_TIMESTAMP           needs --cdc-position YYYY-MM-DDThh:mm:ss (UTC)",
                "  METADATA_ONLY_RECREATE_ALL_TABLES",
                "  METADATA_ONLY_CREATE_MISSING_TABLES",
                "  RECOVER_USING_LOCALLY_STORED_CHECKPOINT",
                "  RECOVER_USING_CHECKPOINT_STORED_ON_TARGET  needs --cdc-position CHECKPOINT",
                "  RESUME_PROCESSING_FROM_POSITION            needs --cdc-position POSITION",
                "",
                "Example:",
                "  AEM_USERNAME=svc AEM_PASSWORD=... aem run-task --url https://aem.example.com --server Replicate-Prod \\",
                "      --task Orders --option RELOAD_TARGET --wait-for-completion --timeout 3600"})
final class RunTaskCommand implements Callable<Integer> {

    @ParentCommand
    AemCommand root;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    TaskOptions task = new TaskOptions();

    @Option(names = "--option", paramLabel = "RUN_OPTION", description = "How the task starts (see below). Default: RESUME_PROCESSING for Replicate, none for Compose.")
    String option;

    @Option(names = "--cdc-position", paramLabel = "VALUE", description = "Where to start, for the options that need it.")
    String cdcPosition;

    @Option(names = "--wait-for-completion", description = "Wait until the load completed, not only until the task runs.")
    boolean waitForCompletion;

    @Override
    public Integer call() {
        RunRequest request = new RunRequest(task.ref(), RunOption.parse(option), cdcPosition, waitForCompletion,
                connection.timeout());
        return TaskCommandSupport.execute(root, connection, task,
                client -> client.run(request, TaskCommandSupport.progress(root)));
    }
}
