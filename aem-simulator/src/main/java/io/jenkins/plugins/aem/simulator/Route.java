package io.jenkins.plugins.aem.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An API path split into its segments after the base path, each percent-decoded exactly once (so {@code %20} is a
 * space, {@code %25} a percent sign and {@code +} stays a plus).
 *
 * @param segments the decoded segments, or an empty list when the path is outside the API
 * @param inApi    whether the path starts with the API base path
 * @param valid    whether every percent escape was well formed
 */
record Route(List<String> segments, boolean inApi, boolean valid) {
    static final String BASE = "/attunityenterprisemanager/api/v1";

    static Route parse(String rawPath) {
        String p = rawPath == null ? "" : rawPath;
        // HTTP.sys matches URL paths case-insensitively
        if (!p.toLowerCase(Locale.ROOT).startsWith(BASE + "/")) {
            return new Route(List.of(), false, true);
        }
        String rest = p.substring(BASE.length() + 1);
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (String raw : rest.split("/", -1)) {
            String decoded = PercentDecoder.decode(raw);
            ok &= decoded != null;
            out.add(decoded == null ? raw : decoded);
        }
        if (out.size() > 1 && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1); // a trailing slash names the same resource
        }
        return new Route(List.copyOf(out), true, ok);
    }

    boolean is(int size, String first) {
        return segments.size() == size && first.equalsIgnoreCase(segments.get(0));
    }

    boolean isLogin() { return is(1, "login"); }
    boolean isLogout() { return is(1, "logout"); }
    boolean isServerList() { return is(1, "servers"); }
    boolean isServerDetails() { return is(2, "servers"); }
    boolean isTaskList() { return is(3, "servers") && "tasks".equalsIgnoreCase(segments.get(2)); }
    boolean isTaskDetails() { return is(4, "servers") && "tasks".equalsIgnoreCase(segments.get(2)); }
    boolean isEndpointList() { return is(3, "servers") && "endpoints".equalsIgnoreCase(segments.get(2)); }
    boolean isEndpoint() { return is(4, "servers") && "endpoints".equalsIgnoreCase(segments.get(2)); }

    String server() { return segments.get(1); }
    String task() { return segments.get(3); }
    String endpoint() { return segments.get(3); }

    /** The kind of a request on this path, with this method and {@code action} query parameter (or null). */
    RequestKind kind(String method, String action) {
        if (isLogin()) {
            return RequestKind.LOGIN;
        }
        if (isLogout()) {
            return RequestKind.LOGOUT;
        }
        boolean post = "POST".equalsIgnoreCase(method);
        if (isTaskDetails()) {
            if (!post && "export".equalsIgnoreCase(action)) {
                return RequestKind.EXPORT;
            }
            if (post && "import".equalsIgnoreCase(action)) {
                return RequestKind.IMPORT;
            }
            if (post && "delete".equalsIgnoreCase(action)) {
                return RequestKind.DELETE;
            }
        }
        if (isEndpoint() && "GET".equalsIgnoreCase(method) && "test".equalsIgnoreCase(action)) {
            return RequestKind.TEST_ENDPOINT;
        }
        if (isEndpoint() && "PATCH".equalsIgnoreCase(method)) {
            return RequestKind.PATCH_ENDPOINT;
        }
        return isTaskDetails() && post ? RequestKind.COMMAND : RequestKind.READ;
    }
}
