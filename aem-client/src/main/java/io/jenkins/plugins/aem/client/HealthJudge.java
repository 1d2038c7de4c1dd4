package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Decides, from one read of a task's details, whether a health wait is met, failed, or goes on. Pure logic, no I/O.
 *
 * <p>The rules: a task in ERROR, or with a fatal stop reason, fails the wait at once. When the conditions need the
 * task running ({@link HealthConditions#needsRunning()}), a task seen RUNNING or in RECOVERY during this wait that is
 * then seen STOPPED fails it (whatever its stop reason, {@code FULL_LOAD_ONLY_FINISHED} included: it will not run
 * again by itself); a task STOPPED from the wait's first read on is waited for, since someone else or AEM's scheduler
 * may start it. Unknown and transitional states, RECOVERY, and values AEM did not send keep the wait going.
 */
final class HealthJudge {

    enum Verdict { MET, FAILED, WAIT }

    /**
     * A verdict with its reasons.
     *
     * @param verdict what to do
     * @param failure for FAILED, the user-facing reason
     * @param unmet   the conditions that do not hold yet
     * @param held    how long the latency has been at or below the maximum, by the reads
     */
    record Judgement(Verdict verdict, String failure, Set<HealthWording.Unmet> unmet, Duration held) {
    }

    private final HealthConditions conditions;
    private boolean seenRunning;
    private boolean holding;
    private long holdSinceNanos;

    HealthJudge(HealthConditions conditions) {
        this.conditions = conditions;
    }

    /** Whether the task was seen running (RUNNING or RECOVERY) during this wait. */
    boolean seenRunning() {
        return seenRunning;
    }

    /** Whether the wait needs the task running and it has been STOPPED since the first read: someone may start it. */
    boolean waitingForStart(TaskStatus s) {
        return conditions.needsRunning() && s.state() == TaskState.STOPPED && !seenRunning;
    }

    Judgement judge(TaskStatus s, long atNanos) {
        if (s.failed()) {
            holding = false;
            return new Judgement(Verdict.FAILED, HealthWording.taskFailed(s), Set.of(), Duration.ZERO);
        }
        if (conditions.needsRunning() && s.state() == TaskState.STOPPED && seenRunning) {
            holding = false;
            return new Judgement(Verdict.FAILED, HealthWording.stoppedWhileNeeded(s, conditions), Set.of(), Duration.ZERO);
        }
        seenRunning |= s.alive();
        Set<HealthWording.Unmet> unmet = EnumSet.noneOf(HealthWording.Unmet.class);
        if (conditions.state() != null && s.state() != conditions.state()) {
            unmet.add(HealthWording.Unmet.STATE);
        }
        if (conditions.fullLoadCompleted() && !s.loadCompleted()) {
            unmet.add(HealthWording.Unmet.FULL_LOAD);
        }
        Duration held = Duration.ZERO;
        if (conditions.maxLatency() != null) {
            if (latencyHolds(s)) {
                if (!holding) {
                    holding = true;
                    holdSinceNanos = atNanos;
                }
                held = Duration.ofNanos(atNanos - holdSinceNanos);
                if (held.compareTo(conditions.latencyHeldFor()) < 0) {
                    unmet.add(HealthWording.Unmet.HOLD);
                }
            } else {
                holding = false;
                unmet.add(HealthWording.Unmet.LATENCY);
            }
        }
        if (conditions.noTableErrors() && s.tablesWithError() != 0) {
            unmet.add(HealthWording.Unmet.TABLES);
        }
        return new Judgement(unmet.isEmpty() ? Verdict.MET : Verdict.WAIT, null, unmet, held);
    }

    private boolean latencyHolds(TaskStatus s) {
        Duration total = s.totalLatency();
        return s.state() == TaskState.RUNNING && total != null && total.compareTo(conditions.maxLatency()) <= 0;
    }
}
