package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.PlanChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The other tasks of the server that use rotated endpoints: they keep running on the old secret until they run again.
 * Found cheaply: GetTaskList for the names and states, then GetTaskDetails of each Replicate task for the endpoints it
 * names ({@code source_endpoint}, {@code target_endpoint}; a task's second and later targets are not named there). An
 * account refused GetTaskList cannot find them: the plan says so, and the deploy goes on.
 *
 * @param endpoints  the rotated endpoints
 * @param byEndpoint the tasks found using each rotated endpoint, with their state (empty when the list was refused)
 * @param unknown    why they could not all be found, or {@code null}
 */
record EndpointUsers(Set<String> endpoints, Map<String, List<TaskStatus>> byEndpoint, String unknown) {

    static final EndpointUsers NONE = new EndpointUsers(Set.of(), Map.of(), null);

    /** Finds the tasks other than the deployed one that use {@code endpoints}. */
    static CompletableFuture<EndpointUsers> find(DefinitionCalls calls, Set<String> endpoints, Deadline deadline,
                                                 InFlight flight) {
        if (endpoints.isEmpty()) {
            return CompletableFuture.completedFuture(NONE);
        }
        return calls.taskList(deadline, flight).handle((tasks, e) -> {
            if (e == null) {
                return users(calls, endpoints, tasks, deadline, flight);
            }
            AemException error = calls.reader().transport(e, "GetTaskList");
            return error.refusedForRole() ? CompletableFuture.completedFuture(new EndpointUsers(endpoints, Map.of(),
                    "AEM refused GetTaskList (UNAUTHORIZED_REQUEST)")) : CompletableFuture.<EndpointUsers>failedFuture(error);
        }).thenCompose(users -> users);
    }

    private static CompletableFuture<EndpointUsers> users(DefinitionCalls calls, Set<String> endpoints,
                                                          List<TaskStatus> tasks, Deadline deadline, InFlight flight) {
        List<TaskStatus> others = tasks.stream().filter(t -> !t.task().equals(calls.task())
                && !t.task().task().contains(TaskRef.COMPOSE_SEPARATOR)).toList();
        Map<String, List<TaskStatus>> found = new TreeMap<>();
        endpoints.forEach(e -> found.put(e, new ArrayList<>()));
        List<String> unread = new ArrayList<>();
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        for (TaskStatus t : others) {
            reads.add(calls.endpointsOf(t.task(), deadline, flight).handle((names, e) -> {
                synchronized (found) {
                    if (e != null) {
                        unread.add(t.task().task());
                    } else {
                        names.stream().distinct().filter(found::containsKey).forEach(n -> found.get(n).add(t));
                    }
                }
                return null;
            }));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> new EndpointUsers(endpoints, found,
                unread.isEmpty() ? null : "AEM did not give the endpoints of task" + (unread.size() == 1 ? " " : "s ")
                        + String.join(", ", unread.stream().sorted().limit(5).toList()) + (unread.size() > 5 ? " and "
                        + (unread.size() - 5) + " more" : "")));
    }

    /** The tasks to restart: those running (or recovering) now, by name, each once. */
    List<String> running() {
        return byEndpoint.values().stream().flatMap(List::stream).filter(TaskStatus::alive).map(t -> t.task().task())
                .distinct().sorted().toList();
    }

    /** The tasks a deploy with {@code request} restarts: the running ones, when it may stop tasks. */
    List<String> toRestart(DeployRequest request) {
        return request.stopIfRunning() ? running() : List.of();
    }

    /** What the plan says of them. */
    List<PlanChange> planLines(boolean restart, RunOption option) {
        List<PlanChange> lines = new ArrayList<>();
        byEndpoint.forEach((endpoint, users) -> {
            if (users.isEmpty()) {
                lines.add(new PlanChange(PlanChange.Kind.NOTE, "no other task " + (unknown == null ? "" : "found ")
                        + "uses endpoint '" + endpoint + "'"));
                return;
            }
            boolean anyRunning = users.stream().anyMatch(TaskStatus::alive);
            lines.add(new PlanChange(PlanChange.Kind.NOTE, "task" + (users.size() == 1 ? " " : "s ") + users.stream()
                    .map(t -> t.task().task() + " (" + t.rawState() + ")").collect(Collectors.joining(", "))
                    + (users.size() == 1 ? " uses" : " use") + " endpoint '" + endpoint + "' and keep" + (users.size() == 1
                    ? "s" : "") + " its old secret until run again" + (!anyRunning ? ""
                    : restart ? "; the running ones are restarted (stopped, then run with " + option + ")"
                    : "; restart the running ones to use the new secret (or deploy with stopIfRunning)")));
        });
        if (unknown != null) {
            lines.add(new PlanChange(PlanChange.Kind.NOTE, "the other tasks using " + String.join(", ", new TreeSet<>(endpoints))
                    + " cannot all be found (" + unknown + "): any of them keeps the old secret until run again"));
        }
        return lines;
    }
}
