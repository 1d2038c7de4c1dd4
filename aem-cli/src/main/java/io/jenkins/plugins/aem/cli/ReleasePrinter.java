package io.jenkins.plugins.aem.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.DeployTasksOutcome;
import io.jenkins.plugins.aem.client.ExportTasksOutcome;
import io.jenkins.plugins.aem.client.ExportedTask;
import io.jenkins.plugins.aem.client.ReleasedTask;
import java.time.Duration;

/**
 * Prints how a set's export or a release ended: one line per task on stdout ({@code STATUS FILE}, or
 * {@code RESULT TASK}), each task's failure on stderr, or, with {@code --json}, one JSON object on the last line of
 * stdout. Returns the exit code.
 */
final class ReleasePrinter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AemCommand root;
    private final OutcomePrinter printer;
    private final boolean json;

    ReleasePrinter(AemCommand root, ConnectionOptions conn) {
        this.root = root;
        this.printer = new OutcomePrinter(root.out, root.err, conn.json, conn.verbose);
        this.json = conn.json;
    }

    int exported(ExportTasksOutcome outcome) {
        ObjectNode node = base(outcome.server(), outcome.folder(), outcome.exitCode(), outcome.elapsed());
        ArrayNode tasks = node.putArray("tasks");
        for (ExportedTask t : outcome.tasks()) {
            ObjectNode n = tasks.addObject().put("task", t.task().task()).put("file", t.file()).put("status", t.status().name());
            t.placeholders().forEach(n.putArray("placeholders")::add);
            failure(n, t.error());
            line(t.status() + " " + t.file());
        }
        outcome.stale().forEach(node.putArray("stale")::add);
        node.put("pruned", outcome.pruned());
        outcome.warnings().forEach(node.putArray("warnings")::add);
        if (!outcome.stale().isEmpty() && !outcome.pruned()) {
            root.err.println("aem: " + outcome.stale().size() + " file(s) of tasks or endpoints no longer on server '"
                    + outcome.server() + "' were kept; --prune deletes them: " + String.join(", ", outcome.stale()));
        }
        return done(node, outcome.exitCode());
    }

    int released(DeployTasksOutcome outcome) {
        ObjectNode node = base(outcome.server(), outcome.folder(), outcome.exitCode(), outcome.elapsed());
        node.put("atomic", outcome.atomic()).put("dryRun", outcome.dryRun()).put("cancelled", outcome.cancelled());
        ArrayNode tasks = node.putArray("tasks");
        for (ReleasedTask t : outcome.tasks()) {
            ObjectNode n = tasks.addObject().put("task", t.task().task()).put("file", t.plan().file())
                    .put("verdict", t.plan().verdict().name()).put("result", t.result().name());
            t.plan().lines().forEach(n.putArray("plan")::add);
            t.actions().forEach(n.putArray("actions")::add);
            n.put("backup", t.backup());
            n.put("note", t.note());
            t.testedEndpoints().forEach(n.putArray("testedEndpoints")::add);
            n.put("resumed", t.resumed());
            t.plan().warnings().forEach(n.putArray("warnings")::add);
            failure(n, t.error());
            if (t.note() != null && !json) {
                root.err.println("aem: task '" + t.task().task() + "': " + t.note());
            }
            line(t.result() + " " + t.task().task());
        }
        outcome.notInFolder().forEach(node.putArray("notInFolder")::add);
        outcome.warnings().forEach(node.putArray("warnings")::add);
        return done(node, outcome.exitCode());
    }

    /** A failure of the whole, before any task: as a single command prints one. */
    int failure(String server, AemException e) {
        printer.describe(e);
        if (json) {
            ObjectNode node = base(server, null, e.kind().exitCode(), e.elapsed());
            node.setAll(OutcomePrinter.error(e));
            root.out.println(node);
        }
        return e.kind().exitCode();
    }

    private void failure(ObjectNode task, AemException error) {
        if (error != null) {
            task.set("error", OutcomePrinter.error(error));
            if (!json) {
                printer.describe(error);
            }
        }
    }

    private void line(String text) {
        if (!json) {
            root.out.println(text);
        }
    }

    private int done(ObjectNode node, int exit) {
        if (json) {
            root.out.println(node);
        }
        return exit;
    }

    private static ObjectNode base(String server, String folder, int exit, Duration elapsed) {
        ObjectNode node = JSON.createObjectNode();
        node.put("server", server);
        node.put("folder", folder);
        node.put("exitCode", exit);
        node.put("elapsedSeconds", elapsed == null ? 0.0 : elapsed.toMillis() / 1000.0);
        return node;
    }
}
