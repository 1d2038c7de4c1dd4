package io.jenkins.plugins.aem.client;

import java.time.Duration;

/**
 * Decides, from one status read, whether a wait is done, failed, or goes on. Pure logic, no I/O, so that every rule of
 * aem-api.md section 0 can be tested on its own.
 *
 * <p>AEM may show a task as it was before the command for a while ("status lag"). Until the task has been seen in
 * another state since the command, the states that merely repeat the past (STOPPED or ERROR after a run, RUNNING after
 * a stop) are not taken as final during the grace period.
 */
final class TaskWaiter {

    /** What to do after a read. */
    enum Verdict { DONE, FAILED, WAIT }

    /** A verdict and, for FAILED, the user-facing reason; for WAIT, a lag note or {@code null}. */
    record Decision(Verdict verdict, String note) {
    }

    private final WaitGoal goal;
    private final Duration grace;
    private boolean changed;

    TaskWaiter(WaitGoal goal, Duration grace) {
        this.goal = goal;
        this.grace = grace;
    }

    /** The command's own answer is AEM's settled word: the task has moved. */
    void settled() {
        changed = true;
    }

    boolean changed() {
        return changed;
    }

    /**
     * Judges the state in a run or stop answer. It is AEM's settled word (section 0): ERROR fails, the goal's state
     * succeeds, and RUNNING or STOPPED otherwise shows the task has moved, so later reads are taken at their word.
     */
    Decision judgeAnswer(TaskState state, String errorMessage) {
        if (state == TaskState.ERROR) {
            return new Decision(Verdict.FAILED, failure(TaskState.ERROR.name(), StopReason.NONE, errorMessage));
        }
        if (goal == WaitGoal.RUNNING && state == TaskState.RUNNING || goal == WaitGoal.STOPPED && state == TaskState.STOPPED) {
            return new Decision(Verdict.DONE, null);
        }
        if (state == TaskState.RUNNING || state == TaskState.STOPPED) {
            settled();
        }
        return new Decision(Verdict.WAIT, null);
    }

    Decision judge(TaskStatus s, Duration sinceCommand) {
        boolean stale = goal == WaitGoal.STOPPED
                ? s.state() == TaskState.RUNNING || s.state() == TaskState.RECOVERY
                : s.state() == TaskState.STOPPED || s.state() == TaskState.ERROR;
        if (!stale) {
            changed = true;
        }
        boolean trusted = changed || sinceCommand.compareTo(grace) >= 0;
        return goal == WaitGoal.STOPPED ? judgeStop(s, trusted) : judgeRun(s, trusted);
    }

    private Decision judgeRun(TaskStatus s, boolean trusted) {
        if (s.failed()) {
            return trusted ? failed(s) : lag(s);
        }
        boolean finished = s.state() == TaskState.STOPPED && s.stopReason() == StopReason.FULL_LOAD_ONLY_FINISHED
                || goal == WaitGoal.LOAD_COMPLETED && s.loadCompleted();
        if (finished) {
            return trusted ? new Decision(Verdict.DONE, null) : lag(s);
        }
        if (goal == WaitGoal.RUNNING && s.state() == TaskState.RUNNING) {
            return new Decision(Verdict.DONE, null);
        }
        if (s.state() == TaskState.STOPPED) {
            if (!trusted) {
                return lag(s);
            }
            return new Decision(Verdict.FAILED, "The task is STOPPED" + reason(s) + message(s)
                    + (goal == WaitGoal.LOAD_COMPLETED ? " before its load completed." : "; it did not start.")
                    + " Check the task's log in AEM.");
        }
        return new Decision(Verdict.WAIT, null);
    }

    private Decision judgeStop(TaskStatus s, boolean trusted) {
        if (s.state() == TaskState.STOPPED) {
            return new Decision(Verdict.DONE, null);
        }
        if (s.state() == TaskState.ERROR && trusted) {
            return failed(s);
        }
        return stale(s) && !trusted ? lag(s) : new Decision(Verdict.WAIT, null);
    }

    private boolean stale(TaskStatus s) {
        return s.state() == TaskState.RUNNING || s.state() == TaskState.RECOVERY;
    }

    private Decision failed(TaskStatus s) {
        return new Decision(Verdict.FAILED, failure(s.rawState(), s.stopReason(), s.message()));
    }

    /**
     * How a failed task is reported: its state, its stop reason, and AEM's own message for it (aem-api.md section 0,
     * "failure reason"). The one wording of a task failure; with no message it says where the reason is instead.
     */
    static String failure(String rawState, StopReason reason, String message) {
        String why = message == null || message.isBlank()
                ? ". AEM gave no message for the task; its log in AEM says why."
                : ": " + message + ".";
        return "The task failed: " + rawState + (reason == null || reason == StopReason.NONE ? "" : " (stop reason " + reason + ")") + why;
    }

    private Decision lag(TaskStatus s) {
        return new Decision(Verdict.WAIT, "AEM still shows " + s.rawState() + " from before the command; AEM may be "
                + "lagging, waiting up to " + grace.toSeconds() + " s for it to catch up.");
    }

    private static String reason(TaskStatus s) {
        return s.stopReason() == StopReason.NONE ? "" : " (stop reason " + s.stopReason() + ")";
    }

    private static String message(TaskStatus s) {
        return s.message().isBlank() ? "" : ": " + s.message();
    }
}
