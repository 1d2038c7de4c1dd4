package io.jenkins.plugins.aem.simulator.config;

import java.util.List;

/**
 * HTTPS settings.
 *
 * @param enabled          serve HTTPS
 * @param hostnames        names and IP addresses of the generated self-signed certificate
 * @param keystore         a PKCS12/JKS keystore to use instead of generating one
 * @param keystorePassword the keystore's password
 */
public record TlsSection(Boolean enabled, List<String> hostnames, String keystore, String keystorePassword) {
}
