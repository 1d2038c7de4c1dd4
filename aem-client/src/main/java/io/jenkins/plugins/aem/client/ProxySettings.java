package io.jenkins.plugins.aem.client;

/**
 * An HTTP proxy between this client and AEM.
 *
 * @param host        the proxy's host
 * @param port        the proxy's port
 * @param credentials the proxy's own login, or {@code null}; never AEM's credentials
 */
public record ProxySettings(String host, int port, Credentials credentials) {

    /** @throws AemException ({@link FailureKind#INVALID_INPUT}) for an empty host or a port out of range */
    public ProxySettings {
        if (host == null || host.isBlank()) {
            throw AemException.invalidInput("proxy", "has no host. Give the proxy as host:port, or none.");
        }
        if (port < 1 || port > 65535) {
            throw AemException.invalidInput("proxy", "port " + port + " is out of range. Give a port from 1 to 65535.");
        }
        host = host.strip();
    }
}
