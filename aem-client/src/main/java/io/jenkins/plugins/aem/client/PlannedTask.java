package io.jenkins.plugins.aem.client;

import java.util.List;

/**
 * One task of a release's plan, found before anything changes.
 *
 * @param task     the task on the target server
 * @param file     its file in the folder ({@code tasks/Orders.json})
 * @param verdict  what the release would do to it
 * @param lines    its plan, line by line, as a single deploy prints it ({@code no change} when there is nothing to do)
 * @param warnings what the user should know about it (version differences, endpoints kept, ...)
 * @param refusal  why it must not be deployed, or {@code null}
 * @param tests    the endpoints its deploy creates, changes or rotates, which it tests before the task runs (unless
 *                 skipEndpointTest): a task of the release that uses one follows it
 * @param restarts the other tasks of the server its deploy restarts to take the secrets it rotates (updateSecrets
 *                 with stopIfRunning), as the plan names them
 */
public record PlannedTask(TaskRef task, String file, Verdict verdict, List<String> lines, List<String> warnings,
                          AemException refusal, List<String> tests, List<String> restarts) {

    /** What a release would do to a task. */
    public enum Verdict {
        /** The server does not have the task: it is created. */
        CREATE,
        /** The task differs from its file: it is deployed. */
        CHANGE,
        /** The task matches its file: nothing is sent. */
        NO_CHANGE,
        /** The task must not be deployed as things are ({@link #refusal()} says why). */
        REFUSED
    }

    public PlannedTask {
        lines = List.copyOf(lines);
        warnings = List.copyOf(warnings);
        tests = List.copyOf(tests);
        restarts = List.copyOf(restarts);
    }

    /** A task planned without a deploy's reads, refused for {@code why}. */
    static PlannedTask refused(TaskRef task, String file, List<String> warnings, AemException why) {
        return new PlannedTask(task, file, Verdict.REFUSED, List.of(), warnings, why, List.of(), List.of());
    }

    /** Whether the release changes the task. */
    public boolean changes() {
        return verdict == Verdict.CREATE || verdict == Verdict.CHANGE;
    }

    /** The same task, refused for {@code why}. */
    PlannedTask refused(AemException why) {
        return new PlannedTask(task, file, Verdict.REFUSED, lines, warnings, why, tests, restarts);
    }
}
