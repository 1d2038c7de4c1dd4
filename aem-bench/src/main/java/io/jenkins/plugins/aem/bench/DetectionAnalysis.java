package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.client.PollSchedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks completed operations against the simulator's ground truth and measures how late each was detected.
 *
 * <p>An operation is <em>correct</em> when the client reported success and the task's history shows it reached the goal
 * state after the operation started and no later than the client's report. Its <em>detection delay</em> is the time
 * from that state change to the report.
 *
 * <p>The <em>poll interval in force</em> when the state changed is what the client's documented schedule says its
 * interval was at that moment, by time: the schedule's intervals {@code interval(0), interval(1), ...} are laid end to
 * end from the command, and the one that covers the moment of the change is in force, stretched by at most the
 * jitter. It is measured by time rather than by counting reads because the client serves the waits of one server with
 * shared GetTaskList reads, which may come early but never later than the schedule. The target is met when 99 % of
 * operations have delay / interval at most 1.
 */
final class DetectionAnalysis {

    private final List<Long> delaysMs = new ArrayList<>();
    private final List<Double> ratios = new ArrayList<>();
    private int correct;

    /** Analyses the operations of one phase; call once per phase, then read the totals. */
    void add(List<OpResult> ops, BenchSim sim, PollSchedule schedule) {
        sim.refresh();
        for (OpResult op : ops) {
            if (!op.succeeded()) {
                continue;
            }
            Instant change = sim.firstChangeTo(op.task(), op.goal(), op.started());
            if (change == null || change.isAfter(op.done())) {
                continue; // success the ground truth does not confirm: counted as not correct
            }
            correct++;
            long delay = Duration.between(change, op.done()).toMillis();
            delaysMs.add(delay);
            if (schedule != null) {
                Instant command = sim.commandAt(op.task(), op.started());
                long sinceCommand = command == null ? 0 : Duration.between(command, change).toMillis();
                double bound = schedule.intervalAt(Duration.ofMillis(sinceCommand)).toMillis() * (1.0 + schedule.jitter());
                ratios.add(delay / bound);
            }
        }
    }

    int correct() {
        return correct;
    }

    Stats delays() {
        return Stats.of(delaysMs);
    }

    /** Fraction of correct operations detected within the interval in force; {@code NaN} without a schedule. */
    double withinInterval() {
        if (ratios.isEmpty()) {
            return Double.NaN;
        }
        return ratios.stream().filter(r -> r <= 1.0).count() / (double) ratios.size();
    }

    /** 99th percentile of delay / interval in force; {@code NaN} without a schedule. */
    double ratioP99() {
        if (ratios.isEmpty()) {
            return Double.NaN;
        }
        return Stats.percentile(ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 99);
    }
}
