package io.jenkins.plugins.aem.simulator.config;

import io.jenkins.plugins.aem.simulator.DurationRange;
import io.jenkins.plugins.aem.simulator.SimHealthSpec;
import java.util.List;
import java.util.Locale;

/**
 * A task's health behaviour ({@link SimHealthSpec}). Times are measured from when the task entered RUNNING.
 *
 * @param latency        points of the latency curve, straight lines between them
 * @param latencyFormat  {@code HOURS} ({@code 27:03:10}, default) or {@code DAYS} ({@code 1.03:03:10}) past a day
 * @param latencyText    fixed texts sent instead of the curve, e.g. {@code "N/A"}
 * @param tablesOneByOne tables load one at a time
 * @param failingTable   the table (from 1) that fails during the full load
 * @param dataErrors     data error counts from a time on
 * @param omit           members left out, as older AEM releases do: {@code cdc_latency}, {@code full_load_counters},
 *                       {@code data_error_count}
 */
public record HealthSection(List<LatencyPointSection> latency, String latencyFormat, LatencyTextSection latencyText,
                            Boolean tablesOneByOne, Integer failingTable, List<DataErrorSection> dataErrors,
                            List<String> omit) {

    /**
     * One point of the latency curve.
     *
     * @param at     time since RUNNING, e.g. {@code "90s"}
     * @param source source latency, e.g. {@code "5m"} (default: half the total)
     * @param total  total latency, e.g. {@code "10m"} or {@code "PT27H3M10S"}
     */
    public record LatencyPointSection(String at, String source, String total) {
    }

    /**
     * Fixed latency texts.
     *
     * @param source what {@code source_latency} says
     * @param total  what {@code total_latency} says
     */
    public record LatencyTextSection(String source, String total) {
    }

    /**
     * Data errors from a time on.
     *
     * @param at    time since RUNNING
     * @param count data errors from then on
     */
    public record DataErrorSection(String at, Long count) {
    }

    SimHealthSpec toSpec(String task) {
        SimHealthSpec h = SimHealthSpec.create();
        for (LatencyPointSection p : latency == null ? List.<LatencyPointSection>of() : latency) {
            if (p.at() == null || p.total() == null) {
                throw new IllegalArgumentException("task " + task + ": every health.latency point needs at and total");
            }
            var total = DurationRange.parseOne(p.total());
            h.latencyAt(DurationRange.parseOne(p.at()), p.source() == null ? total.dividedBy(2)
                    : DurationRange.parseOne(p.source()), total);
        }
        if (latencyFormat != null) {
            try {
                h.latencyFormat(SimHealthSpec.LatencyFormat.valueOf(latencyFormat.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("task " + task + ": health.latencyFormat must be HOURS or DAYS", e);
            }
        }
        if (latencyText != null) h.latencyText(latencyText.source(), latencyText.total());
        if (tablesOneByOne != null) h.tablesOneByOne(tablesOneByOne);
        if (failingTable != null) h.failingTable(failingTable);
        for (DataErrorSection d : dataErrors == null ? List.<DataErrorSection>of() : dataErrors) {
            if (d.at() == null || d.count() == null) {
                throw new IllegalArgumentException("task " + task + ": every health.dataErrors entry needs at and count");
            }
            h.dataErrorsAt(DurationRange.parseOne(d.at()), d.count());
        }
        if (omit != null) {
            try {
                h.omit(omit.stream().map(SimHealthSpec.HealthField::ofWire).toArray(SimHealthSpec.HealthField[]::new));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("task " + task + ": health.omit: " + e.getMessage(), e);
            }
        }
        return h;
    }
}
