package io.jenkins.plugins.aem.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * AEM's endpoint calls, typed: TestEndpoint, PatchEndpoint, and the endpoints GetTaskDetails names for a task.
 * TestEndpoint and PatchEndpoint go in the host's command lane: AEM holds a test open while it tries to connect, up to
 * the test's own timeout, as it holds a run or a stop.
 */
final class EndpointApi {

    /** The keys AEM's pages give TestEndpoint's result: the .NET and Python pages, and the REST page's two. */
    private static final List<String> RESULT_KEYS = List.of("status", "state", "requeststate");

    private final AemApi api;

    EndpointApi(AemApi api) {
        this.api = api;
    }

    /**
     * TestEndpoint with AEM's own {@code timeout}. An AEM release without the call answers HTTP 404: that is
     * {@link EndpointTest#absent()}, not a failure. AEM's error codes fail the future as any call's do.
     */
    CompletableFuture<EndpointTest> test(String server, String endpoint, int timeoutSeconds, Duration responseTimeout,
                                         ProgressListener listener, Deadline deadline) {
        String path = endpointPath(server, endpoint) + "?action=test&timeout=" + timeoutSeconds;
        CompletableFuture<HttpResult> call = api.call(api.limits().commands(), "GET", path, null, responseTimeout,
                "TestEndpoint", listener, deadline, () -> { }, CappedBodyConsumer.MAX_BODY);
        return InFlight.derived(call, call.thenApply(r -> {
            if (r.status() == 404) {
                return EndpointTest.ABSENT;
            }
            JsonNode answer = api.reader().read(r, "TestEndpoint");
            String state = RESULT_KEYS.stream().map(answer::path).filter(JsonNode::isTextual).map(JsonNode::asText)
                    .findFirst().orElseThrow(() -> api.reader().notAem("TestEndpoint", "JSON without status, state or "
                            + "requeststate", false));
            return new EndpointTest(state, answer.path("message").asText(""), answer.path("detailed_message").asText(""),
                    false);
        }));
    }

    /**
     * PatchEndpoint with a JSON-Patch array as body. AEM documents no answer body, so any 2xx is success. Never
     * retried here: after a lost answer, only a test of the endpoint tells whether the patch landed.
     */
    CompletableFuture<Void> patch(String server, String endpoint, String body, Duration responseTimeout,
                                  ProgressListener listener, Deadline deadline, Runnable onSend) {
        CompletableFuture<HttpResult> call = api.call(api.limits().commands(), "PATCH", endpointPath(server, endpoint),
                body, responseTimeout, "PatchEndpoint", listener, deadline, onSend, CappedBodyConsumer.MAX_BODY);
        return InFlight.derived(call, call.thenApply(r -> {
            AemException error = api.reader().errorOf(r, "PatchEndpoint");
            if (error != null) {
                throw error;
            }
            return null;
        }));
    }

    /** The endpoints GetTaskDetails names for a task: its {@code source_endpoint} and {@code target_endpoint}. */
    CompletableFuture<List<String>> taskEndpoints(TaskRef task, Duration responseTimeout, ProgressListener listener,
                                                  Deadline deadline) {
        CompletableFuture<HttpResult> call = api.call(api.limits().reads(), "GET", UrlPaths.task(task), null,
                responseTimeout, "GetTaskDetails", listener, deadline, () -> { }, CappedBodyConsumer.MAX_BODY);
        return InFlight.derived(call, call.thenApply(r -> {
            JsonNode body = api.reader().read(r, "GetTaskDetails");
            JsonNode details = body.path("task").isObject() ? body.get("task") : body; // older AEM wraps it
            List<String> names = new ArrayList<>();
            for (String key : new String[] {"source_endpoint", "target_endpoint"}) {
                String name = details.path(key).path("name").asText("");
                if (!name.isBlank()) {
                    names.add(name);
                }
            }
            return names;
        }));
    }

    private static String endpointPath(String server, String endpoint) {
        return "/servers/" + UrlPaths.segment(server) + "/endpoints/" + UrlPaths.segment(endpoint);
    }

    /**
     * What TestEndpoint answered.
     *
     * @param state   AEM's result: {@code CONNECTED}, {@code ERROR} or {@code UNKNOWN}
     * @param message AEM's message
     * @param detail  AEM's {@code detailed_message}
     * @param absent  this AEM has no TestEndpoint (it answered 404)
     */
    record EndpointTest(String state, String message, String detail, boolean absent) {
        static final EndpointTest ABSENT = new EndpointTest("", "", "", true);

        boolean connected() {
            return "CONNECTED".equalsIgnoreCase(state);
        }
    }
}
