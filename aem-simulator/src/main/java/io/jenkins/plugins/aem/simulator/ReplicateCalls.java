package io.jenkins.plugins.aem.simulator;

import java.util.Locale;

/**
 * What the Replicate-only calls (definitions and endpoints) check alike before their own rules: the body's framing, the
 * server (known, monitored, connected), its product and version, and how a boolean parameter reads.
 */
final class ReplicateCalls {
    private final Registry registry;
    private final ReadController reads;
    private final Json json;

    ReplicateCalls(Registry registry, ReadController reads, Json json) {
        this.registry = registry;
        this.reads = reads;
        this.json = json;
    }

    /**
     * A request body must come with its exact length: AEM's pages require Content-Length, and a chunked body or none
     * is refused with HTTP.sys's own 411 page (no JSON). A wrong length needs no check here: the server reads exactly
     * the bytes announced, so a short count truncates the JSON and a long one leaves the server waiting for the rest.
     */
    static ApiResponse bodyFraming(Call call) {
        String te = call.header("Transfer-Encoding");
        if (te != null && !te.isBlank() || call.header("Content-Length") == null) {
            return ApiResponse.html(411, "Length Required", ApiResponse.SERVER);
        }
        return null;
    }

    /** Why a call with a body cannot go on: its framing ({@link #bodyFraming}), then the server ({@link #refusal}). */
    ApiResponse bodyRefusal(Call call, String method) {
        ApiResponse framing = bodyFraming(call);
        return framing != null ? framing : refusal(call.route.server(), method);
    }

    /** Why a definition call cannot go to this server (unknown, not monitored, not connected, Compose, too old). */
    ApiResponse refusal(String server, String method) {
        AemError refused = reads.serverRefusal(server);
        if (refused != null) {
            return json.error(refused);
        }
        SimServer s = registry.server(server);
        ReplicateVersion version = ReplicateVersion.parse(s.version());
        if (s.isCompose() || !version.atLeast(ReplicateVersion.DEFINITIONS_SINCE)) {
            return json.error(new AemError(500, "AEM_METHOD_NOT_SUPPORTED_VERSION", method + " is only supported on "
                    + "Replicate 5.5 or above; server " + server + " is " + (s.isCompose() ? "a Compose server"
                    : "Replicate " + s.version()) + "."));
        }
        return null;
    }

    /** A boolean parameter as .NET reads one (true or false in any case; absent is false), or null otherwise. */
    static Boolean bool(String text) {
        String t = text == null ? "false" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }
}
