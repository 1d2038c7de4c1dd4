package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Decides when a health wait tells its values again, so that an hour-long wait does not flood a log: when the state,
 * the stop reason, a table count, the data errors or the conditions still unmet changed, or when the total latency
 * moved by a fifth of its last told value and at least 5 s since it was last told. Moves smaller than that (the
 * latency drifting around a few seconds) are not told; whether it holds is.
 */
final class HealthChanges {

    private static final Duration LATENCY_STEP = Duration.ofSeconds(5);

    private record Key(String state, StopReason reason, long completed, long loading, long queued, long errors,
                       long dataErrors, boolean latencyKnown, Set<HealthWording.Unmet> unmet) {
    }

    private Key told;
    private Duration toldLatency;

    /** Whether this read is worth a line; notes it as told when it is. */
    synchronized boolean changed(TaskStatus s, Set<HealthWording.Unmet> unmet) {
        Duration latency = s.totalLatency();
        Key key = new Key(s.rawState(), s.stopReason(), s.tablesCompleted(), s.tablesLoading(), s.tablesQueued(),
                s.tablesWithError(), s.dataErrors(), latency != null, Set.copyOf(unmet));
        boolean moved = latency != null && toldLatency != null
                && latency.minus(toldLatency).abs().compareTo(max(LATENCY_STEP, toldLatency.dividedBy(5))) >= 0;
        if (Objects.equals(key, told) && !moved) {
            return false;
        }
        told = key;
        toldLatency = latency;
        return true;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
