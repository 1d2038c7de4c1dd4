package io.jenkins.plugins.aem.simulator;

/**
 * A request body AEM refuses (an import's, a patch's): the error code it answers and its message. Thrown by the
 * parsers and caught by the controller, which answers it (HTTP 500, as AEM's pages give for their codes).
 */
final class Refused extends Exception {
    private final String code;

    Refused(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }

    /** The error answer. */
    AemError error() {
        return new AemError(500, code, getMessage());
    }
}
