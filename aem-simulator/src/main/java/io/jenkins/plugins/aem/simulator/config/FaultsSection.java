package io.jenkins.plugins.aem.simulator.config;

import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.TransportFault;
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
 * @param onlyFor       request kinds the faults apply to (LOGIN, LOGOUT, READ, COMMAND, EXPORT, IMPORT, DELETE, ALL)
 * @param failNext      error codes for the next calls of a kind
 * @param resetAfterApply share carried out and then closed without an answer
 * @param hangAfterApply  share carried out and then never answered
 * @param transportNext transport faults for the next calls of a kind
 */
public record FaultsSection(LatencySection latency, Double html502, Double html503, Double reset, Double hang,
                            Double sessionExpiry, List<RequestKind> onlyFor, List<FailNextSection> failNext,
                            Double resetAfterApply, Double hangAfterApply, List<TransportNextSection> transportNext) {

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
     * A transport fault for the next calls of a kind.
     *
     * @param kind  LOGIN, LOGOUT, READ, COMMAND, EXPORT, IMPORT, DELETE or ALL
     * @param count how many calls (default 1)
     * @param fault RESET, HANG, HTML_502, HTML_503, RESET_AFTER_APPLY or HANG_AFTER_APPLY
     */
    public record TransportNextSection(RequestKind kind, Integer count, TransportFault fault) {
    }

    /**
     * Error codes for the next calls of a kind.
     *
     * @param kind      LOGIN, LOGOUT, READ, COMMAND, EXPORT, IMPORT, DELETE or ALL
     * @param count     how many calls
     * @param errorCode the error code answered
     */
    public record FailNextSection(RequestKind kind, Integer count, String errorCode) {
    }
}
