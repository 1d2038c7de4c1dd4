package io.jenkins.plugins.aem.client;

import java.nio.charset.StandardCharsets;

/** Builds API paths; each name is one path segment, percent-encoded once as RFC 3986 says (space is %20, never +). */
final class UrlPaths {

    private UrlPaths() {
    }

    static String segment(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    static String task(TaskRef task) {
        return "/servers/" + segment(task.server()) + "/tasks/" + segment(task.task());
    }
}
