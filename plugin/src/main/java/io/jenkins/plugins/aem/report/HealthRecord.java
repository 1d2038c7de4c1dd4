package io.jenkins.plugins.aem.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.client.HealthConditions;
import io.jenkins.plugins.aem.client.HealthOutcome;
import io.jenkins.plugins.aem.client.ProgressFact;
import java.util.List;

/**
 * A health wait: its conditions, every read (thinned as it ages, {@link HealthReadings}) for the charts of the total
 * latency, with the maximum and the hold window, and of the tables loaded, queued and in error; the last values read;
 * and why it ended.
 */
public final class HealthRecord extends StepRecord {

    private final Long maxLatency;
    private final long heldFor;
    private final HealthReadings readings = new HealthReadings();
    private long heldSince;
    private long heldUntil;
    private String lastValues = "";

    private HealthRecord(String connection, String server, String task, String asked, Long maxLatency, long heldFor) {
        super(connection, server, task, asked);
        this.maxLatency = maxLatency;
        this.heldFor = heldFor;
    }

    /** The record of a wait for these conditions. */
    public static HealthRecord of(String connection, String server, String task, HealthConditions conditions) {
        return new HealthRecord(connection, server, task, Messages.HealthRecord_Asked(conditions.toString()),
                conditions.maxLatency() == null ? null : conditions.maxLatency().toSeconds(),
                conditions.latencyHeldFor().toSeconds());
    }

    /** The record of a wait whose conditions cannot be waited for: the step fails saying why. */
    public static HealthRecord unchecked(String connection, String server, String task) {
        return new HealthRecord(connection, server, task, Messages.HealthRecord_AskedInvalid(), null, 0);
    }

    @Override
    public String getKind() {
        return Messages.HealthRecord_Kind();
    }

    @Override
    protected void accept(ProgressFact fact) {
        if (fact instanceof ProgressFact.HealthRead read) {
            long now = System.currentTimeMillis();
            readings.add(HealthReadings.Reading.of(now, read.status()));
            heldSince = read.held().isZero() ? 0 : now - read.held().toMillis();
            heldUntil = now;
            lastValues = read.status().describe();
        }
    }

    /** A read is saved with the next save, within half a minute: a wait reads often, and each read alone is little. */
    @Override
    protected boolean urgent(ProgressFact fact) {
        return false;
    }

    /** Adds a read by hand, for tests that simulate a long wait: {@code at} is when it was read. */
    void reading(HealthReadings.Reading r, long heldMillis) {
        write(() -> {
            readings.add(r);
            heldSince = heldMillis == 0 ? 0 : r.at() - heldMillis;
            heldUntil = r.at();
        }, false);
    }

    /** The readings, for tests of their bound; the caller holds the lock. */
    HealthReadings readingsForTest() {
        return readings;
    }

    /** The conditions held. */
    public void met(HealthOutcome outcome) {
        succeeded(Messages.HealthRecord_Met(CommandRecord.seconds(outcome.elapsed()), outcome.conditions().toString()));
    }

    /** The values of the last read, in words. */
    public String getLastValues() {
        return read(() -> lastValues);
    }

    /** How many reads the wait made, and how many points the charts keep of them. */
    public String getReadsText() {
        return read(() -> readings.reads() == readings.points().size() ? Messages.HealthRecord_ReadsAll(readings.reads())
                : Messages.HealthRecord_Reads(readings.reads(), readings.points().size()));
    }

    /** The last read's table counts, or {@code null} before the first read. */
    @CheckForNull
    public HealthReadings.Reading getLast() {
        List<HealthReadings.Reading> points = read(readings::points);
        return points.isEmpty() ? null : points.get(points.size() - 1);
    }

    /** The total latency over the wait, with the maximum and the hold window; {@code null} before the first read. */
    @CheckForNull
    public SvgChart getLatencyChart() {
        return read(() -> {
            List<HealthReadings.Reading> points = readings.points();
            if (points.isEmpty()) {
                return null;
            }
            long highest = points.stream().mapToLong(HealthReadings.Reading::latency).max().orElse(0);
            SvgChart chart = new SvgChart(getStartedAt(), points.get(points.size() - 1).at(),
                    Math.max(highest, maxLatency == null ? 0 : maxLatency * 2), "s");
            if (maxLatency != null) {
                chart.rule(maxLatency, Messages.HealthRecord_MaxLatency(maxLatency));
            }
            if (heldSince != 0) {
                chart.band(heldSince, heldUntil, Messages.HealthRecord_Held((heldUntil - heldSince) / 1000, heldFor));
            }
            chart.line(Messages.HealthRecord_Latency(), "aem-latency", points, HealthReadings.Reading::at,
                    HealthReadings.Reading::latency);
            return chart;
        });
    }

    /** The tables loaded, queued and in error over the wait; {@code null} when AEM never sent the counts. */
    @CheckForNull
    public SvgChart getTablesChart() {
        return read(() -> {
            List<HealthReadings.Reading> points = readings.points();
            long highest = points.stream().mapToLong(r -> Math.max(r.loaded(), Math.max(r.queued(), r.errors())))
                    .max().orElse(-1);
            if (highest < 0) {
                return null;
            }
            SvgChart chart = new SvgChart(getStartedAt(), points.get(points.size() - 1).at(), highest, "");
            chart.line(Messages.HealthRecord_Loaded(), "aem-loaded", points, HealthReadings.Reading::at,
                    HealthReadings.Reading::loaded);
            chart.line(Messages.HealthRecord_Queued(), "aem-queued", points, HealthReadings.Reading::at,
                    HealthReadings.Reading::queued);
            chart.line(Messages.HealthRecord_Errors(), "aem-errors", points, HealthReadings.Reading::at,
                    HealthReadings.Reading::errors);
            return chart;
        });
    }
}
