package io.jenkins.plugins.aem.simulator.config;

/**
 * A user.
 *
 * @param name     login name, e.g. {@code admin} or {@code DOMAIN\\user}
 * @param password password (no colon)
 * @param role     {@code operator} (default: may run and stop), {@code viewer}, or {@code task-operator} (Operator on
 *                 {@code tasks} only: list and server reads are refused)
 * @param tasks    for a task operator, the wire names of its tasks
 */
public record UserSection(String name, String password, String role, java.util.List<String> tasks) {
}
