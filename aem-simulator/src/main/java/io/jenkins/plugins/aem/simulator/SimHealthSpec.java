package io.jenkins.plugins.aem.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a simulated Replicate task's health fields in GetTaskDetails behave: its CDC latency over time, how its tables
 * load, a table that fails, data errors, and how an older or odder AEM shows them. Give it to a task with
 * {@link SimTaskSpec#health(SimHealthSpec)}; a task without one keeps the fixed values of earlier simulators (a
 * latency of 1 s source and 2 s total while running, no data errors).
 *
 * <p>Times are measured from when the task last entered RUNNING (from any state but RECOVERY, so a recovery does not
 * restart the curve); a task that starts RUNNING counts from the simulator's start. While the task is not running its
 * latencies show {@code 00:00:00}, as a stopped task's would: a client that reads the latency without the state is
 * fooled, as it would be by AEM.
 *
 * <p>Fluent and thread-safe; changes apply to the next read. Every setter returns {@code this}.
 */
public final class SimHealthSpec {

    /** The GetTaskDetails members an older AEM release may not send at all; see {@link #omit}. */
    public enum HealthField {
        /** {@code cdc_latency} with {@code source_latency} and {@code total_latency}. */
        CDC_LATENCY("cdc_latency"),
        /** {@code full_load_counters} (the table counts). */
        FULL_LOAD_COUNTERS("full_load_counters"),
        /** {@code data_error_count}. */
        DATA_ERROR_COUNT("data_error_count");

        private final String wire;

        HealthField(String wire) {
            this.wire = wire;
        }

        /** The member's name in GetTaskDetails. */
        public String wire() {
            return wire;
        }

        /** The field whose wire name is {@code name}; throws IllegalArgumentException for any other. */
        public static HealthField ofWire(String name) {
            for (HealthField f : values()) {
                if (f.wire.equals(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("'" + name + "' is not a health field; use cdc_latency, "
                    + "full_load_counters or data_error_count");
        }
    }

    /**
     * How a latency is written. AEM documents {@code hh:mm:ss}; past a day the hours may run on ({@code 27:03:10}) or,
     * as .NET's TimeSpan writes it, a day count may come first ({@code 1.03:03:10}).
     */
    public enum LatencyFormat {
        /** {@code hh:mm:ss}, the hours running past 24: {@code 27:03:10}. */
        HOURS,
        /** {@code d.hh:mm:ss} past a day, as .NET writes a TimeSpan: {@code 1.03:03:10}. */
        DAYS
    }

    /**
     * One point of the latency curve.
     *
     * @param at     time since the task entered RUNNING
     * @param source the source latency then
     * @param total  the total latency then
     */
    public record LatencyPoint(Duration at, Duration source, Duration total) {
        public LatencyPoint {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(total, "total");
            if (at.isNegative() || source.isNegative() || total.isNegative()) {
                throw new IllegalArgumentException("latency points need a time and latencies of 0 or more");
            }
        }
    }

    /**
     * From {@code at} after the task entered RUNNING on, the task shows {@code count} data errors.
     *
     * @param at    time since the task entered RUNNING
     * @param count data errors from then on
     */
    public record DataErrorStep(Duration at, long count) {
        public DataErrorStep {
            Objects.requireNonNull(at, "at");
            if (at.isNegative() || count < 0) {
                throw new IllegalArgumentException("data error steps need a time and a count of 0 or more");
            }
        }
    }

    private List<LatencyPoint> latency = List.of();
    private LatencyFormat latencyFormat = LatencyFormat.HOURS;
    private String sourceLatencyText;
    private String totalLatencyText;
    private boolean tablesOneByOne;
    private int failingTable;
    private List<DataErrorStep> dataErrors = List.of();
    private EnumSet<HealthField> omitted = EnumSet.noneOf(HealthField.class);

    /** A health behaviour with no latency curve (latency 0), no data errors, tables loading two at a time. */
    public static SimHealthSpec create() {
        return new SimHealthSpec();
    }

    /** An independent copy. */
    public synchronized SimHealthSpec copy() {
        SimHealthSpec c = new SimHealthSpec();
        c.latency = latency;
        c.latencyFormat = latencyFormat;
        c.sourceLatencyText = sourceLatencyText;
        c.totalLatencyText = totalLatencyText;
        c.tablesOneByOne = tablesOneByOne;
        c.failingTable = failingTable;
        c.dataErrors = dataErrors;
        c.omitted = EnumSet.copyOf(omitted);
        return c;
    }

    /**
     * Adds a point to the latency curve. Between points the latency moves in a straight line; before the first and
     * after the last it stays at that point's value.
     */
    public synchronized SimHealthSpec latencyAt(Duration at, Duration source, Duration total) {
        List<LatencyPoint> points = new ArrayList<>(latency);
        points.removeIf(p -> p.at().equals(at));
        points.add(new LatencyPoint(at, source, total));
        points.sort(Comparator.comparing(LatencyPoint::at));
        latency = List.copyOf(points);
        return this;
    }

    /**
     * A latency that falls in a straight line from {@code from} to {@code to} over {@code over} after the task
     * entered RUNNING, then stays there; the source latency is half the total. Replaces any curve set before.
     */
    public synchronized SimHealthSpec latencyFalling(Duration from, Duration to, Duration over) {
        latency = List.of();
        return latencyAt(Duration.ZERO, from.dividedBy(2), from).latencyAt(over, to.dividedBy(2), to);
    }

    /** How latencies past a day are written (default {@link LatencyFormat#HOURS}). */
    public synchronized SimHealthSpec latencyFormat(LatencyFormat v) {
        latencyFormat = Objects.requireNonNull(v);
        return this;
    }

    /**
     * Sends these texts as {@code source_latency} and {@code total_latency} whatever the curve says, for example
     * {@code ""}, {@code "N/A"} or {@code "-00:00:02"}; {@code null} for both goes back to the curve.
     */
    public synchronized SimHealthSpec latencyText(String source, String total) {
        sourceLatencyText = source;
        totalLatencyText = total;
        return this;
    }

    /** Tables load one at a time (one loading, the rest queued) instead of two at a time. */
    public synchronized SimHealthSpec tablesOneByOne(boolean v) {
        tablesOneByOne = v;
        return this;
    }

    /**
     * The {@code n}th table to load (from 1) fails when its turn ends: it counts in {@code tables_with_error_count},
     * the load goes on with the others, and when they are done {@code full_load_completed} is true all the same, with
     * the task still RUNNING (the table is suspended, the task is not stopped). 0 (default): none fails.
     */
    public synchronized SimHealthSpec failingTable(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("failingTable is a table number from 1, or 0 for none");
        }
        failingTable = n;
        return this;
    }

    /** From {@code at} after the task entered RUNNING on, it shows {@code count} data errors. */
    public synchronized SimHealthSpec dataErrorsAt(Duration at, long count) {
        List<DataErrorStep> steps = new ArrayList<>(dataErrors);
        steps.removeIf(s -> s.at().equals(at));
        steps.add(new DataErrorStep(at, count));
        steps.sort(Comparator.comparing(DataErrorStep::at));
        dataErrors = List.copyOf(steps);
        return this;
    }

    /** Leaves these members out of GetTaskDetails, as AEM releases that predate them do. */
    public synchronized SimHealthSpec omit(HealthField... fields) {
        EnumSet<HealthField> set = EnumSet.noneOf(HealthField.class);
        set.addAll(List.of(fields));
        omitted = set;
        return this;
    }

    public synchronized List<LatencyPoint> latency() {
        return latency;
    }

    public synchronized LatencyFormat latencyFormat() {
        return latencyFormat;
    }

    /** The fixed source latency text, or null when the curve decides. */
    public synchronized String sourceLatencyText() {
        return sourceLatencyText;
    }

    /** The fixed total latency text, or null when the curve decides. */
    public synchronized String totalLatencyText() {
        return totalLatencyText;
    }

    public synchronized boolean tablesOneByOne() {
        return tablesOneByOne;
    }

    public synchronized int failingTable() {
        return failingTable;
    }

    public synchronized List<DataErrorStep> dataErrors() {
        return dataErrors;
    }

    public synchronized Set<HealthField> omitted() {
        return Set.copyOf(omitted);
    }
}
