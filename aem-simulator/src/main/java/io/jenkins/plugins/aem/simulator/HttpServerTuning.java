package io.jenkins.plugins.aem.simulator;

/**
 * Settings of the JDK HTTP server, which it reads from system properties once, when its first server starts.
 * Values already set by the user win.
 */
final class HttpServerTuning {
    private HttpServerTuning() {
    }

    static void apply() {
        // Without TCP_NODELAY the server writes headers and body separately and Nagle's algorithm meets the
        // client's delayed ACK: about 40 ms per keep-alive response, far below the 5,000 requests/s we need.
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        // The default keeps only 200 idle keep-alive connections and closes the rest after each answer; the
        // benchmark keeps 1,000+ connections busy at once.
        setIfAbsent("sun.net.httpserver.maxIdleConnections", "4096");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
