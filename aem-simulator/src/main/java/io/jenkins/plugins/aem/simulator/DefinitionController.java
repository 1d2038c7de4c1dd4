package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * ExportTask, ImportTask and DeleteTask (aem-release-api.md sections 1 to 3), Replicate only. Each checks, in this
 * order: the request's framing (a body's exact Content-Length), the server, the product and version, the parameters,
 * the caller's roles, the task, then the call's own rules. The module README lists every refusal and where the notes
 * left the choice to us.
 */
final class DefinitionController {
    private final Registry registry;
    private final Json json;
    private final AemError unauthorized;
    private final ReplicateCalls gate;
    private final ScheduledExecutorService scheduler;
    private final Random random;

    DefinitionController(Registry registry, ReplicateCalls gate, Json json, AemError unauthorized,
                         ScheduledExecutorService scheduler, Random random) {
        this.registry = registry;
        this.gate = gate;
        this.json = json;
        this.unauthorized = unauthorized;
        this.scheduler = scheduler;
        this.random = random;
    }

    /** Answers ExportTask (after the server's export delay), ImportTask, DeleteTask or GetEndpointList. */
    CompletableFuture<ApiResponse> handle(Call call, Session session) {
        return switch (call.kind) {
            case EXPORT -> later(exportDelay(call.route.server()), () -> export(call, session));
            case IMPORT -> CompletableFuture.completedFuture(importTask(call, session));
            case DELETE -> CompletableFuture.completedFuture(delete(call, session));
            default -> CompletableFuture.completedFuture(endpointList(call, session));
        };
    }

    private Duration exportDelay(String server) {
        SimServer s = registry.server(server);
        return s == null ? Duration.ZERO : s.exportDelay().sample(random);
    }

    /**
     * The answer worked out once {@code delay} has passed, on the shared scheduler: no request thread waits, so a slow
     * export holds up no other call, as AEM's own threads would not.
     */
    private CompletableFuture<ApiResponse> later(Duration delay, java.util.function.Supplier<ApiResponse> answer) {
        if (delay.isZero()) {
            return CompletableFuture.completedFuture(answer.get());
        }
        CompletableFuture<ApiResponse> out = new CompletableFuture<>();
        try {
            scheduler.schedule(() -> {
                try {
                    out.complete(answer.get());
                } catch (RuntimeException e) {
                    out.completeExceptionally(e);
                }
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            out.completeExceptionally(closing);
        }
        return out;
    }

    /**
     * GetEndpointList (aem-release-api.md section 6.1): the server's endpoints as reads show them now, for Viewer on All
     * Endpoints. A client checks with it which endpoints a target already has.
     */
    private ApiResponse endpointList(Call call, Session session) {
        String server = call.route.server();
        ApiResponse refused = gate.refusal(server, "GetEndpointList");
        if (refused != null) {
            return refused;
        }
        if (!session.access().mayListEndpoints()) {
            return json.error(unauthorized);
        }
        return json.answer(200, registry.repository(server).endpoints().list(System.nanoTime()));
    }

    private ApiResponse export(Call call, Session session) {
        String server = call.route.server();
        String task = call.route.task();
        ApiResponse refused = gate.refusal(server, "ExportTask");
        if (refused != null) {
            return refused;
        }
        Boolean withEndpoints = ReplicateCalls.bool(call.param("withendpoints"));
        if (withEndpoints == null) {
            return json.error(AemErrors.deserialize("withendpoints must be true or false"));
        }
        Role.Access access = session.access();
        if (!access.mayCommand(task)) {
            return json.error(unauthorized);
        }
        if (!access.mayExportEndpoints()) {
            return json.error(new AemError(500, "AEM_EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT", "ExportTask needs Operator "
                    + "on All Endpoints: the user has no permission on the endpoints of task " + task + "."));
        }
        JsonNode doc = registry.repository(server).export(task, withEndpoints);
        return doc == null ? json.error(AemErrors.taskNotFound(server, task))
                : ApiResponse.json(200, DefinitionJson.exportBytes(doc));
    }

    private ApiResponse importTask(Call call, Session session) {
        ApiResponse refused = gate.bodyRefusal(call, "ImportTask");
        if (refused != null) {
            return refused;
        }
        String server = call.route.server();
        String task = call.route.task();
        Role.Access access = session.access();
        if (!access.mayDesignTasks()) {
            return json.error(unauthorized); // Designer on All Tasks, not only on this task
        }
        ServerRepository repository = registry.repository(server);
        SimTask existing = repository.existingTask(task);
        String stateBefore = existing == null ? null : existing.state();
        ImportBody body;
        try {
            body = ImportBody.parse(call.body, task);
        } catch (Refused e) {
            return refuseImport(call, session, repository, stateBefore, e.error());
        }
        List<String> endpoints = body.databases().stream().map(db -> db.get("name").asText()).toList();
        if (!endpoints.isEmpty() && !access.mayDesignEndpoints()) {
            return refuseImport(call, session, repository, stateBefore, new AemError(500,
                    "AEM_IMPORT_TASK_NO_PERMISSION_ON_ENDPOINT", "The JSON contains endpoint definitions ("
                    + String.join(", ", endpoints) + ") and the user may not add or change endpoints: that needs "
                    + "Designer on All Endpoints."));
        }
        ServerRepository.Applied applied = repository.apply(body, task);
        repository.record(new ImportRecord(call.at, task, session.user(), session.alias(), true, null,
                applied.created(), endpoints, stateBefore, body.versionGiven(), applied.visibleAt()));
        return ApiResponse.json(200, new byte[0]);
    }

    private ApiResponse refuseImport(Call call, Session session, ServerRepository repository, String stateBefore,
                                     AemError error) {
        repository.record(new ImportRecord(call.at, call.route.task(), session.user(), session.alias(), false,
                error.code(), false, List.of(), stateBefore, false, null));
        return json.error(error);
    }

    private ApiResponse delete(Call call, Session session) {
        ApiResponse framing = ReplicateCalls.bodyFraming(call);
        if (framing != null) {
            return framing;
        }
        if (call.body.length > 0) {
            return json.error(AemErrors.deserialize("DeleteTask takes no body: send Content-Length: 0"));
        }
        String server = call.route.server();
        String task = call.route.task();
        ApiResponse refused = gate.refusal(server, "DeleteTask");
        if (refused != null) {
            return refused;
        }
        Boolean logs = ReplicateCalls.bool(call.param("deletetasklogs"));
        if (logs == null) {
            return json.error(AemErrors.deserialize("deletetasklogs must be true or false"));
        }
        if (!session.access().mayDesignTasks()) {
            return json.error(unauthorized); // Designer on the task; per-task grants are only ever Operator
        }
        ServerRepository repository = registry.repository(server);
        AemError error = null;
        SimTask t = repository.visibleTask(task);
        if (t == null) {
            error = AemErrors.taskNotFound(server, task);
        } else {
            synchronized (t) { // lock order: the task, then its repository (as a run does)
                SimTask.Phase p = t.phase();
                if (!"STOPPED".equals(p.state()) || !p.settled()) {
                    error = new AemError(500, "AEM_TASK_NOT_STOPPED", "Task " + task + " on server " + server
                            + " is " + t.state() + ": a task must be stopped before it can be deleted.");
                } else {
                    repository.delete(task);
                }
            }
        }
        repository.record(new DeleteRecord(call.at, task, session.user(), session.alias(), logs, error == null,
                error == null ? null : error.code()));
        return error == null ? ApiResponse.json(200, new byte[0]) : json.error(error);
    }
}
