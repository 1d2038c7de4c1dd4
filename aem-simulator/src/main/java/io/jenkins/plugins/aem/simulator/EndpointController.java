package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * TestEndpoint and PatchEndpoint (aem-release-api.md sections 6.2 and 6.3), Replicate only. Each checks, in this order:
 * the body's framing (PatchEndpoint), the server, the product and version, the parameters, the caller's role
 * (Designer on All Endpoints for both), the endpoint, then the call's own rules. A timed-out test holds no thread: its
 * answer completes from a timer on the shared scheduler.
 */
final class EndpointController {
    private static final int DEFAULT_TIMEOUT = 60; // the REST page's default

    private final Registry registry;
    private final ReplicateCalls gate;
    private final Json json;
    private final AemError unauthorized;
    private final ScheduledExecutorService scheduler;
    private final Supplier<Duration> waitCap;
    private final Supplier<TestEndpointShape> shape;

    EndpointController(Registry registry, ReplicateCalls gate, Json json, AemError unauthorized,
                       ScheduledExecutorService scheduler, Supplier<Duration> waitCap, Supplier<TestEndpointShape> shape) {
        this.registry = registry;
        this.gate = gate;
        this.json = json;
        this.unauthorized = unauthorized;
        this.scheduler = scheduler;
        this.waitCap = waitCap;
        this.shape = shape;
    }

    /** Whether this AEM release has TestEndpoint at all; without it the call is answered as an unknown one. */
    boolean hasTestEndpoint() {
        return shape.get().key() != null;
    }

    CompletableFuture<ApiResponse> test(Call call, Session session) {
        String server = call.route.server();
        String name = call.route.endpoint();
        ApiResponse refused = gate.refusal(server, "TestEndpoint");
        if (refused != null) {
            return done(refused);
        }
        String text = call.param("timeout");
        Integer seconds = text == null ? Integer.valueOf(DEFAULT_TIMEOUT) : parse(text);
        if (seconds == null) {
            return done(json.error(AemErrors.deserialize("timeout '" + text + "' is not a whole number of seconds")));
        }
        if (!session.access().mayDesignEndpoints()) {
            return done(json.error(unauthorized)); // not in the notes: Designer on All Endpoints, as PatchEndpoint
        }
        EndpointDatabases.Connection c = registry.repository(server).endpoints().test(name, System.nanoTime());
        if (c == null) {
            return done(json.error(notFound(server, name)));
        }
        if (c.timedOut()) {
            Duration wait = Duration.ofSeconds(seconds);
            wait = wait.compareTo(waitCap.get()) > 0 ? waitCap.get() : wait;
            CompletableFuture<ApiResponse> answer = new CompletableFuture<>();
            AemError timeout = new AemError(500, "AEM_TEST_ENDPOINT_CONNECTION_TIMEOUT", "Test connection to endpoint '"
                    + name + "' timed out after " + seconds + " seconds: " + c.reason());
            scheduler.schedule(() -> answer.complete(json.error(timeout)), wait.toMillis(), TimeUnit.MILLISECONDS);
            return answer;
        }
        ObjectNode n = json.object();
        n.put(shape.get().key(), c.connected() ? "CONNECTED" : "ERROR");
        n.put("message", c.connected() ? "Test connection to endpoint '" + name + "' succeeded."
                : "Test connection to endpoint '" + name + "' failed.");
        n.put("detailed_message", c.connected() ? "" : c.reason());
        return done(json.answer(200, n));
    }

    ApiResponse patch(Call call, Session session) {
        ApiResponse refused = gate.bodyRefusal(call, "PatchEndpoint");
        if (refused != null) {
            return refused;
        }
        String server = call.route.server();
        String name = call.route.endpoint();
        if (!session.access().mayDesignEndpoints()) {
            return json.error(unauthorized);
        }
        EndpointStore endpoints = registry.repository(server).endpoints();
        long now = System.nanoTime();
        if (!endpoints.isVisible(name, now)) {
            return json.error(notFound(server, name));
        }
        PatchBody body = null;
        try {
            body = PatchBody.parse(call.body);
            endpoints.patch(name, body, now);
        } catch (Refused e) {
            endpoints.record(new PatchRecord(call.at, name, session.user(), session.alias(), false, e.code(),
                    body == null ? List.of() : body.paths()));
            return json.error(e.error());
        }
        endpoints.record(new PatchRecord(call.at, name, session.user(), session.alias(), true, null, body.paths()));
        return ApiResponse.json(200, new byte[0]);
    }

    private static AemError notFound(String server, String endpoint) {
        return new AemError(500, "AEM_ENDPOINT_NOT_FOUND", "Endpoint " + endpoint + " was not found on server " + server + ".");
    }

    private static Integer parse(String text) {
        try {
            int v = Integer.parseInt(text.trim());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static CompletableFuture<ApiResponse> done(ApiResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}
