package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.ReplicateVersion;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What an export or deploy needs to know of the task's server before it sends anything about definitions: that AEM
 * monitors it, that it is a Replicate server (AEM exports and imports no Compose definitions), and its Replicate
 * version. Read from GetServerDetails, or GetServerList when AEM refuses that; when both are refused, the kind and
 * version are unknown and the caller says so.
 *
 * @param kind    the server's kind, {@link ServerKind#UNKNOWN} when it could not be read
 * @param version the server's Replicate version, when it could be read
 */
record ServerFacts(ServerKind kind, Optional<ReplicateVersion> version) {

    /**
     * Reads the facts, failing with an AEM_ERROR when the server is unknown or not monitored, and with
     * {@code composeKind} when it is a Compose server.
     */
    static CompletableFuture<ServerFacts> read(DefinitionCalls calls, Deadline deadline, InFlight flight, DeployJournal journal,
                                               FailureKind composeKind) {
        TaskRef task = calls.task();
        return calls.serverDetails(deadline, flight)
                .thenApply(d -> List.of(new ServerInfo(d.name(), d.kind(), d.state(), d.message(), "", d.version())))
                .exceptionallyCompose(e -> {
                    AemException error = calls.reader().transport(e, "GetServerDetails");
                    if (!error.refusedForRole()) {
                        return CompletableFuture.failedFuture(error);
                    }
                    return calls.servers(deadline, flight).exceptionallyCompose(e2 -> {
                        AemException listError = calls.reader().transport(e2, "GetServerList");
                        if (!listError.refusedForRole()) {
                            return CompletableFuture.failedFuture(listError);
                        }
                        journal.warn("AEM refused GetServerDetails and GetServerList (UNAUTHORIZED_REQUEST): the kind and "
                                + "Replicate version of server '" + task.server() + "' cannot be read, so they are not "
                                + "checked. Give the account Viewer on the server to have them checked.");
                        return CompletableFuture.completedFuture(null);
                    });
                })
                .thenApply(servers -> {
                    if (servers == null) {
                        return new ServerFacts(ServerKind.UNKNOWN, Optional.empty());
                    }
                    ServerKind kind = ServerCheck.kindOf(servers, task);
                    if (kind == ServerKind.COMPOSE) {
                        throw AemException.of(composeKind, "Server '" + task.server() + "' is a Compose server: AEM "
                                + "exports and imports task definitions of Replicate servers only. Move Compose projects "
                                + "with ComposeCli on the Compose server. Nothing was changed.").build();
                    }
                    String version = servers.stream().filter(s -> s.name().equals(task.server())).findFirst()
                            .map(ServerInfo::version).orElse("");
                    return new ServerFacts(kind, ReplicateVersion.parse(version));
                });
    }
}
