package io.jenkins.plugins.aem.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.ExportRequest;
import io.jenkins.plugins.aem.client.ExportedDefinition;
import io.jenkins.plugins.aem.client.TaskRef;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code aem export-task}: writes a Replicate task's definition in the form kept under version control. */
@Command(name = "export-task", mixinStandardHelpOptions = true,
        description = {"Export a Replicate task's definition for version control: keys sorted, pretty-printed, the "
                + "export's label, host and time left out, so that two exports of an unchanged task are identical.",
                "Every secret is replaced by a placeholder $${secret:ENDPOINT/FIELD}; the file never holds a usable secret.",
                "Needs Operator on the task and on All Endpoints."},
        footerHeading = "%nExample:%n",
        footer = {"  aem export-task --url https://aem-dev.example.com --server Replicate-Dev \\",
                "      --task Orders --with-endpoints --output tasks/Orders.json",
                "",
                "Deploy the file with 'aem deploy-task'. See docs/release-automation.md."})
final class ExportTaskCommand implements Callable<Integer> {

    @ParentCommand
    AemCommand root;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    TaskOptions task = new TaskOptions();

    @Option(names = "--with-endpoints", description = "Include the task's endpoints (their secrets become placeholders). "
            + "Without it the file holds the task alone, and a deploy needs the endpoints on the target already.")
    boolean withEndpoints;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the definition to FILE (replaced if it exists). "
            + "Default: stdout.")
    Path output;

    @Override
    public Integer call() {
        TaskRef ref = task.ref();
        OutcomePrinter printer = new OutcomePrinter(root.out, root.err, connection.json, connection.verbose);
        if (connection.json && output == null) {
            throw AemException.invalidInput("--json", "needs --output FILE: the definition itself goes to stdout otherwise.");
        }
        if (output != null) {
            LocalFiles.checkWritable(output, "--output");
        }
        ExportRequest request = new ExportRequest(ref, withEndpoints, connection.timeout());
        ConnectionSettings settings = connection.settings(root.env);
        TaskCommandSupport.warnIfInsecure(root, settings);
        try (AemClientPool pool = AemClientPool.create()) {
            ExportedDefinition exported = TaskCommandSupport.await(pool.client(settings).exportTask(request,
                    TaskCommandSupport.progress(root)));
            if (output == null) {
                root.out.print(exported.text());
                root.out.flush();
                return 0;
            }
            LocalFiles.writePublic(output, exported.text(), "--output");
            root.err.println("aem: wrote " + output + (exported.placeholders().isEmpty() ? ""
                    : "; secrets to give when deploying: " + String.join(", ", exported.placeholders())));
            if (connection.json) {
                ObjectNode node = OutcomePrinter.base(ref, null, null);
                node.remove("state");
                node.remove("elapsedSeconds");
                node.put("file", output.toString());
                node.put("version", exported.version());
                exported.placeholders().forEach(node.putArray("placeholders")::add);
                root.out.println(node);
            }
            return 0;
        } catch (AemException e) {
            return printer.failure(ref, e);
        }
    }
}
