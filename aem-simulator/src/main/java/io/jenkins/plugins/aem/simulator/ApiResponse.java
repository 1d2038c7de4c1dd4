package io.jenkins.plugins.aem.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP answer ready to send.
 *
 * @param status      HTTP status
 * @param contentType the Content-Type header
 * @param body        the body bytes (empty for none)
 * @param headers     extra headers
 */
record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json; charset=utf-8";
    static final String SERVER = "Microsoft-HTTPAPI/2.0";

    static ApiResponse json(int status, byte[] body) {
        return new ApiResponse(status, JSON, body, Map.of("Server", SERVER, "Cache-Control", "no-cache, no-store"));
    }

    /** An empty 200 answer like AEM's login and logout: {@code text/html}, Content-Length 0. */
    static ApiResponse empty(Map<String, String> extra) {
        java.util.Map<String, String> h = new java.util.LinkedHashMap<>(extra);
        h.put("Server", SERVER);
        h.put("Cache-Control", "no-cache, no-store");
        return new ApiResponse(200, "text/html", new byte[0], h);
    }

    /** An HTML error page such as a reverse proxy or HTTP.sys sends, with no JSON. */
    static ApiResponse html(int status, String title, String server) {
        String page = "<!DOCTYPE html>\r\n<html><head><title>" + status + " " + title + "</title></head>\r\n"
                + "<body><h1>" + title + "</h1><p>HTTP Error " + status + ". " + title + ".</p></body></html>\r\n";
        return new ApiResponse(status, "text/html", page.getBytes(StandardCharsets.UTF_8), Map.of("Server", server));
    }
}
