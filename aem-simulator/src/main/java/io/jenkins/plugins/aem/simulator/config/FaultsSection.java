package io.jenkins.plugins.aem.simulator.config;

import io.jenkins.plugins.aem.simulator.RequestKind;
import java.util.List;

/**
 * Faults active from the start; probabilities are from 0 to 1.
 *
 * @param latency       added latency
 * @param html502       share answered with an HTML 502 page
 * @param html503       share answered with an HTML 503 page
 * @param reset         share whose connection is closed without an answer
 * @param hang          share never answered
 * @param sessionExpiry share whose session expires just before handling
 * @param onlyFor       request kinds the faults apply to (LOGIN, LOGOUT, READ, COMMAND, ALL)
 * @param failNext      error codes for the next calls of a kind
 */
public record FaultsSection(LatencySection latency, Double html502, Double html503, Double reset, Double hang,
                            Double sessionExpiry, List<RequestKind> onlyFor, List<FailNextSection> failNext) {

    /**
     * Added latency.
     *
     * @param probability share of requests delayed
     * @param min         shortest delay
     * @param max         longest delay
     */
    public record LatencySection(Double probability, String min, String max) {
    }

    /**
     * Error codes for the next calls of a kind.
     *
     * @param kind      LOGIN, LOGOUT, READ, COMMAND or ALL
     * @param count     how many calls
     * @param errorCode the error code answered
     */
    public record FailNextSection(RequestKind kind, Integer count, String errorCode) {
    }
}
