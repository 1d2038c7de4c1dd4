package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.DeployTasksRequest;
import io.jenkins.plugins.aem.client.release.FileNames;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code aem deploy-tasks}: releases a folder's tasks to a Replicate server as one unit, with one plan. */
@Command(name = "deploy-tasks", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Release a folder's tasks (as 'aem export-tasks' wrote them) to a Replicate server as one unit. "
                + "The folder is checked whole first (every placeholder has a value, every endpoint one definition); "
                + "then one plan: each task created, changed, unchanged or refused (and why), and the server's tasks "
                + "the folder does not hold, which are never touched.",
                "Any refusal stops the release before anything changes, unless --skip-refused. Then only the changed "
                        + "tasks are deployed, each as 'aem deploy-task' does (backup, stop, import, check, run), at most "
                        + "--parallel at once; an endpoint several tasks use is created or changed once.",
                "--atomic: when a task fails, every task the release changed is put back (exit 5), or the tasks that "
                        + "could not be are named with their state and backup (exit 6). --dry-run exits 0 when the server "
                        + "matches the folder and 7 when it differs.",
                "Endpoints the release creates or changes are tested (TestEndpoint) once, by the task that carries them, "
                        + "before any task using them runs (--no-endpoint-test skips it). --update-secrets rotates the "
                        + "secrets given, each endpoint once; the plan names the tasks restarted to take them.",
                "Needs Designer on All Tasks, and on All Endpoints when the folder carries endpoints."},
        footerHeading = "%nExample:%n",
        footer = {"  aem deploy-tasks --url https://aem-prod.example.com --server Replicate-Prod \\",
                "      --dir release --values env/prod.values --secret Oracle-Src=/run/secrets/oracle \\",
                "      --stop-if-running --atomic --backup-dir backups/$BUILD_NUMBER",
                "",
                "Exit codes: 0 done, or nothing to change; 1 refused or AEM refused (nothing changed when refused);",
                "2 bad input, nothing sent; 3 a deadline; 4 AEM unreachable; 5 tasks failed and were put back;",
                "6 tasks not put back (each named with its state and backup); 7 a dry run found drift; 130 cancelled.",
                "See docs/releasing-a-set.md."})
final class DeployTasksCommand implements Callable<Integer> {

    @ParentCommand
    AemCommand root;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    ReleaseOptions release = new ReleaseOptions();

    @Mixin
    ValueOptions values = new ValueOptions();

    @Mixin
    SecretOptions secrets = new SecretOptions();

    @Mixin
    UpdateSecretsOption rotation = new UpdateSecretsOption();

    @Mixin
    DeployOptions deploy = new DeployOptions();

    @Option(names = "--atomic", description = "When a task fails, put back every task the release changed, so that "
            + "the server is as it was. Without it each task stands alone.")
    boolean atomic;

    @Option(names = "--skip-refused", description = "Deploy the tasks that are not refused even when others are (the "
            + "exit code still says the refusals). Without it any refusal stops the release before anything changes.")
    boolean skipRefused;

    @Option(names = "--backup-dir", paramLabel = "DIR", description = "Where each changed task's definition before the "
            + "release is written, before it changes, one file per task, readable by you only ('aem restore-task --from' "
            + "puts one back). Made if missing; it must hold no backup yet. Required unless --dry-run.")
    Path backupDir;

    @Mixin
    NewerVersionOption newer = new NewerVersionOption();

    @Override
    public Integer call() {
        DeployTasksRequest.Builder request = deploy.release(release.server, connection.timeout(DeployCommandSupport.DEFAULT_TIMEOUT))
                .tasks(release.patterns()).values(values.values()).secrets(secrets.secrets())
                .updateSecrets(rotation.updateSecrets).atomic(atomic)
                .skipRefused(skipRefused).parallel(release.parallel).allowNewerVersion(newer.allowNewerVersion);
        if (backupDir == null && !deploy.dryRun) {
            throw AemException.invalidInput("--backup-dir", "is missing. Name a directory for the changed tasks' "
                    + "definitions before the release (each is written before its task changes), or give --dry-run.");
        }
        LocalFiles.checkReleaseDir(release.dir, false);
        if (backupDir != null) {
            LocalFiles.checkBackupDir(backupDir);
            request.backups(task -> backup -> LocalFiles.writePrivate(backupDir.resolve(FileNames.of(task.task())),
                    backup.restorableText()));
        }
        DeployTasksRequest built = request.build();
        return release.execute(root, connection, (client, folder, calls) -> client.deployTasks(built, folder, calls,
                TaskCommandSupport.progress(root)), (r, deploy) -> DeployCommandSupport.awaitRestoring(r, deploy,
                "the tasks the release changed"), ReleasePrinter::released);
    }
}
