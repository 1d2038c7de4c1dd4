package io.jenkins.plugins.aem.simulator;

import java.util.EnumMap;
import java.util.Map;

/**
 * How many requests the simulator holds at once (received and not yet answered, reset or released), in all and per
 * {@link RequestKind}, and the most it ever held, so that a test or a benchmark can check a client's bound on its
 * concurrency. A request left hanging by a fault stays counted until the simulator closes. Thread-safe.
 */
public final class RequestsInFlight {
    private final Map<RequestKind, int[]> now = new EnumMap<>(RequestKind.class);
    private final Map<RequestKind, int[]> peak = new EnumMap<>(RequestKind.class);

    RequestsInFlight() {
        for (RequestKind k : RequestKind.values()) {
            now.put(k, new int[1]);
            peak.put(k, new int[1]);
        }
    }

    synchronized void enter(RequestKind kind) {
        for (RequestKind k : new RequestKind[] {kind, RequestKind.ALL}) {
            int n = ++now.get(k)[0];
            peak.get(k)[0] = Math.max(peak.get(k)[0], n);
        }
    }

    synchronized void leave(RequestKind kind) {
        now.get(kind)[0]--;
        now.get(RequestKind.ALL)[0]--;
    }

    /** The requests of this kind held now ({@link RequestKind#ALL}: of every kind). */
    public synchronized int now(RequestKind kind) {
        return now.get(kind)[0];
    }

    /** The most requests of this kind ever held at once since the start or the last {@link #resetPeaks()}. */
    public synchronized int peak(RequestKind kind) {
        return peak.get(kind)[0];
    }

    /** Starts the peaks afresh from what is held now. */
    public synchronized void resetPeaks() {
        now.forEach((k, n) -> peak.get(k)[0] = n[0]);
    }
}
