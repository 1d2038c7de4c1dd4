package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import java.time.Duration;

/**
 * Where a build talks to AEM, ready for the client.
 *
 * @param label          how the console names it, for example {@code connection 'prod' (https://aem.example.com)}
 * @param settings       URL, login, trust and proxy
 * @param defaultTimeout the global connection's default timeout, or {@code null} for a URL given in the step
 */
public record ResolvedConnection(String label, ConnectionSettings settings, @CheckForNull Duration defaultTimeout) {
}
