package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Routes one request that no transport fault stopped: login, the session check, failNext codes, then the
 * endpoint. Records the session alias and user on the call for the journal.
 */
final class Dispatcher {
    private final Credentials credentials;
    private final Sessions sessions;
    private final Faults faults;
    private final ReadController reads;
    private final CommandController commands;
    private final DefinitionController definitions;
    private final EndpointController endpoints;
    private final Json json;
    private final AemError unauthorized;

    Dispatcher(Credentials credentials, Sessions sessions, Faults faults, ReadController reads,
               CommandController commands, DefinitionController definitions, EndpointController endpoints, Json json,
               AemError unauthorized) {
        this.definitions = definitions;
        this.endpoints = endpoints;
        this.unauthorized = unauthorized;
        this.credentials = credentials;
        this.sessions = sessions;
        this.faults = faults;
        this.reads = reads;
        this.commands = commands;
        this.json = json;
    }

    CompletableFuture<ApiResponse> dispatch(Call call) {
        Route r = call.route;
        if (!r.inApi() || !r.valid() || r.segments().isEmpty()) {
            return done(notFound(call));
        }
        if (r.isLogin()) {
            return done(login(call));
        }
        Session session = sessions.use(call.sessionId());
        if (session == null) {
            return done(json.error(AemErrors.invalidSession()));
        }
        call.sessionAlias = session.alias();
        call.user = session.user();
        String injected = faults.takeFailNext(call.kind);
        if (injected != null) {
            return done(json.error(injectedError(call, injected)));
        }
        boolean get = "GET".equals(call.method);
        if (r.isLogout()) {
            sessions.expire(session.id());
            return done(ApiResponse.empty(Map.of()));
        }
        if (call.kind == RequestKind.TEST_ENDPOINT) {
            return endpoints.hasTestEndpoint() ? endpoints.test(call, session) : done(notFound(call));
        }
        if (call.kind == RequestKind.PATCH_ENDPOINT) {
            return done(endpoints.patch(call, session));
        }
        if (call.kind == RequestKind.EXPORT || call.kind == RequestKind.IMPORT || call.kind == RequestKind.DELETE
                || r.isEndpointList() && "GET".equals(call.method)) {
            return definitions.handle(call, session);
        }
        Role.Access access = session.access();
        if (get && (r.isServerList() || r.isServerDetails() || r.isTaskList()) && !access.mayList()
                || get && r.isTaskDetails() && !access.mayRead(r.task())) {
            return done(json.error(unauthorized)); // aem-api.md section 2.5: Viewer on all servers, the server or all tasks
        }
        if (r.isServerList() && get) {
            return done(reads.serverList());
        }
        if (r.isServerDetails() && get && call.param("action") != null) {
            return done(notFound(call)); // ExportAll and the like are not simulated: no server details in their place
        }
        if (r.isServerDetails() && get) {
            return done(reads.serverDetails(r.server()));
        }
        if (r.isTaskList() && get) {
            return done(reads.taskList(r.server()));
        }
        if (r.isTaskDetails() && get) {
            return done(reads.taskDetails(r.server(), r.task()));
        }
        if (r.isTaskDetails() && "POST".equals(call.method)) {
            return commands.command(call, session);
        }
        return done(notFound(call));
    }

    private ApiResponse login(Call call) {
        if (!"GET".equals(call.method) && !"POST".equals(call.method)) {
            return notFound(call);
        }
        String injected = faults.takeFailNext(RequestKind.LOGIN);
        if (injected != null) {
            AemError e = injectedError(call, injected);
            return json.error("UNAUTHORIZED_REQUEST".equals(injected) ? AemErrors.unauthorizedLogin() : e);
        }
        Credentials.Login login = credentials.check(call.header("Authorization"));
        if (login == null) {
            return json.error(AemErrors.unauthorizedLogin());
        }
        Session s = sessions.open(login.user(), login.access());
        call.sessionAlias = s.alias();
        call.user = s.user();
        return ApiResponse.empty(Map.of(Call.SESSION_HEADER, s.id()));
    }

    private static AemError injectedError(Call call, String code) {
        Route r = call.route;
        String server = r.segments().size() > 1 ? r.server() : "";
        String task = r.segments().size() > 3 ? r.task() : "";
        boolean compose = task.contains("__");
        return AemErrors.of(code, server, task, compose);
    }

    private ApiResponse notFound(Call call) {
        ObjectNode n = json.object();
        n.put("error_code", "NOT_FOUND");
        n.put("error_message", "No API method matches " + call.method + " " + call.rawPath);
        return json.answer(404, n);
    }

    private static CompletableFuture<ApiResponse> done(ApiResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}
