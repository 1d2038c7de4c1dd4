package io.jenkins.plugins.aem.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends answers and keeps track of exchanges not yet answered (waiting, delayed or hung), so that closing the
 * simulator can release them. An exchange is answered at most once.
 */
final class Responder {
    private final Set<HttpExchange> open = ConcurrentHashMap.newKeySet();

    void opened(HttpExchange ex) {
        open.add(ex);
    }

    /** Sends the answer unless the exchange was already finished (e.g. released by close). */
    void send(HttpExchange ex, ApiResponse r) {
        if (!open.remove(ex)) {
            return;
        }
        try {
            ex.getResponseHeaders().set("Content-Type", r.contentType());
            for (Map.Entry<String, String> h : r.headers().entrySet()) {
                ex.getResponseHeaders().set(h.getKey(), h.getValue());
            }
            if (r.body().length == 0) {
                ex.sendResponseHeaders(r.status(), -1);
            } else {
                ex.sendResponseHeaders(r.status(), r.body().length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(r.body());
                }
            }
        } catch (IOException e) {
            // the client went away; there is nobody left to tell
        } finally {
            ex.close();
        }
    }

    /**
     * Ends the exchange without a single byte of answer. Closing an exchange before its headers are sent makes
     * the JDK server close the TCP connection, so the client sees the connection end with no response.
     */
    void reset(HttpExchange ex) {
        if (open.remove(ex)) {
            ex.close();
        }
    }

    /** Closes every unanswered exchange (hung, waiting or delayed), dropping their connections. */
    void closeAll() {
        for (HttpExchange ex : open) {
            reset(ex);
        }
    }
}
