package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * How a release ended, task by task. It completes even when tasks were refused or failed: each says so, and
 * {@link #exitCode()} sums it up.
 *
 * @param server      the target server
 * @param folder      the release folder
 * @param tasks       every task of the release, by name
 * @param notInFolder the server's tasks (of those the release takes) that the folder does not hold: never touched
 * @param atomic      whether a failure put back every task the release had changed
 * @param dryRun      whether this was a plan only
 * @param cancelled   whether the release was cancelled (Ctrl-C, an aborted build) before it ended
 * @param warnings    what the user should know about the release as a whole
 * @param elapsed     from the start to the end
 */
public record DeployTasksOutcome(String server, String folder, List<ReleasedTask> tasks, List<String> notInFolder,
                                 boolean atomic, boolean dryRun, boolean cancelled, List<String> warnings,
                                 Duration elapsed) {

    /** The exit code of a dry run that found a difference between the server and the folder: drift. */
    public static final int DRIFT_EXIT_CODE = 7;

    public DeployTasksOutcome {
        tasks = List.copyOf(tasks);
        notInFolder = List.copyOf(notInFolder);
        warnings = List.copyOf(warnings);
    }

    /** The tasks that ended so. */
    public List<ReleasedTask> with(ReleasedTask.Result result) {
        return tasks.stream().filter(t -> t.result() == result).toList();
    }

    /** The tasks the release changed and could not put back, nor finish: someone must look at each. */
    public List<ReleasedTask> notBack() {
        return tasks.stream().filter(ReleasedTask::notBack).toList();
    }

    /**
     * The {@code aem} command's exit code: the worst failure or refusal of any task (6 when a task is not back, 5 when
     * tasks were put back, 130 when cancelled, ...); else, for a dry run, {@value #DRIFT_EXIT_CODE} when the server
     * differs from the folder; else 0.
     */
    public int exitCode() {
        Stream<FailureKind> kinds = Stream.concat(tasks.stream().map(t -> Severity.of(t.error())),
                Stream.of(cancelled ? FailureKind.CANCELLED : null));
        return Severity.worst(kinds, dryRun && !with(ReleasedTask.Result.DRIFT).isEmpty() ? DRIFT_EXIT_CODE : 0);
    }
}
