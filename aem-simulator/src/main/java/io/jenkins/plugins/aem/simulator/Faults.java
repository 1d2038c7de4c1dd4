package io.jenkins.plugins.aem.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Injected transport and API faults, changeable at any time (thread-safe). Each fault is a probability from 0 to 1
 * drawn per request from the simulator's seeded random; {@link #onlyFor} limits them to some request kinds.
 * A request hit by a reset, hang, HTML page or session expiry is not carried out; latency only delays it; one hit by
 * a reset or hang "after apply" is carried out and its answer lost.
 */
public final class Faults {
    /** A fault for the next {@code left[0]} requests of a kind. */
    private record Pending<T>(RequestKind kind, T fault, int[] left) {
    }

    private final Random random;
    private final ArrayDeque<Pending<String>> failNext = new ArrayDeque<>();
    private final ArrayDeque<Pending<TransportFault>> transportNext = new ArrayDeque<>();
    private double latencyProbability;
    private Duration latencyMin = Duration.ZERO;
    private Duration latencyMax = Duration.ZERO;
    private double html502;
    private double html503;
    private double reset;
    private double hang;
    private double sessionExpiry;
    private double resetAfterApply;
    private double hangAfterApply;
    private Set<RequestKind> kinds = EnumSet.of(RequestKind.ALL);

    Faults(Random random) {
        this.random = random;
    }

    /** Adds a latency uniform in {@code [min, max]} to a share {@code probability} of requests. */
    public synchronized Faults latency(double probability, Duration min, Duration max) {
        DurationRange.between(min, max); // validates the range
        latencyProbability = check(probability);
        latencyMin = min;
        latencyMax = max;
        return this;
    }

    /** Answers a share of requests with a proxy's HTML 502 page. */
    public synchronized Faults html502(double probability) { html502 = check(probability); return this; }
    /** Answers a share of requests with HTTP.sys's HTML 503 page. */
    public synchronized Faults html503(double probability) { html503 = check(probability); return this; }
    /** Closes the connection of a share of requests without any answer. */
    public synchronized Faults reset(double probability) { reset = check(probability); return this; }
    /** Never answers a share of requests; the connection stays open until the simulator closes. */
    public synchronized Faults hang(double probability) { hang = check(probability); return this; }
    /** Expires the session of a share of requests just before handling them (answer: INVALID_SESSION_ID). */
    public synchronized Faults sessionExpiry(double probability) { sessionExpiry = check(probability); return this; }
    /** Carries out a share of requests, then closes the connection without an answer (the answer is lost). */
    public synchronized Faults resetAfterApply(double probability) { resetAfterApply = check(probability); return this; }
    /** Carries out a share of requests, then never answers them (until the simulator closes). */
    public synchronized Faults hangAfterApply(double probability) { hangAfterApply = check(probability); return this; }

    /** Limits the probabilistic faults to these request kinds (default ALL). */
    public synchronized Faults onlyFor(RequestKind... requestKinds) {
        kinds = requestKinds.length == 0 ? EnumSet.of(RequestKind.ALL) : EnumSet.of(requestKinds[0], requestKinds);
        return this;
    }

    /** Answers the next {@code n} requests of {@code kind} (after the session check) with {@code errorCode}. */
    public synchronized Faults failNext(RequestKind kind, int n, String errorCode) {
        enqueue(failNext, kind, n, Objects.requireNonNull(errorCode, "errorCode"));
        return this;
    }

    /**
     * Hits the next {@code n} requests of {@code kind} with {@code fault}, whatever {@link #onlyFor} says; e.g. an
     * ImportTask whose answer is lost after it was stored: {@code nextTransport(IMPORT, 1, RESET_AFTER_APPLY)}.
     */
    public synchronized Faults nextTransport(RequestKind kind, int n, TransportFault fault) {
        enqueue(transportNext, kind, n, Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /** Removes every fault. */
    public synchronized Faults clear() {
        latencyProbability = html502 = html503 = reset = hang = sessionExpiry = resetAfterApply = hangAfterApply = 0;
        latencyMin = latencyMax = Duration.ZERO;
        kinds = EnumSet.of(RequestKind.ALL);
        failNext.clear();
        transportNext.clear();
        return this;
    }

    /** Draws the faults for one request. */
    synchronized FaultDecision decide(RequestKind kind, boolean hasSession) {
        TransportFault next = take(transportNext, kind);
        FaultDecision.Outcome queued = next == null ? null : FaultDecision.Outcome.of(next);
        if (kinds.stream().noneMatch(k -> k.matches(kind))) {
            return queued == null ? FaultDecision.NONE : new FaultDecision(queued, Duration.ZERO);
        }
        Duration delay = Duration.ZERO;
        if (hit(latencyProbability)) {
            delay = DurationRange.between(latencyMin, latencyMax).sample(random);
        }
        FaultDecision.Outcome outcome = FaultDecision.Outcome.NORMAL;
        if (queued != null) {
            outcome = queued;
        } else if (hit(reset)) {
            outcome = FaultDecision.Outcome.RESET;
        } else if (hit(hang)) {
            outcome = FaultDecision.Outcome.HANG;
        } else if (hit(html502)) {
            outcome = FaultDecision.Outcome.HTML_502;
        } else if (hit(html503)) {
            outcome = FaultDecision.Outcome.HTML_503;
        } else if (hit(resetAfterApply)) {
            outcome = FaultDecision.Outcome.RESET_AFTER_APPLY;
        } else if (hit(hangAfterApply)) {
            outcome = FaultDecision.Outcome.HANG_AFTER_APPLY;
        } else if (hasSession && hit(sessionExpiry)) {
            outcome = FaultDecision.Outcome.EXPIRE_SESSION;
        }
        return outcome == FaultDecision.Outcome.NORMAL && delay.isZero() ? FaultDecision.NONE
                : new FaultDecision(outcome, delay);
    }

    /** Takes one pending failNext code for this kind, or null. */
    synchronized String takeFailNext(RequestKind kind) {
        return take(failNext, kind);
    }

    private static <T> void enqueue(ArrayDeque<Pending<T>> queue, RequestKind kind, int n, T fault) {
        Objects.requireNonNull(kind, "kind");
        if (n > 0) {
            queue.addLast(new Pending<>(kind, fault, new int[] {n}));
        }
    }

    /** Takes one pending fault for this kind from the queue, or null. */
    private static <T> T take(ArrayDeque<Pending<T>> queue, RequestKind kind) {
        Iterator<Pending<T>> it = queue.iterator();
        while (it.hasNext()) {
            Pending<T> p = it.next();
            if (p.kind().matches(kind)) {
                if (--p.left()[0] == 0) {
                    it.remove();
                }
                return p.fault();
            }
        }
        return null;
    }

    private boolean hit(double probability) {
        // draw only for configured faults, so that adding one fault does not shift another's sequence needlessly
        return probability > 0 && random.nextDouble() < probability;
    }

    private static double check(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("a probability is between 0 and 1, got " + probability);
        }
        return probability;
    }
}
