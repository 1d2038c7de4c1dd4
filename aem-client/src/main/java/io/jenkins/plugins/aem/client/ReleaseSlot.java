package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.DeployPlan;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A deploy's place in a release, what it knows before it starts when it is one task of a release: its server's facts, read once for every
 * task, and the plan the release showed for it. A deploy whose plan, made afresh from what the task is now, is no
 * longer that plan changes nothing: someone changed the task (or its server) since the release was planned, and what
 * was reviewed is not what would be deployed.
 *
 * @param server  the server's facts, or {@code null} to read them
 * @param planned the plan's lines as the release showed them, or {@code null} for a deploy of its own
 * @param users   the other tasks that use the endpoints the deploy rotates, as the release found them when it planned
 *                (its plan names them, and the deploy restarts those), or {@code null} to find them
 */
record ReleaseSlot(ServerFacts server, List<String> planned, EndpointUsers users) {

    /** A deploy of its own: it reads everything, and its plan is whatever it finds. */
    static final ReleaseSlot NONE = new ReleaseSlot(null, null, null);

    CompletableFuture<DeployFacts> facts(DefinitionCalls calls, Deadline deadline, InFlight flight, DeployJournal journal) {
        return server == null ? DeployFacts.read(calls, deadline, flight, journal)
                : DeployFacts.read(calls, server, deadline, flight, journal);
    }

    CompletableFuture<EndpointUsers> users(DefinitionCalls calls, Set<String> rotated, Deadline deadline, InFlight flight) {
        return users != null ? CompletableFuture.completedFuture(users) : EndpointUsers.find(calls, rotated, deadline, flight);
    }

    /** @throws AemException ({@link FailureKind#DEPLOY_REFUSED}) when the plan is not the one planned */
    void checkPlan(TaskRef task, DeployPlan plan) {
        if (planned != null && !planned.equals(plan.lines())) {
            throw AemException.of(FailureKind.DEPLOY_REFUSED, task + " changed after the release was planned: its plan "
                    + "now reads '" + String.join("; ", plan.lines()) + "' where the release planned '"
                    + String.join("; ", planned) + "'. Nothing was changed on this task. See what changed in AEM, then "
                    + "plan and run the release again.").build();
        }
    }
}
