package io.jenkins.plugins.aem.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * Derives the full-load table counters, memory figure and health members of a task view from its phase and the
 * clock.
 */
final class TaskCounters {
    private TaskCounters() {
    }

    static TaskView view(SimTask.Phase phase, String shownState, String message, boolean completed, Instant loadStart,
                         Instant loadEnd, Duration loadLength, SimTaskSpec spec, Instant now, Instant runningSince) {
        SimHealthSpec health = spec.health();
        int total = spec.tables();
        int done = 0;
        int loading = 0;
        int queued = 0;
        int failed = 0;
        if (completed) {
            done = total;
        } else if (loadStart != null && alive(phase)) {
            // a load in progress: tables finish evenly over the load's duration, two (or one) load at a time
            double fraction = loadLength.isZero() ? 0.99
                    : Math.min(0.99, (double) Duration.between(loadStart, now).toNanos() / loadLength.toNanos());
            done = (int) Math.floor(Math.max(0, fraction) * total);
            loading = Math.min(health != null && health.tablesOneByOne() ? 1 : 2, total - done);
            queued = total - done - loading;
        } else if (loadStart != null && "ERROR".equals(phase.state())) {
            failed = 1;
            queued = total - 1;
        }
        int failing = health == null ? 0 : health.failingTable();
        if (failing > 0 && failing <= done) {
            done--;
            failed++;
        }
        int memory = alive(phase) ? spec.memoryMb() : 0;
        return new TaskView(shownState, phase.stopReason(), message, completed, loadStart, loadEnd, total, done,
                loading, queued, failed, memory,
                health == null ? null : TaskHealthModel.view(health, alive(phase), runningSince, now));
    }

    /** Whether the task process runs (AEM reports memory only then). */
    private static boolean alive(SimTask.Phase phase) {
        return "RUNNING".equals(phase.state()) || "RECOVERY".equals(phase.state());
    }
}
