package io.jenkins.plugins.aem.bench.soak.deploy;

import java.util.List;
import java.util.Map;

/**
 * One release the soak makes: the lane's tasks exported into a folder, the folder edited, then released.
 *
 * @param id            the release's number
 * @param viaCli        through {@code aem export-tasks} and {@code aem deploy-tasks}, or through the client's API
 * @param atomic        all or nothing
 * @param dryRun        a plan only
 * @param stopIfRunning whether a running task may be stopped for its deploy
 * @param withSecrets   whether the endpoints' passwords are given (the ones they hold)
 * @param parallel      tasks at once
 * @param tasks         the tasks exported into the folder, by name
 * @param changes       what the folder does to each task of the release, the one it creates included
 * @param endpoint      an endpoint whose host the folder changes, or null
 * @param fault         the fault armed for the release, or null
 * @param refusal       what makes the plan refuse a task (with {@link ReleaseFault#TASK_REFUSED}), or null
 */
record ReleaseCase(int id, boolean viaCli, boolean atomic, boolean dryRun, boolean stopIfRunning, boolean withSecrets,
                   int parallel, List<String> tasks, Map<String, TaskChange> changes, EndpointChange endpoint,
                   ReleaseFault fault, String refusal) {

    /** What the folder does to a task. */
    enum Kind {
        /** The file as exported: nothing to deploy. */
        NONE,
        /** The file changed: the task is changed. */
        CHANGE,
        /** A new file, a copy of {@code source}'s renamed: the task is created. */
        CREATE
    }

    /**
     * One task's part of the release.
     *
     * @param kind   what happens to it
     * @param edit   the change made to its file (and to its ground truth, for the prediction)
     * @param source for a created task, the task whose file it copies
     */
    record TaskChange(Kind kind, DefinitionEdit edit, String source) {
    }

    /** An endpoint file's host changed: the task of the release that carries it changes the endpoint. */
    record EndpointChange(String name, String host) {
    }

    /** The release as a report line names it. */
    String describe() {
        long changed = changes.values().stream().filter(t -> t.kind() != Kind.NONE).count();
        return "#" + id + " " + (viaCli ? "cli" : "api") + (atomic ? " atomic" : "") + (dryRun ? " dry-run" : "") + " "
                + tasks.size() + " tasks, " + changed + " changed" + (endpoint == null ? "" : ", endpoint " + endpoint.name())
                + " parallel " + parallel + (fault == null ? "" : " fault " + fault) + (refusal == null ? "" : " (" + refusal + ")");
    }
}
