package io.jenkins.plugins.aem.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * AEM's calls, typed, for one connection: each goes through the host's limits, carries the shared session, and is
 * repeated once after a fresh login when AEM says the session is no longer valid.
 */
final class AemApi {

    static final String SESSION_HEADER = "EnterpriseManager.APISessionID";

    private final ConnectionSettings settings;
    private final HttpTransport transport;
    private final HostLimits limits;
    private final SessionPool.Slot session;
    private final ResponseReader reader;
    private final ObjectMapper json;

    AemApi(ConnectionSettings settings, HttpTransport transport, HostLimits limits, SessionPool.Slot session, ObjectMapper json) {
        this.settings = settings;
        this.transport = transport;
        this.limits = limits;
        this.session = session;
        this.json = json;
        this.reader = new ResponseReader(json, settings.baseUrl().toString());
    }

    ResponseReader reader() {
        return reader;
    }

    HostLimits limits() {
        return limits;
    }

    CompletableFuture<List<ServerInfo>> servers(Duration responseTimeout, ProgressListener listener, Deadline deadline) {
        CompletableFuture<HttpResult> call = call("GET", "/servers", null, responseTimeout, "GetServerList", listener, deadline);
        return InFlight.derived(call, call.thenApply(r -> {
            JsonNode list = reader.read(r, "GetServerList").path("serverList");
            if (!list.isArray()) {
                throw reader.notAem("GetServerList", "JSON without a serverList", false);
            }
            List<ServerInfo> servers = new ArrayList<>();
            for (JsonNode s : list) {
                servers.add(new ServerInfo(s.path("name").asText(""), ServerKind.fromType(s.path("$type").asText(null)),
                        s.path("state").asText(""), s.path("message").asText(""), s.path("host").asText(""),
                        s.path("version").asText("")));
            }
            return servers;
        }));
    }

    CompletableFuture<TaskStatus> taskStatus(TaskRef task, Duration responseTimeout, ProgressListener listener, Deadline deadline) {
        CompletableFuture<HttpResult> call = call("GET", UrlPaths.task(task), null, responseTimeout, "GetTaskDetails", listener, deadline);
        return InFlight.derived(call, call.thenApply(r -> TaskDetailsParser.parse(reader.read(r, "GetTaskDetails"), task, reader)));
    }

    CompletableFuture<ServerDetails> serverDetails(String server, Duration responseTimeout, Deadline deadline) {
        CompletableFuture<HttpResult> call = call("GET", "/servers/" + UrlPaths.segment(server), null, responseTimeout,
                "GetServerDetails", ProgressListener.NONE, deadline);
        return InFlight.derived(call, call.thenApply(r -> {
                    JsonNode body = reader.read(r, "GetServerDetails");
                    JsonNode d = body.has("server_details") ? body.get("server_details") : body;
                    if (!d.hasNonNull("name")) {
                        throw reader.notAem("GetServerDetails", "JSON without server_details", false);
                    }
                    JsonNode license = d.path("license");
                    JsonNode tasks = d.path("task_summary");
                    return new ServerDetails(d.path("name").asText(), ServerKind.fromType(d.path("$type").asText(null)),
                            d.path("state").asText(""), d.path("message").asText(""), d.path("version").asText(""),
                            license.path("state").asText(""), license.path("days_to_expiration").asLong(-1),
                            tasks.path("running").asLong(-1), tasks.path("stopped").asLong(-1),
                            tasks.path("recovering").asLong(-1), tasks.path("error").asLong(-1));
                }));
    }

    /**
     * GetTaskList of one server, as AEM sent it, broken off (failing with a {@link CappedBodyConsumer.BodyTooLargeException}
     * cause) once it passes {@code maxBytes}; {@link TaskListPoller} shares it among the waits on that server.
     */
    CompletableFuture<ListAnswer> taskList(String server, Duration responseTimeout, ProgressListener listener, int maxBytes) {
        CompletableFuture<HttpResult> call = call("GET", "/servers/" + UrlPaths.segment(server) + "/tasks", null,
                responseTimeout, "GetTaskList", listener, Deadline.after(responseTimeout), () -> { }, maxBytes);
        return InFlight.derived(call, call.thenApply(r -> new ListAnswer(reader.read(r, "GetTaskList"), r.bodyBytes())));
    }

    /** A GetTaskList answer and its size on the wire, which decides whether the next one is worth reading. */
    record ListAnswer(JsonNode body, int bytes) {
    }

    /** Sends RunTask or StopTask; the answer's state is AEM's settled word, the error its refusal. */
    CompletableFuture<CommandAnswer> command(TaskRef task, String query, String cdcPosition, Duration responseTimeout,
                                             String call, ProgressListener listener, Deadline deadline, Runnable onSend) {
        String body = null;
        if (cdcPosition != null) {
            body = json.createObjectNode().put("cdcposition", cdcPosition).toString();
        }
        CompletableFuture<HttpResult> sent = call("POST", UrlPaths.task(task) + "?" + query, body, responseTimeout, call,
                listener, deadline, onSend);
        return InFlight.derived(sent, sent.thenApply(r -> {
                    JsonNode answer = reader.read(r, call);
                    if (!answer.hasNonNull("state")) {
                        throw reader.notAem(call, "JSON without a state", false);
                    }
                    String raw = answer.get("state").asText();
                    return new CommandAnswer(TaskState.fromWire(raw), raw, answer.path("error_message").asText(""));
                }));
    }

    /** What RunTask or StopTask answered. */
    record CommandAnswer(TaskState state, String rawState, String errorMessage) {
    }

    /** ExportTask: the task's definition as AEM exports it; {@code withendpoints} is always sent, never left to a default. */
    CompletableFuture<JsonNode> exportTask(TaskRef task, boolean withEndpoints, Duration responseTimeout,
                                           ProgressListener listener, Deadline deadline) {
        CompletableFuture<HttpResult> call = call("GET", UrlPaths.task(task) + "?action=export&withendpoints=" + withEndpoints,
                null, responseTimeout, "ExportTask", listener, deadline, () -> { }, CappedBodyConsumer.MAX_DEFINITION);
        return InFlight.derived(call, call.thenApply(r -> reader.read(r, "ExportTask")));
    }

    /**
     * ImportTask with the definition as its body. AEM documents no answer body, so any 2xx is success. Never retried
     * here: after a lost answer, only reading the task back tells whether it was imported.
     */
    CompletableFuture<Void> importTask(TaskRef task, String definition, Duration responseTimeout, ProgressListener listener,
                                       Deadline deadline, Runnable onSend) {
        CompletableFuture<HttpResult> call = call("POST", UrlPaths.task(task) + "?action=import", definition,
                responseTimeout, "ImportTask", listener, deadline, onSend);
        return InFlight.derived(call, call.thenApply(r -> succeeded(r, "ImportTask")));
    }

    /**
     * DeleteTask, keeping the task's logs on the server ({@code deletetasklogs=false}, AEM's default): a deploy
     * deletes only to import afresh, and the logs of the task before may be what explains a failure after.
     */
    CompletableFuture<Void> deleteTask(TaskRef task, Duration responseTimeout, ProgressListener listener, Deadline deadline,
                                       Runnable onSend) {
        CompletableFuture<HttpResult> call = call("POST", UrlPaths.task(task) + "?action=delete&deletetasklogs=false", null,
                responseTimeout, "DeleteTask", listener, deadline, onSend);
        return InFlight.derived(call, call.thenApply(r -> succeeded(r, "DeleteTask")));
    }

    /** GetEndpointList: the names of the server's endpoints. */
    CompletableFuture<List<String>> endpointNames(String server, Duration responseTimeout, ProgressListener listener,
                                                  Deadline deadline) {
        CompletableFuture<HttpResult> call = call("GET", "/servers/" + UrlPaths.segment(server) + "/endpoints", null,
                responseTimeout, "GetEndpointList", listener, deadline, () -> { }, CappedBodyConsumer.MAX_DEFINITION);
        return InFlight.derived(call, call.thenApply(r -> {
            JsonNode list = reader.read(r, "GetEndpointList").path("endpointList");
            if (!list.isArray()) {
                throw reader.notAem("GetEndpointList", "JSON without an endpointList", false);
            }
            List<String> names = new ArrayList<>();
            list.forEach(e -> names.add(e.path("name").asText("")));
            return names;
        }));
    }

    private Void succeeded(HttpResult r, String call) {
        AemException error = reader.errorOf(r, call);
        if (error != null) {
            throw error;
        }
        return null;
    }

    CompletableFuture<Void> logout(String sessionId, Duration responseTimeout) {
        return limits.reads().submit(() -> transport.send("GET", settings.api("/logout"), Map.of(SESSION_HEADER, sessionId), null,
                responseTimeout)).thenApply(r -> null);
    }

    private CompletableFuture<HttpResult> call(String method, String path, String body, Duration responseTimeout,
                                               String call, ProgressListener listener, Deadline deadline) {
        return call(method, path, body, responseTimeout, call, listener, deadline, () -> { });
    }

    private CompletableFuture<HttpResult> call(String method, String path, String body, Duration responseTimeout,
                                               String call, ProgressListener listener, Deadline deadline, Runnable onSend) {
        return call(method, path, body, responseTimeout, call, listener, deadline, onSend, CappedBodyConsumer.MAX_BODY);
    }

    private CompletableFuture<HttpResult> call(String method, String path, String body, Duration responseTimeout,
                                               String call, ProgressListener listener, Deadline deadline, Runnable onSend,
                                               int maxBody) {
        return call(limits.lane(method), method, path, body, responseTimeout, call, listener, deadline, onSend, maxBody);
    }

    /**
     * A call in the given lane of the host's limits: {@code onSend} runs each time the request leaves the host's queue
     * for AEM; answers past {@code maxBody} fail. For the endpoint calls ({@link EndpointApi}), which AEM may hold open
     * as long as a command.
     */
    CompletableFuture<HttpResult> call(HostLimiter lane, String method, String path, String body, Duration responseTimeout,
                                       String call, ProgressListener listener, Deadline deadline, Runnable onSend,
                                       int maxBody) {
        Duration loginTimeout = responseTimeout.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : responseTimeout;
        // The shared login is never cancelled (other callers wait on it); the call's own requests are.
        InFlight inFlight = new InFlight();
        return inFlight.cancelledWith(session.get(() -> login(loginTimeout))
                .thenCompose(id -> inFlight.track(send(lane, method, path, body, id, responseTimeout, call, onSend, maxBody)).thenCompose(r -> {
                    AemException error = reader.errorOf(r, call);
                    if (error == null || !"INVALID_SESSION_ID".equals(error.errorCode())) {
                        return CompletableFuture.completedFuture(r);
                    }
                    listener.onProgress(new ProgressEvent(ProgressEvent.Kind.RELOGIN, deadline.elapsed(),
                            "AEM session expired; logging in again as " + settings.credentials().username()));
                    // The refused call was not executed, so repeating it (even a run or stop) is safe.
                    return session.renew(id, () -> login(loginTimeout))
                            .thenCompose(fresh -> inFlight.track(send(lane, method, path, body, fresh, responseTimeout, call, onSend, maxBody)));
                })));
    }

    private CompletableFuture<HttpResult> send(HostLimiter lane, String method, String path, String body, String sessionId,
                                               Duration responseTimeout, String call, Runnable onSend, int maxBody) {
        CompletableFuture<HttpResult> queued = lane.submit(() -> {
            onSend.run();
            return transport.send(method, settings.api(path), Map.of(SESSION_HEADER, sessionId), body, responseTimeout,
                    maxBody);
        });
        return InFlight.derived(queued, queued.handle((r, e) -> {
            if (e != null) {
                throw reader.transport(e, call);
            }
            return r;
        }));
    }

    private CompletableFuture<String> login(Duration responseTimeout) {
        Credentials c = settings.credentials();
        String basic = Base64.getEncoder().encodeToString((c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
        return limits.reads().submit(() -> transport.send("GET", settings.api("/login"), Map.of("Authorization", "Basic " + basic),
                        null, responseTimeout))
                .handle((r, e) -> {
                    if (e != null) {
                        throw reader.transport(e, "login");
                    }
                    if (r.status() == 401 || r.status() == 403) {
                        AemException refused = reader.errorOf(r, "login");
                        String code = refused != null && refused.errorCode() != null ? " " + refused.errorCode() : "";
                        throw AemException.of(FailureKind.UNREACHABLE, "AEM refused the login for user '" + c.username()
                                        + "' (HTTP " + r.status() + code + "). Check the user name and password (Windows "
                                        + "accounts as DOMAIN\\user or user@domain) and that the user has a role in AEM.")
                                .errorCode(refused == null ? null : refused.errorCode()).build();
                    }
                    AemException error = reader.errorOf(r, "login");
                    if (error != null) {
                        throw error;
                    }
                    String id = r.header(SESSION_HEADER);
                    if (id == null || id.isBlank()) {
                        throw AemException.of(FailureKind.UNREACHABLE, "AEM at " + settings.baseUrl() + " accepted the "
                                + "login but sent no session ID. A proxy in between may drop the "
                                + SESSION_HEADER + " header (nginx drops headers with dots by default).").build();
                    }
                    return id;
                });
    }
}
