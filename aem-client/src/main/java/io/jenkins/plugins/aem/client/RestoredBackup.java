package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a restore puts back: the task's backup, with only the endpoints the deploy itself imported. The backup holds
 * every endpoint the task uses as it was when the deploy read it; an endpoint the deploy did not carry is not the
 * deploy's to put back, and may have been changed since by someone else: by another task of the same release, whose
 * deploy carried it and stands.
 */
final class RestoredBackup {

    private RestoredBackup() {
    }

    /**
     * @param backup   the task before the deploy, endpoints included; {@code null} when it did not exist
     * @param prepared the deploy as worked out; {@code null} when it failed before, and so imported nothing
     */
    static TaskDefinition of(TaskDefinition backup, PreparedDeploy prepared) {
        if (backup == null || prepared == null) {
            return backup;
        }
        Set<String> imported = Set.copyOf(prepared.meant().endpointNames());
        return backup.withoutEndpoints(backup.endpointNames().stream().filter(name -> !imported.contains(name))
                .collect(Collectors.toSet()));
    }
}
