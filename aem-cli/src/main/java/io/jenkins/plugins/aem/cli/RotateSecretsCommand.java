package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.RotateRequest;
import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code aem rotate-secrets}: sends new secrets to a task's endpoints, tests them, and puts the old ones back if not. */
@Command(name = "rotate-secrets", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Rotate the secrets of a Replicate task's endpoints: write the task's backup (--backup), send each "
                + "secret given through PatchEndpoint (the endpoint's secret fields alone), then test each endpoint "
                + "(TestEndpoint). An endpoint that does not connect puts every old secret back from the backup (exit 5).",
                "The plan names the other tasks that use a rotated endpoint: they keep the old secret until they run "
                        + "again. With --stop-if-running the running ones are restarted (and the task itself, if it runs); "
                        + "without it a running task is refused.",
                "Needs Designer on All Tasks and on All Endpoints."},
        footerHeading = "%nExample:%n",
        footer = {"  aem rotate-secrets --url https://aem-prod.example.com --server Replicate-Prod \\",
                "      --task Orders --secret Oracle-Src=/run/secrets/oracle-new \\",
                "      --stop-if-running --backup Orders-before-rotation.json",
                "",
                "Exit codes as for deploy-task. See docs/release-automation.md."})
final class RotateSecretsCommand implements Callable<Integer> {

    @ParentCommand
    AemCommand root;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    TaskOptions task = new TaskOptions();

    @Mixin
    SecretOptions secrets = new SecretOptions();

    @Mixin
    StopOptions stop = new StopOptions();

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    boolean dryRun;

    @Mixin
    BackupFileOption backup = new BackupFileOption();

    @Override
    public Integer call() {
        Map<String, EndpointSecret> given = secrets.secrets();
        Duration timeout = connection.timeout(DeployCommandSupport.DEFAULT_TIMEOUT);
        return DeployCommandSupport.execute(root, connection, backup, dryRun, task.ref(), (client, sink) -> client.rotateSecrets(
                new RotateRequest(task.ref(), given, stop.stopIfRunning, stop.option(), stop.cdcPosition, dryRun,
                        timeout, sink, null), TaskCommandSupport.progress(root)));
    }
}
