package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.ExportTasksRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code aem export-tasks}: writes a Replicate server's tasks into a release folder, one file per task. */
@Command(name = "export-tasks", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export a Replicate server's tasks (or those --task names) into a release folder for version "
                + "control: one file per task in DIR/tasks, as 'aem export-task' writes it, and with --with-endpoints one "
                + "file per endpoint in DIR/endpoints, each written once.",
                "Where a file is there already, its placeholders $${NAME} stay wherever this environment's values "
                        + "(--values, --set) give the server's value: an unchanged server changes no byte. A differing "
                        + "value is written and named in a warning.",
                "Files of tasks no longer on the server are listed, and deleted only with --prune. At most --parallel "
                        + "exports at once, one login. Needs Operator on the tasks and on All Endpoints."},
        footerHeading = "%nExample:%n",
        footer = {"  aem export-tasks --url https://aem-dev.example.com --server Replicate-Dev \\",
                "      --dir release --with-endpoints --values env/dev.values",
                "",
                "Exit codes: 0 every task exported, else the worst failure's. See docs/releasing-a-set.md."})
final class ExportTasksCommand implements Callable<Integer> {

    @ParentCommand
    AemCommand root;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    ReleaseOptions release = new ReleaseOptions();

    @Option(names = "--with-endpoints", description = "Write each endpoint the tasks use once, to DIR/endpoints (its "
            + "secrets become placeholders); the task files then name their endpoints without carrying them. Without "
            + "it a deploy needs the endpoints on the target already.")
    boolean withEndpoints;

    @Mixin
    ValueOptions values = new ValueOptions();

    @Option(names = "--prune", description = "Delete the files of tasks (and endpoints) no longer on the server; "
            + "without it they are only listed.")
    boolean prune;

    @Override
    public Integer call() {
        ExportTasksRequest request = new ExportTasksRequest(release.server, release.patterns(), withEndpoints,
                values.values(), prune, release.parallel, connection.timeout());
        LocalFiles.checkReleaseDir(release.dir, true);
        return release.execute(root, connection, (client, folder, calls) -> client.exportTasks(request, folder, calls,
                TaskCommandSupport.progress(root)), (r, export) -> TaskCommandSupport.await(export), ReleasePrinter::exported);
    }
}
