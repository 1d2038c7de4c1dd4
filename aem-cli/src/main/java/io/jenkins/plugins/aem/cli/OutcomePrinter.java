package io.jenkins.plugins.aem.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.TaskRef;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Prints a command's result: the state alone on stdout (or one JSON object with {@code --json}), and failures on
 * stderr with AEM's code and what to do. Returns the exit code.
 */
final class OutcomePrinter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final boolean verbose;

    OutcomePrinter(PrintStream out, PrintStream err, boolean json, boolean verbose) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.verbose = verbose;
    }

    int success(TaskRef task, String state, String stopReason, String message, Duration elapsed) {
        if (json) {
            ObjectNode node = base(task, state, elapsed);
            node.put("stopReason", stopReason);
            node.put("message", message);
            out.println(node);
        } else {
            out.println(state);
        }
        return 0;
    }

    int failure(TaskRef task, AemException e) {
        err.println("aem: " + e.getMessage());
        if (e.errorCode() != null) {
            err.println("  AEM error code: " + e.errorCode());
        }
        if (e.remedy() != null) {
            err.println("  What to do: " + e.remedy());
        }
        if (verbose && e.getCause() != null) {
            err.println("  Cause: " + e.getCause().getClass().getName() + ": " + e.getCause().getMessage());
        }
        if (json) {
            ObjectNode node = base(task, e.lastRawState(), e.elapsed());
            node.put("errorCode", e.errorCode() != null ? e.errorCode() : e.kind().name());
            node.put("kind", e.kind().name());
            node.put("message", e.getMessage());
            if (e.remedy() != null) {
                node.put("remedy", e.remedy());
            }
            out.println(node);
        }
        return e.kind().exitCode();
    }

    static ObjectNode base(TaskRef task, String state, Duration elapsed) {
        ObjectNode node = JSON.createObjectNode();
        node.put("state", state);
        node.put("server", task == null ? null : task.server());
        node.put("task", task == null ? null : task.task());
        node.put("elapsedSeconds", elapsed == null ? 0.0 : elapsed.toMillis() / 1000.0);
        return node;
    }
}
