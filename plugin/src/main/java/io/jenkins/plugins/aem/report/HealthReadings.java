package io.jenkins.plugins.aem.report;

import io.jenkins.plugins.aem.client.TaskStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The reads of a health wait, thinned as they age so that a wait of a day keeps as few points as one of minutes: when
 * {@link #MAX} are kept, the older half is merged pairwise, each pair into one point at the earlier time with the
 * higher latency (a spike stays visible) and the later table counts. The latest reads always stay as read.
 */
public final class HealthReadings {

    /** How many points are kept at most. */
    static final int MAX = 400;

    /**
     * One point of the chart: when ({@code at}, milliseconds since the epoch), the total latency in seconds, and the
     * tables loaded, queued, loading and in error; -1 for a value AEM did not send (the latency, too, while the task
     * does not run). A class, not a record: XStream reads the build's file back, and cannot make records.
     */
    public static final class Reading {
        private final long at;
        private final long latency;
        private final long loaded;
        private final long queued;
        private final long loading;
        private final long errors;

        Reading(long at, long latency, long loaded, long queued, long loading, long errors) {
            this.at = at;
            this.latency = latency;
            this.loaded = loaded;
            this.queued = queued;
            this.loading = loading;
            this.errors = errors;
        }

        public long at() {
            return at;
        }

        public long latency() {
            return latency;
        }

        public long loaded() {
            return loaded;
        }

        public long queued() {
            return queued;
        }

        public long loading() {
            return loading;
        }

        public long errors() {
            return errors;
        }

        static Reading of(long at, TaskStatus s) {
            long latency = s.totalLatency() == null || !s.alive() ? -1 : s.totalLatency().toSeconds();
            return new Reading(at, latency, s.tablesCompleted(), s.tablesQueued(), s.tablesLoading(), s.tablesWithError());
        }

        /** This point and the next as one: this one's time, the higher latency, the later counts. */
        Reading merge(Reading later) {
            return new Reading(at, Math.max(latency, later.latency), later.loaded, later.queued, later.loading, later.errors);
        }
    }

    private final List<Reading> points = new ArrayList<>();
    private int reads;

    /** Adds a read; the caller holds the record's lock. */
    void add(Reading r) {
        reads++;
        points.add(r);
        if (points.size() > MAX) {
            thin();
        }
    }

    private void thin() {
        int older = points.size() / 4 * 2; // an even count: pairs only
        List<Reading> kept = new ArrayList<>(points.size() - older / 2);
        for (int i = 0; i < older; i += 2) {
            kept.add(points.get(i).merge(points.get(i + 1)));
        }
        kept.addAll(points.subList(older, points.size()));
        points.clear();
        points.addAll(kept);
    }

    /** The points, oldest first; the caller holds the record's lock. */
    List<Reading> points() {
        return List.copyOf(points);
    }

    /** How many reads there were, thinned or not. */
    int reads() {
        return reads;
    }
}
