package io.jenkins.plugins.aem.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.HealthOutcome;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.client.TaskStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

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

    /** A status read: the state alone on stdout and its health in one line on stderr, or every value as JSON. */
    int status(TaskStatus s, Duration elapsed) {
        if (json) {
            out.println(withValues(base(s.task(), s.rawState(), elapsed), s.toMap()));
        } else {
            out.println(s.rawState());
            err.println(s.task() + ": " + s.describe());
        }
        return 0;
    }

    /** A health wait whose conditions hold: the state alone on stdout, or every value and the conditions as JSON. */
    int healthy(HealthOutcome o) {
        if (json) {
            out.println(withValues(base(o.task(), o.status().rawState(), o.elapsed()), o.toMap()));
        } else {
            out.println(o.status().rawState());
        }
        return 0;
    }

    int failure(TaskRef task, AemException e) {
        describe(e);
        if (json) {
            ObjectNode node = base(task, e.lastRawState(), e.elapsed());
            node.setAll(error(e));
            if (e.lastStatus() != null) {
                node.set("lastValues", JSON.valueToTree(e.lastStatus().toMap()));
            }
            out.println(node);
        }
        return e.kind().exitCode();
    }

    /** A failure on stderr: its message, AEM's code and what to do. */
    void describe(AemException e) {
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
    }

    /** A failure as JSON members: {@code errorCode} (AEM's, else the kind), {@code kind}, {@code message}, {@code remedy}. */
    static ObjectNode error(AemException e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("errorCode", e.errorCode() != null ? e.errorCode() : e.kind().name());
        node.put("kind", e.kind().name());
        node.put("message", e.getMessage());
        if (e.remedy() != null) {
            node.put("remedy", e.remedy());
        }
        return node;
    }

    /** {@code node} with every value of {@code values} it does not have yet, in their order. */
    private static ObjectNode withValues(ObjectNode node, Map<String, Object> values) {
        ObjectNode all = JSON.valueToTree(values);
        all.fieldNames().forEachRemaining(name -> {
            if (!node.has(name)) {
                node.set(name, all.get(name));
            }
        });
        return node;
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
