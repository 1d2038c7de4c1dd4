package io.jenkins.plugins.aem.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Derives a task's health members ({@link HealthView}) from its {@link SimHealthSpec}, its state and the clock. */
final class TaskHealthModel {

    private TaskHealthModel() {
    }

    /**
     * The health a read shows now.
     *
     * @param spec         the task's health behaviour
     * @param alive        whether the task process runs (RUNNING or RECOVERY)
     * @param runningSince when the task last entered RUNNING, or null if it never did
     * @param now          the simulator's clock
     */
    static HealthView view(SimHealthSpec spec, boolean alive, Instant runningSince, Instant now) {
        Duration since = runningSince == null ? null : Duration.between(runningSince, now);
        Duration source = Duration.ZERO;
        Duration total = Duration.ZERO;
        if (alive && since != null && !spec.latency().isEmpty()) {
            source = interpolate(spec.latency(), since, true);
            total = interpolate(spec.latency(), since, false);
        }
        String sourceText = spec.sourceLatencyText() != null ? spec.sourceLatencyText() : format(source, spec.latencyFormat());
        String totalText = spec.totalLatencyText() != null ? spec.totalLatencyText() : format(total, spec.latencyFormat());
        return new HealthView(sourceText, totalText, since == null ? 0 : dataErrors(spec.dataErrors(), since),
                spec.omitted());
    }

    private static Duration interpolate(List<SimHealthSpec.LatencyPoint> points, Duration at, boolean source) {
        SimHealthSpec.LatencyPoint before = points.get(0);
        if (at.compareTo(before.at()) <= 0) {
            return source ? before.source() : before.total();
        }
        for (SimHealthSpec.LatencyPoint next : points.subList(1, points.size())) {
            if (at.compareTo(next.at()) <= 0) {
                double f = (double) at.minus(before.at()).toNanos() / next.at().minus(before.at()).toNanos();
                Duration a = source ? before.source() : before.total();
                Duration b = source ? next.source() : next.total();
                return a.plusNanos(Math.round((b.toNanos() - a.toNanos()) * f));
            }
            before = next;
        }
        return source ? before.source() : before.total();
    }

    private static long dataErrors(List<SimHealthSpec.DataErrorStep> steps, Duration since) {
        long count = 0;
        for (SimHealthSpec.DataErrorStep s : steps) {
            if (since.compareTo(s.at()) >= 0) {
                count = s.count();
            }
        }
        return count;
    }

    /** Whole seconds as {@code hh:mm:ss}, past a day as the format says. */
    static String format(Duration d, SimHealthSpec.LatencyFormat format) {
        long s = d.toSeconds();
        if (format == SimHealthSpec.LatencyFormat.DAYS && s >= 86_400) {
            return String.format(Locale.ROOT, "%d.%02d:%02d:%02d", s / 86_400, s % 86_400 / 3600, s % 3600 / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
    }
}
