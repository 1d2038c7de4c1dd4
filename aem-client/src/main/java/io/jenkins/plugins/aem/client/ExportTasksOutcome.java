package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.List;

/**
 * How a set's export ended. It completes even when some tasks failed: each says so, and {@link #exitCode()} is the
 * worst of them.
 *
 * @param server   the server
 * @param folder   where the files went
 * @param tasks    each task exported, or not, by name
 * @param stale    files of tasks (and endpoints) no longer on the server
 * @param pruned   whether the stale files were deleted ({@code prune}); else they were left
 * @param warnings what the user should know (placeholders replaced by a differing value, ...)
 * @param elapsed  from the start to the end
 */
public record ExportTasksOutcome(String server, String folder, List<ExportedTask> tasks, List<String> stale, boolean pruned,
                                 List<String> warnings, Duration elapsed) {

    public ExportTasksOutcome {
        tasks = List.copyOf(tasks);
        stale = List.copyOf(stale);
        warnings = List.copyOf(warnings);
    }

    /** How many tasks have the given status. */
    public long count(ExportedTask.Status status) {
        return tasks.stream().filter(t -> t.status() == status).count();
    }

    /** The {@code aem} command's exit code: 0 when every task was exported, else the worst failure's. */
    public int exitCode() {
        return Severity.worst(tasks.stream().map(t -> Severity.of(t.error())), 0);
    }
}
