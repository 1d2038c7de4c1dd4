package io.jenkins.plugins.aem.client;

/**
 * A server as GetServerDetails shows it.
 *
 * @param name             its name in AEM
 * @param kind             Replicate or Compose
 * @param state            {@code MONITORED}, {@code NOT_MONITORED} or {@code ERROR}
 * @param message          the connection error when the state is {@code ERROR}, or empty
 * @param version          the server's version, or empty
 * @param licenseState     the license state as AEM spelled it, or empty
 * @param daysToExpiration days until the license expires, or {@code -1} when unknown
 * @param tasksRunning     tasks running, or {@code -1} when unknown
 * @param tasksStopped     tasks stopped, or {@code -1}
 * @param tasksRecovering  tasks recovering, or {@code -1}
 * @param tasksInError     tasks in error, or {@code -1}
 */
public record ServerDetails(String name, ServerKind kind, String state, String message, String version,
                            String licenseState, long daysToExpiration,
                            long tasksRunning, long tasksStopped, long tasksRecovering, long tasksInError) {
}
