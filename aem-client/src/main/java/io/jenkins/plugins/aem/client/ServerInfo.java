package io.jenkins.plugins.aem.client;

/**
 * A server as GetServerList shows it.
 *
 * @param name    its name in AEM
 * @param kind    Replicate or Compose
 * @param state   {@code MONITORED}, {@code NOT_MONITORED} or {@code ERROR} as AEM spelled it
 * @param message the connection error when the state is {@code ERROR}, or empty
 * @param host    the server's host, or empty
 * @param version the server's version, or empty
 */
public record ServerInfo(String name, ServerKind kind, String state, String message, String host, String version) {

    /** {@code true} when AEM monitors the server, the precondition for running or stopping its tasks. */
    public boolean monitored() {
        return "MONITORED".equalsIgnoreCase(state);
    }
}
