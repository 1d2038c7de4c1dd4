package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.CanonicalForm;
import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a restore puts back: the task's backup, with only the endpoints the deploy itself imported. The backup holds
 * every endpoint the task uses as it was when the deploy read it; an endpoint the deploy did not carry is not the
 * deploy's to put back, and may have been changed since by someone else: by another task of the same release, whose
 * deploy carried it and stands. A release keeps its tasks' backups the same way, so that restoring them by hand, in
 * any order, puts each endpoint back from the one backup that holds it.
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
        return without(backup, imported);
    }

    /**
     * The backup as a release keeps it for a task: with the endpoints the task carries in the release, and no other.
     * Each endpoint a release changes is carried by one task, whose backup is read right before its deploy changes it.
     */
    static DeployBackup keeping(DeployBackup backup, Set<String> carried) {
        return new DeployBackup(backup.task(), CanonicalForm.text(without(TaskDefinition.parse(backup.portableText()), carried)),
                CanonicalForm.text(without(TaskDefinition.parse(backup.restorableText()), carried)));
    }

    private static TaskDefinition without(TaskDefinition backup, Set<String> kept) {
        return backup.withoutEndpoints(backup.endpointNames().stream().filter(name -> !kept.contains(name))
                .collect(Collectors.toSet()));
    }
}
