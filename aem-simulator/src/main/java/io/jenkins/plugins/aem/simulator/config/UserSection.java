package io.jenkins.plugins.aem.simulator.config;

/**
 * A user.
 *
 * @param name     login name, e.g. {@code admin} or {@code DOMAIN\\user}
 * @param password password (no colon)
 * @param role     {@code operator} (default: may run and stop) or {@code viewer}
 */
public record UserSection(String name, String password, String role) {
}
