package io.jenkins.plugins.aem.bench.soak;

import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.TaskOutcome;
import io.jenkins.plugins.aem.simulator.StateChange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Judges one soak operation against the simulator's ground truth. The rules, one per way an operation can end:
 *
 * <ul>
 *   <li><b>success</b>: correct only when the task's history shows it entering the goal within the operation
 *       (RUNNING, or STOPPED with FULL_LOAD_ONLY_FINISHED for a full-load-only run; STOPPED for a stop) no later than
 *       the client said so, the outcome names that state, and AEM answered the command with no error code (an error
 *       code swallowed is a lost error).</li>
 *   <li><b>AEM error</b> with code X: correct when AEM really answered X to this operation: to its command (the
 *       task's command record), or, for the code injected on status reads, a read in the window answered with HTTP
 *       500; INVALID_SESSION_ID only after AEM refused the session twice in the window. A {@code *_TIMEOUT} code is never final while time is left, so it is wrong as an AEM error.</li>
 *   <li><b>task failed</b>: correct when the task entered ERROR (or a FATAL_ERROR stop) within the operation, or was
 *       in ERROR when the client said so, and AEM gave no error code that should have been reported instead.</li>
 *   <li><b>timed out</b>: correct when the deadline had truly passed (the client ended no earlier than 50 ms before
 *       it) and the client did not sit on a success: the goal was not held without interruption from 12 s (longest
 *       poll interval plus slack) before the deadline to the deadline. AEM's error code, when it gave one, must not
 *       be lost.</li>
 *   <li><b>unreachable</b>: correct when some request the operation may have made met a transport fault (no answer,
 *       or an HTML 502/503 page) within its window.</li>
 *   <li>anything else (cancelled, invalid input, a foreign exception): wrong.</li>
 * </ul>
 * Independently: <b>late</b> when it ended more than 5 s after its deadline; <b>duplicates</b> are run/stop POSTs for
 * the task in the window beyond the first, not counting those AEM refused for the session (HTTP 401).
 */
final class OutcomeChecker {

    static final Duration LATE_AFTER = Duration.ofSeconds(5);
    static final Duration EARLY_TOLERANCE = Duration.ofMillis(50);
    static final Duration MISSED_SUCCESS = Duration.ofSeconds(12);

    private OutcomeChecker() {
    }

    static Verdict check(SoakOp op, GroundTruth truth) {
        boolean late = op.ended().isAfter(op.deadline().plus(LATE_AFTER));
        int duplicates = (int) Math.max(0, truth.commandPosts() - 1);
        String problem = problem(op, truth);
        return new Verdict(problem == null, late, duplicates, problem == null ? "ok" : problem);
    }

    /** What is wrong with the operation's result, or {@code null} when it agrees with the ground truth. */
    private static String problem(SoakOp op, GroundTruth truth) {
        List<String> errors = truth.commandErrors();
        if (op.failure() == null) {
            return success(op, truth, errors);
        }
        AemException e = op.aemFailure();
        if (e == null) {
            return "foreign exception " + op.failure();
        }
        String code = e.errorCode();
        switch (e.kind()) {
            case AEM_ERROR:
                if (code != null && code.endsWith("_TIMEOUT")) {
                    return "reported " + code + " as final while time was left";
                }
                if (code != null && errors.contains(code)
                        || FaultPlan.READ_ERROR_CODE.equals(code) && truth.readErrors() > 0
                        || "INVALID_SESSION_ID".equals(code) && truth.sessionRefusals() >= 2) {
                    return null;
                }
                return "AEM error " + code + " but AEM answered " + errors + " and " + truth.readErrors()
                        + " read errors";
            case TASK_FAILED:
                if (!errors.isEmpty()) {
                    return "task failed, but AEM's " + errors + " was lost";
                }
                if (truth.firstChange(GroundTruth::isError, op.started(), op.ended()) != null
                        || GroundTruth.isError(truth.at(op.ended()))) {
                    return null;
                }
                return "task failed, but the task was " + truth.at(op.ended()).state() + " and never in ERROR";
            case TIMED_OUT:
                return timedOut(op, truth, errors);
            case UNREACHABLE:
                return truth.faulted() > 0 ? null : "unreachable, but no request met a transport fault";
            default:
                return "unexpected failure " + e.kind() + ": " + e.getMessage();
        }
    }

    private static String success(SoakOp op, GroundTruth truth, List<String> errors) {
        if (!errors.isEmpty()) {
            return "success, but AEM answered " + errors;
        }
        Predicate<StateChange> goal = goal(op.action());
        StateChange reached = truth.firstChange(goal, op.started(), op.ended());
        // A stop that AEM accepted while a run was still starting cancels the start: the task stays STOPPED, as asked.
        boolean stopCancelledAStart = "stop".equals(op.action()) && goal.test(truth.at(op.ended()))
                && truth.commands().stream().anyMatch(c -> c.accepted() && "stop".equals(c.action()));
        if (reached == null && !stopCancelledAStart) {
            return "success, but the task never entered " + op.goal() + " during the operation (was "
                    + truth.at(op.ended()).state() + ")";
        }
        TaskOutcome o = op.outcome();
        boolean stateMatches = "run".equals(op.action())
                ? o.state().name().equals("RUNNING") || o.state().name().equals("STOPPED")
                && "FULL_LOAD_ONLY_FINISHED".equals(o.stopReason().name())
                : o.state().name().equals("STOPPED");
        return stateMatches ? null : "success with outcome state " + o.rawState();
    }

    private static String timedOut(SoakOp op, GroundTruth truth, List<String> errors) {
        Instant deadline = op.deadline();
        if (op.ended().isBefore(deadline.minus(EARLY_TOLERANCE))) {
            return "timed out " + Duration.between(op.ended(), deadline).toMillis() + " ms before the deadline";
        }
        if (!errors.isEmpty()) {
            return "timed out, but AEM's " + errors + " was lost";
        }
        if (truth.heldThroughout(goal(op.action()), deadline.minus(MISSED_SUCCESS), deadline)
                && truth.firstChange(goal(op.action()), op.started(), deadline) != null) {
            return "timed out, but the task was " + op.goal() + " for the last " + MISSED_SUCCESS.toSeconds()
                    + " s before the deadline";
        }
        return null;
    }

    /** The states that satisfy an action: what a run or a stop waits for. */
    static Predicate<StateChange> goal(String action) {
        if ("run".equals(action)) {
            return c -> "RUNNING".equals(c.state())
                    || "STOPPED".equals(c.state()) && "FULL_LOAD_ONLY_FINISHED".equals(c.stopReason());
        }
        return c -> "STOPPED".equals(c.state());
    }
}
