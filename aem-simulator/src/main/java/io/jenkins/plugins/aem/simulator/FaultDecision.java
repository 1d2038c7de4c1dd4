package io.jenkins.plugins.aem.simulator;

import java.time.Duration;

/**
 * What the faults decided for one request: an outcome plus an added latency.
 *
 * @param outcome what happens to the request
 * @param latency delay added before the outcome (zero for none)
 */
record FaultDecision(Outcome outcome, Duration latency) {
    enum Outcome {
        NORMAL, RESET, HANG, HTML_502, HTML_503, EXPIRE_SESSION, RESET_AFTER_APPLY, HANG_AFTER_APPLY;

        static Outcome of(TransportFault f) {
            return valueOf(f.name());
        }
    }

    static final FaultDecision NONE = new FaultDecision(Outcome.NORMAL, Duration.ZERO);
}
