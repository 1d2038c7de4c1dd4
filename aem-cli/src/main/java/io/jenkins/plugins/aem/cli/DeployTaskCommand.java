package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.DeployRequest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code aem deploy-task}: makes a Replicate task match a definition file, with a plan, and a restore on failure. */
@Command(name = "deploy-task", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make a Replicate task match a definition file written by 'aem export-task': read the target, "
                + "write its backup (--backup), print the plan, then import, read the task back until it matches, and "
                + "run it again if it was running. A file already in place sends nothing.",
                "If a step after the first change fails, the task is restored to what it was (exit 5); if that fails "
                        + "too, the message says what state the task is in and where the backup is (exit 6).",
                "Placeholders: $${NAME} takes values (--values, --set); $${secret:ENDPOINT/FIELD} takes --secret files. "
                        + "An endpoint left without its secret is left out when the target has it (the target keeps its own).",
                "Endpoints the import creates or changes are tested (TestEndpoint) before the task runs; one that does "
                        + "not connect fails the deploy and the task is restored (--no-endpoint-test skips the test).",
                "Needs Designer on All Tasks, and on All Endpoints when the file carries endpoints."},
        footerHeading = "%nExample:%n",
        footer = {"  aem deploy-task --url https://aem-prod.example.com --server Replicate-Prod \\",
                "      --task Orders --definition tasks/Orders.json --set ENV=PROD \\",
                "      --secret Oracle-Src=/run/secrets/oracle \\",
                "      --secret Snowflake-Tgt=/run/secrets/snowflake \\",
                "      --endpoint-user Snowflake-Tgt=LOADER \\",
                "      --stop-if-running --backup Orders-before.json",
                "",
                "Exit codes as for run-task, plus 5 (the deploy failed and the task was restored)",
                "and 6 (the deploy failed and the task was NOT restored: act on the message).",
                "See docs/release-automation.md."})
final class DeployTaskCommand implements Callable<Integer> {

    @ParentCommand
    AemCommand root;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    TaskOptions task = new TaskOptions();

    @Option(names = "--definition", required = true, paramLabel = "FILE", description = "The definition file, as 'aem export-task' wrote it.")
    Path definition;

    @Mixin
    ValueOptions values = new ValueOptions();

    @Mixin
    SecretOptions secrets = new SecretOptions();

    @Mixin
    UpdateSecretsOption rotation = new UpdateSecretsOption();

    @Mixin
    DeployOptions deploy = new DeployOptions();

    @Mixin
    BackupFileOption backup = new BackupFileOption();

    @Mixin
    NewerVersionOption newer = new NewerVersionOption();

    @Override
    public Integer call() {
        DeployRequest request = deploy.request(task.ref(), ConnectionOptions.read(definition, "--definition"),
                        connection.timeout(DeployCommandSupport.DEFAULT_TIMEOUT))
                .substitutions(values.values()).secrets(secrets.secrets()).updateSecrets(rotation.updateSecrets)
                .allowNewerVersion(newer.allowNewerVersion).build();
        return DeployCommandSupport.execute(root, connection, deploy, backup, request);
    }
}
