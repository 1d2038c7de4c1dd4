package io.jenkins.plugins.aem.bench.soak.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How one release ended, as its caller saw it: the command's exit code and JSON, or the client's outcome.
 *
 * @param exit    the exit code: the command's, or the outcome's ({@code exitCode()}); for a release that failed as a
 *                whole, its failure kind's; 130 for a future cancelled before anything changed
 * @param tasks   each task's end, by name; empty when the release failed as a whole
 * @param message the whole release's failure, with its remedy, or ""
 * @param output  everything the caller was shown: progress, plan, outcome, failures
 * @param took    how long the release took
 */
record ReleaseEnd(int exit, Map<String, TaskEnd> tasks, String message, String output, Duration took) {

    /**
     * One task's end.
     *
     * @param result    DEPLOYED, NO_CHANGE, DRIFT, REFUSED, NOT_STARTED, FAILED or UNDONE
     * @param errorKind its failure's kind (DEPLOY_RESTORED, DEPLOY_NOT_RESTORED, ...), or null
     * @param message   its failure's message, or ""
     * @param backup    where its backup was kept, or null
     */
    record TaskEnd(String result, String errorKind, String message, String backup) {

        /** Whether the task is named as not back: changed, and neither finished nor put back. */
        boolean notBack() {
            return "DEPLOY_NOT_RESTORED".equals(errorKind);
        }
    }

    /** The tasks named as not back. */
    List<String> notBack() {
        return tasks.entrySet().stream().filter(e -> e.getValue().notBack()).map(Map.Entry::getKey).toList();
    }

    /** The task's end, or a NONE end when the release did not get to it. */
    TaskEnd task(String name) {
        return tasks.getOrDefault(name, new TaskEnd("NONE", null, "", null));
    }
}
