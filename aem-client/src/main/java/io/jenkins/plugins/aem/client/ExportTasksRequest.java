package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.Substitutions;
import io.jenkins.plugins.aem.client.release.TaskPatterns;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request to export a Replicate server's tasks into a release folder; see {@link AemClient#exportTasks}.
 *
 * @param server        the server
 * @param tasks         which of its tasks (names or globs); none means every task
 * @param withEndpoints whether each endpoint the tasks use is written once too, to {@code endpoints/}; the task files
 *                      then name their endpoints without carrying them
 * @param values        this environment's values of the folder's <code>${NAME}</code> placeholders: where a file
 *                      holds one and the server's value is what it gives, the placeholder stays
 * @param prune         delete the files of tasks (and endpoints) that are no longer on the server; without it they
 *                      are only listed
 * @param parallel      how many tasks are exported at once ({@link Parallelism}; 0 for the default)
 * @param timeout       the deadline of each task's export, and of each read of the server
 */
public record ExportTasksRequest(String server, TaskPatterns tasks, boolean withEndpoints, Map<String, String> values,
                                 boolean prune, int parallel, Duration timeout) {

    /** @throws AemException ({@link FailureKind#INVALID_INPUT}) for any invalid field */
    public ExportTasksRequest {
        server = TaskRef.requireName("server", server, "the server's name as AEM shows it");
        tasks = tasks == null ? TaskPatterns.all() : tasks;
        Substitutions.of(values); // checks names and values
        values = values == null ? Map.of() : Map.copyOf(new TreeMap<>(values));
        parallel = Parallelism.check(parallel);
        timeout = Timeouts.check(timeout);
    }

    /** Every task of the server, without endpoints, with the defaults. */
    public static ExportTasksRequest of(String server) {
        return new ExportTasksRequest(server, TaskPatterns.all(), false, Map.of(), false, 0, Timeouts.DEFAULT);
    }
}
