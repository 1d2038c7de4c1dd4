package io.jenkins.plugins.aem.client;

import java.util.Locale;
import java.util.Map;

/** One HTTP answer: status, headers by lower-case name, body as text and its size in bytes on the wire. */
record HttpResult(int status, Map<String, String> headers, String body, int bodyBytes) {

    HttpResult(int status, Map<String, String> headers, String body) {
        this(status, headers, body, body.length());
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }
}
