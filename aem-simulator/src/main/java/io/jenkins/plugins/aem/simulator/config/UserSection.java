package io.jenkins.plugins.aem.simulator.config;

/**
 * A user.
 *
 * @param name     login name, e.g. {@code admin} or {@code DOMAIN\\user}
 * @param password password (no colon)
 * @param role     {@code operator} (default: may run, stop and export), {@code viewer}, {@code designer} (may also
 *                 import and delete tasks), or {@code task-operator} (Operator on {@code tasks} only: list and server
 *                 reads are refused)
 * @param tasks    for a task operator, the wire names of its tasks
 * @param endpoints the role on All Endpoints ({@code none}, {@code viewer}, {@code operator} or {@code designer});
 *                 default: the same as {@code role} ({@code none} for a task operator)
 */
public record UserSection(String name, String password, String role, java.util.List<String> tasks, String endpoints) {
}
