package io.jenkins.plugins.aem.client;

import java.util.Locale;
import java.util.Map;

/** One HTTP answer: status, headers by lower-case name, body as text. */
record HttpResult(int status, Map<String, String> headers, String body) {

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }
}
