package io.jenkins.plugins.aem.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request being handled: what was asked, plus the session alias and user learnt while handling it (for the
 * journal).
 */
final class Call {
    static final String SESSION_HEADER = "EnterpriseManager.APISessionID";

    final Instant at;
    final String method;
    final String rawPath;
    final Route route;
    final Map<String, String> query;
    final Headers headers;
    final byte[] body;
    final RequestKind kind;
    volatile String sessionAlias;
    volatile String user;

    private Call(Instant at, HttpExchange ex, byte[] body) {
        this.at = at;
        this.method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        this.rawPath = ex.getRequestURI().getRawPath();
        this.route = Route.parse(rawPath);
        this.query = parseQuery(ex.getRequestURI().getRawQuery());
        this.headers = ex.getRequestHeaders();
        this.body = body;
        this.kind = route.kind(method, param("action"));
    }

    static Call read(HttpExchange ex, Instant at) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return new Call(at, ex, in.readAllBytes());
        }
    }

    /** A header value; header names are case-insensitive. */
    String header(String name) {
        return headers.getFirst(name);
    }

    String sessionId() {
        return header(SESSION_HEADER);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as the journal keeps it: an ImportTask or PatchEndpoint body with its endpoint secrets redacted. */
    String journalBody() {
        return kind == RequestKind.IMPORT ? SecretFields.redactedBody(body)
                : kind == RequestKind.PATCH_ENDPOINT ? SecretFields.redactedPatch(body) : bodyText();
    }

    /** Query parameter names are matched case-insensitively, as HTTP.sys applications do. */
    String param(String name) {
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The decoded path for the journal. */
    String decodedPath() {
        if (!route.inApi()) {
            String d = PercentDecoder.decode(rawPath);
            return d == null ? rawPath : d;
        }
        return Route.BASE + "/" + String.join("/", route.segments());
    }

    /** Headers for the journal: first values, with the credentials and session ID redacted. */
    Map<String, String> redactedHeaders() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            String name = e.getKey();
            out.put(name, isSecret(name) ? "<redacted>" : e.getValue().isEmpty() ? "" : e.getValue().get(0));
        }
        return out;
    }

    /** Hands every credential, session ID and endpoint secret the request carries, as received, to the reporter. */
    void reportSecrets(SecretReporter reporter) {
        if (kind == RequestKind.IMPORT) {
            SecretFields.report(body, reporter);
        } else if (kind == RequestKind.PATCH_ENDPOINT) {
            SecretFields.reportPatch(body, reporter);
        }
        headers.forEach((name, values) -> {
            if (isSecret(name)) {
                values.forEach(v -> reporter.reportHeader(name, v));
            }
        });
    }

    private static boolean isSecret(String header) {
        return header.equalsIgnoreCase("Authorization") || header.equalsIgnoreCase(SESSION_HEADER)
                || header.equalsIgnoreCase("Proxy-Authorization") || header.equalsIgnoreCase("Cookie");
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            String dk = PercentDecoder.decode(k);
            String dv = PercentDecoder.decode(v);
            out.putIfAbsent(dk == null ? k : dk, dv == null ? v : dv);
        }
        return out;
    }
}
