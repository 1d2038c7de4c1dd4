package io.jenkins.plugins.aem.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Decides what an answer or a network failure means. This is the one place that maps HTTP to {@link AemException}:
 * AEM's {@code error_code} is AEM's word; anything else that is not a JSON success is "not AEM as expected".
 */
final class ResponseReader {

    private final ObjectMapper json;
    private final String where;

    ResponseReader(ObjectMapper json, String where) {
        this.json = json;
        this.where = where;
    }

    /** The JSON body of a successful answer, or the failure it really is. */
    JsonNode read(HttpResult r, String call) {
        AemException error = errorOf(r, call);
        if (error != null) {
            throw error;
        }
        if (r.body().isBlank()) {
            throw notAem(call, "an empty answer (HTTP " + r.status() + ")", false);
        }
        try {
            JsonNode node = json.readTree(r.body());
            if (node == null || !node.isObject()) {
                throw notAem(call, "an answer that is not a JSON object (HTTP " + r.status() + ")", false);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw notAem(call, "an answer that is not valid JSON (HTTP " + r.status() + ": " + firstLine(r.body()) + ")", false);
        }
    }

    /** {@code null} for a 2xx answer; otherwise the failure, with AEM's code when it sent one. */
    AemException errorOf(HttpResult r, String call) {
        if (r.ok()) {
            return null;
        }
        JsonNode body = parseQuietly(r.body());
        if (body != null && body.hasNonNull("error_code")) {
            String code = body.get("error_code").asText();
            String message = body.path("error_message").asText("");
            AemErrorCode known = AemErrorCode.fromWire(code);
            return AemException.of(FailureKind.AEM_ERROR, "AEM refused " + call + ": " + code
                            + (message.isBlank() ? "" : " - " + message))
                    .errorCode(code).aemMessage(message)
                    .remedy(known != null ? known.remedy() : "See AEM's message; this code is not in the documented table.")
                    .build();
        }
        boolean retryable = r.status() == 429 || r.status() >= 500;
        String what = "HTTP " + r.status() + " without an AEM error code";
        return AemException.of(FailureKind.UNREACHABLE, where + " answered " + call + " with " + what
                        + (r.body().isBlank() ? "" : ": " + firstLine(r.body()))
                        + ". This is not an answer from AEM itself; check that the URL points at AEM and that no proxy "
                        + "or load balancer in between is failing.")
                .retryable(retryable).build();
    }

    /** The failure a network exception stands for. */
    AemException transport(Throwable t, String call) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof AemException aem) {
            return aem;
        }
        if (e instanceof CancellationException) {
            return AemException.of(FailureKind.CANCELLED, "The wait was cancelled.").build();
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return tls(call, "AEM's certificate does not name the host in the URL (" + safe(e) + "). Use the host name the "
                    + "certificate was issued for, or insecure mode only for testing.", e);
        }
        if (e instanceof SSLHandshakeException || e instanceof SSLException) {
            return tls(call, "TLS with AEM failed: AEM's certificate is not trusted or the handshake was refused ("
                    + safe(e) + "). Give the CA certificate that signed AEM's certificate (--ca-cert FILE, or the "
                    + "connection's CA bundle in Jenkins), or use insecure mode only for testing.", e);
        }
        if (e instanceof UnknownHostException) {
            return AemException.of(FailureKind.UNREACHABLE, "Cannot resolve the AEM host " + where
                    + ". Check the host name in the URL and the machine's DNS.").cause(e).build();
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return AemException.of(FailureKind.UNREACHABLE, "Cannot connect to AEM at " + where + " (" + safe(e)
                    + "). Check the URL and port, and that AEM is running and reachable from here.")
                    .cause(e).retryable(true).build();
        }
        if (e instanceof SocketTimeoutException || e.getClass().getSimpleName().contains("Timeout")) {
            return AemException.of(FailureKind.UNREACHABLE, "AEM at " + where + " did not answer " + call + " in time.")
                    .cause(e).retryable(true).build();
        }
        if (e instanceof CappedBodyConsumer.BodyTooLargeException) {
            // The cause tells a list read broken off at its budget from other failures; its text names only the cap.
            return AemException.of(FailureKind.UNREACHABLE, where + " answered " + call + " with " + safe(e)
                    + ", not as AEM does. Check that the URL points at Qlik Enterprise Manager.").cause(e).build();
        }
        return AemException.of(FailureKind.UNREACHABLE, "The connection to AEM at " + where + " failed during " + call
                + " (" + safe(e) + "). Check the network between here and AEM.").cause(e).retryable(true).build();
    }

    AemException notAem(String call, String what, boolean retryable) {
        return AemException.of(FailureKind.UNREACHABLE, where + " answered " + call + " with " + what
                + ", not as AEM does. Check that the URL points at Qlik Enterprise Manager.").retryable(retryable).build();
    }

    private AemException tls(String call, String message, Throwable e) {
        return AemException.of(FailureKind.UNREACHABLE, message).cause(e).build();
    }

    private JsonNode parseQuietly(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The network stack's words about a failure: its class and message, which never quote a request. */
    private static String safe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** The first line of a body, markup removed, short enough for one log line. */
    static String firstLine(String body) {
        String text = body.replaceAll("(?s)<(script|style).*?</\\1>", " ").replaceAll("<[^>]*>", " ")
                .replaceAll("[\\s&&[^\\n]]+", " ");
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                String t = line.strip();
                return t.length() > 200 ? t.substring(0, 200) + "..." : t;
            }
        }
        return "";
    }
}
