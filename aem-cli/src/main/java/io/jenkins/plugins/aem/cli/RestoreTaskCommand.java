package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.DeployRequest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code aem restore-task}: puts a task back from the backup 'aem deploy-task' wrote, on the same server. */
@Command(name = "restore-task", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Put a task back from the backup 'aem deploy-task --backup' wrote. The backup holds the endpoints' "
                + "encrypted secrets, which only the server it came from can decrypt: restore it onto that server and task "
                + "only.",
                "It deploys the backup as deploy-task deploys a file: plan, backup of the task as it is now (--backup), "
                        + "import, check, and a restore of its own if a step fails."},
        footerHeading = "%nExample:%n",
        footer = {"  aem restore-task --url https://aem-prod.example.com --server Replicate-Prod \\",
                "      --task Orders --from Orders-before.json --stop-if-running --replace \\",
                "      --backup Orders-failed.json"})
final class RestoreTaskCommand implements Callable<Integer> {

    @ParentCommand
    AemCommand root;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    TaskOptions task = new TaskOptions();

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup to restore, as 'aem deploy-task --backup' wrote it.")
    Path from;

    @Mixin
    DeployOptions deploy = new DeployOptions();

    @Mixin
    BackupFileOption backup = new BackupFileOption();

    @Override
    public Integer call() {
        // A backup comes from this very server, whatever version it runs now.
        DeployRequest request = deploy.request(task.ref(), ConnectionOptions.read(from, "--from"),
                connection.timeout(DeployCommandSupport.DEFAULT_TIMEOUT)).restore(true).allowNewerVersion(true).build();
        return DeployCommandSupport.execute(root, connection, deploy, backup, request);
    }
}
