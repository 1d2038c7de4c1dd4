package io.jenkins.plugins.aem.client.definition;

import java.util.Set;
import java.util.TreeSet;

/**
 * The endpoints known to exist on the target server, and whether that list is complete (GetEndpointList answered) or
 * only what the task's own backup showed (AEM refused the list).
 *
 * @param names    endpoint names known to exist
 * @param complete {@code true} when every endpoint of the server is in {@code names}
 */
public record EndpointCatalog(Set<String> names, boolean complete) {

    public EndpointCatalog {
        names = Set.copyOf(new TreeSet<>(names));
    }

    /** {@code true} when the endpoint is known to exist. */
    public boolean exists(String name) {
        return names.contains(name);
    }
}
