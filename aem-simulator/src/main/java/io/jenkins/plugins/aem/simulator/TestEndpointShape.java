package io.jenkins.plugins.aem.simulator;

/**
 * How an AEM release answers TestEndpoint (aem-release-api.md section 6.2): Qlik's pages disagree on the key that
 * carries the result, and releases before the call have none. Set with
 * {@link AemSimulatorBuilder#testEndpointShape} (JSON: {@code testEndpointShape}) or, while running,
 * {@link AemSimulator#testEndpointShape}.
 */
public enum TestEndpointShape {
    /** {@code {"requeststate":"CONNECTED|ERROR","message":..,"detailed_message":..}}, as the REST page's example shows. */
    REQUESTSTATE("requeststate"),
    /** {@code {"state":..}}, as the REST page's text describes it. */
    STATE("state"),
    /** {@code {"status":..}}, as the .NET and Python pages and Qlik's own SDK model it. */
    STATUS("status"),
    /** An AEM release without TestEndpoint: the call answers 404 {@code NOT_FOUND}, as any call AEM does not have. */
    ABSENT(null);

    private final String key;

    TestEndpointShape(String key) {
        this.key = key;
    }

    /** The key of the result, or null when the release has no TestEndpoint. */
    String key() {
        return key;
    }
}
