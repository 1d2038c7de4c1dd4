package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.EndpointCatalog;
import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What a deploy read from the target before deciding anything.
 *
 * @param server   the server's kind and version
 * @param status   the task's status, or {@code null} when the task does not exist
 * @param backup   the task's definition with its endpoints as AEM exported it, or {@code null} when it does not exist
 * @param existing the endpoints the server has (complete), or those the backup shows (when AEM refused the list)
 */
record DeployFacts(ServerFacts server, TaskStatus status, TaskDefinition backup, EndpointCatalog existing) {

    boolean taskExists() {
        return backup != null;
    }

    /** Whether the task was running (or recovering, or starting) when read: a deploy that stops it runs it again. */
    boolean wasRunning() {
        return status != null && !TaskControl.stopped(status);
    }

    /**
     * Reads the facts in turn: the server, the task's status, its backup, the server's endpoints. Nothing is changed.
     * A backup AEM refuses refuses the deploy: without it a failed deploy could not be undone.
     */
    static CompletableFuture<DeployFacts> read(DefinitionCalls calls, Deadline deadline, InFlight flight, DeployJournal journal) {
        return ServerFacts.read(calls, deadline, flight, journal, FailureKind.DEPLOY_REFUSED)
                .thenCompose(server -> read(calls, server, deadline, flight, journal));
    }

    /** The facts of a task whose server's facts are known already: a release reads those once for all its tasks. */
    static CompletableFuture<DeployFacts> read(DefinitionCalls calls, ServerFacts server, Deadline deadline, InFlight flight,
                                               DeployJournal journal) {
        TaskRef task = calls.task();
        return calls.status(deadline, flight).thenCompose(status -> {
            if (status.isEmpty()) {
                journal.step(task + " does not exist yet: it will be created");
                return endpoints(calls, deadline, flight, journal, null)
                        .thenApply(existing -> new DeployFacts(server, null, null, existing));
            }
            journal.step(task + " is " + status.get().rawState() + "; backing its definition up (ExportTask with endpoints)");
            return backup(calls, deadline, flight).thenCompose(backup -> endpoints(calls, deadline, flight, journal, backup)
                    .thenApply(existing -> new DeployFacts(server, status.get(), backup, existing)));
        });
    }

    /** The task's backup: its export with endpoints. AEM's refusal, or the task gone meanwhile, refuses the deploy. */
    static CompletableFuture<TaskDefinition> backup(DefinitionCalls calls, Deadline deadline, InFlight flight) {
        TaskRef task = calls.task();
        return calls.export(true, deadline, flight).exceptionallyCompose(e -> {
            AemException error = calls.reader().transport(e, "ExportTask");
            return CompletableFuture.failedFuture(error.errorCode() == null ? error : DeployFailures.noBackup(task, error));
        }).thenApply(backup -> backup.orElseThrow(() ->
                // Deleted between the two reads: a deploy of a vanishing task is no deploy to make.
                AemException.of(FailureKind.DEPLOY_REFUSED, task + " disappeared while the deploy read it. "
                        + "Check the task in AEM, then deploy again. Nothing was changed.").build()));
    }

    private static CompletableFuture<EndpointCatalog> endpoints(DefinitionCalls calls, Deadline deadline, InFlight flight,
                                                                DeployJournal journal, TaskDefinition backup) {
        return calls.endpoints(deadline, flight).thenApply(names -> new EndpointCatalog(Set.copyOf(names), true))
                .exceptionallyCompose(e -> {
                    AemException error = calls.reader().transport(e, "GetEndpointList");
                    return error.errorCode() == null ? CompletableFuture.failedFuture(error)
                            : CompletableFuture.completedFuture(withoutList(error, backup, journal));
                });
    }

    /** What is known of the server's endpoints when AEM refused to list them: those of the task's own backup. */
    static EndpointCatalog withoutList(AemException refusal, TaskDefinition backup, DeployJournal journal) {
        Set<String> known = new LinkedHashSet<>(backup == null ? List.of() : backup.endpointNames());
        journal.warn("AEM refused GetEndpointList (" + refusal.errorCode() + "): only the endpoints of the task's "
                + "own backup are known to exist" + (known.isEmpty() ? " (none)" : " (" + String.join(", ", known) + ")")
                + ". Give the account Viewer on All Endpoints to have the others found.");
        return new EndpointCatalog(known, false);
    }
}
