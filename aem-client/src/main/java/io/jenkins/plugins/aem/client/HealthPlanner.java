package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Plans a health wait's next read from what the reads so far showed, as {@link HealthSchedule} describes: at the time
 * the trend says the conditions can hold, backing off where nothing can be foreseen, never sooner than {@code min}
 * nor later than {@code max}. Pure logic apart from the jitter; no I/O.
 */
final class HealthPlanner {

    /** One reading of a value that falls towards a goal: when, and the value (latency in ms, or tables not loaded). */
    private record Sample(long atNanos, double value) {
    }

    /** A planned delay, and whether it comes from a trend (exact) or from backing off (jittered). */
    private record Plan(Duration delay, boolean foreseen) {
    }

    /** Read a little after the foreseen crossing: AEM shows whole seconds, and a read just before it is wasted. */
    private static final Duration MARGIN = Duration.ofSeconds(1);

    private static final int KEPT = 3;

    /**
     * How fast a latency is taken to fall at most before its trend is known, in milliseconds per second: ten seconds
     * a second, a task applying changes eleven times as fast as they arrive. A latency of ten minutes is then not read
     * again for the probe alone; one that falls faster still is seen within {@code max}.
     */
    private static final double FASTEST_CATCH_UP = 10_000;

    private final HealthSchedule schedule;
    private final HealthConditions conditions;
    private final Deque<Sample> latency = new ArrayDeque<>();
    private final Deque<Sample> tables = new ArrayDeque<>();
    private Duration backoff;
    private TaskState lastState;

    HealthPlanner(HealthSchedule schedule, HealthConditions conditions) {
        this.schedule = schedule;
        this.conditions = conditions;
        this.backoff = schedule.min();
    }

    /** The delay before the next read, after a read of {@code s} at {@code atNanos} that did not meet the conditions. */
    Duration next(TaskStatus s, HealthJudge.Judgement j, long atNanos) {
        if (s.state() != lastState) {
            backoff = schedule.min(); // something moved: look again soon
            lastState = s.state();
        }
        Set<HealthWording.Unmet> unmet = j.unmet();
        Plan plan = new Plan(Duration.ZERO, true);
        if (unmet.contains(HealthWording.Unmet.STATE) || unmet.contains(HealthWording.Unmet.TABLES)) {
            plan = later(plan, backoffPlan(Duration.ZERO));
        }
        plan = later(plan, latencyPlan(s, j, atNanos));
        plan = later(plan, fullLoadPlan(s, unmet.contains(HealthWording.Unmet.FULL_LOAD), atNanos));
        Duration d = plan.delay();
        boolean capped = d.compareTo(schedule.max()) >= 0;
        d = clamp(d);
        if (!plan.foreseen() || capped) {
            double spread = schedule.jitter() * d.toMillis();
            d = Duration.ofMillis(Math.max(1, Math.round(d.toMillis() + ThreadLocalRandom.current().nextDouble(-spread, spread + 1e-9))));
        }
        if (!plan.foreseen()) {
            backoff = min(schedule.max(), backoff.multipliedBy(2));
        }
        return d;
    }

    /** The delay before reading again after a failed read. */
    Duration afterFailedRead(int failures) {
        Duration d = schedule.min();
        for (int i = 1; i < failures && d.compareTo(schedule.max()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return clamp(d);
    }

    private Plan latencyPlan(TaskStatus s, HealthJudge.Judgement j, long atNanos) {
        if (conditions.maxLatency() == null) {
            return null;
        }
        Duration total = s.totalLatency();
        if (s.state() != TaskState.RUNNING || total == null) {
            latency.clear();
            return j.unmet().contains(HealthWording.Unmet.LATENCY) ? backoffPlan(Duration.ZERO) : null;
        }
        keep(latency, new Sample(atNanos, total.toMillis()));
        if (j.unmet().contains(HealthWording.Unmet.HOLD)) {
            // Reads a third of the hold apart, the last at its end: a rise that lasts a third of the hold is seen.
            Duration left = conditions.latencyHeldFor().minus(j.held());
            Duration step = max(schedule.min(), conditions.latencyHeldFor().dividedBy(3));
            return new Plan(left.compareTo(step) < 0 ? left : step, true);
        }
        if (!j.unmet().contains(HealthWording.Unmet.LATENCY)) {
            return null;
        }
        return crossing(latency, total.toMillis() - conditions.maxLatency().toMillis(), FASTEST_CATCH_UP);
    }

    private Plan fullLoadPlan(TaskStatus s, boolean pending, long atNanos) {
        if (!pending) {
            return null;
        }
        if (!s.alive() || s.tablesWithError() != 0 || s.tablesQueued() < 0 || s.tablesLoading() < 0 || s.tablesCompleted() < 0) {
            tables.clear();
            return backoffPlan(Duration.ZERO);
        }
        long left = s.tablesQueued() + s.tablesLoading();
        keep(tables, new Sample(atNanos, left));
        return left == 0 ? new Plan(schedule.min(), true) : crossing(tables, left, Double.POSITIVE_INFINITY);
    }

    /**
     * When a value falling along its last readings will have fallen by {@code distance} more: a straight line through
     * the last two readings (or, when those are too close to tell, the oldest kept one and the last), read just after.
     * With one reading, the trend is not known: the next read is after {@code distance} at {@code fastestFall} per
     * second, at least the probe. When the value does not fall, backing off.
     */
    private Plan crossing(Deque<Sample> samples, double distance, double fastestFall) {
        if (samples.size() < 2) {
            double soonest = distance / fastestFall;
            Duration d = Duration.ofMillis(Math.round(Math.min(soonest, 1e6) * 1000));
            return new Plan(max(schedule.probe(), d), true);
        }
        Sample last = samples.peekLast();
        Sample first = samples.stream().skip(samples.size() - 2L).findFirst().orElseThrow();
        if (last.atNanos() - first.atNanos() < schedule.min().toNanos()) {
            first = samples.peekFirst();
        }
        double span = (last.atNanos() - first.atNanos()) / 1e9;
        double fallPerSecond = span <= 0 ? 0 : (first.value() - last.value()) / span;
        if (fallPerSecond <= 0) {
            return backoffPlan(schedule.probe());
        }
        // Capped well before Duration's range: a crawling trend only means "not within max".
        double seconds = Math.min(distance / fallPerSecond, 1e6);
        return new Plan(Duration.ofMillis(Math.round(seconds * 1000)).plus(MARGIN), true);
    }

    private Plan backoffPlan(Duration atLeast) {
        return new Plan(max(atLeast, backoff), false);
    }

    /** Of two plans, the later: the conditions must all hold, so there is no point reading before the last can. */
    private static Plan later(Plan a, Plan b) {
        if (b == null) {
            return a;
        }
        return b.delay().compareTo(a.delay()) > 0 ? b : a;
    }

    private static void keep(Deque<Sample> samples, Sample s) {
        samples.addLast(s);
        while (samples.size() > KEPT) {
            samples.removeFirst();
        }
    }

    private Duration clamp(Duration d) {
        return min(schedule.max(), max(schedule.min(), d));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
