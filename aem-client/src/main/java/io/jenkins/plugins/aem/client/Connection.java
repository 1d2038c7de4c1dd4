package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the pool keeps per AEM connection: the typed API, one shared status poller per server, the server list,
 * which is read once and then reused for a minute (a server's kind does not change; whether it is monitored rarely
 * does), or, when AEM refused it to this login, the refusal; and the server details and endpoint lists in flight,
 * which callers asking at the same moment share.
 */
final class Connection {

    private static final long SERVER_LIST_TTL_NANOS = Duration.ofMinutes(1).toNanos();

    private final ConnectionSettings settings;
    private final AemApi api;
    private final ScheduledExecutorService scheduler;
    private final Map<String, TaskListPoller> pollers = new ConcurrentHashMap<>();
    private final RefusalMemory serverListRefusal = new RefusalMemory("GetServerList");
    private final SharedReads shared = new SharedReads();
    private final EndpointApi endpoints;
    private final Map<String, EndpointTestMemory> endpointTests = new ConcurrentHashMap<>();
    private CompletableFuture<List<ServerInfo>> servers;
    private long serversAt;

    Connection(ConnectionSettings settings, AemApi api, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.api = api;
        this.scheduler = scheduler;
        this.endpoints = new EndpointApi(api);
    }

    /** The shared status poller of one server. */
    TaskListPoller poller(String server) {
        return pollers.computeIfAbsent(server, s -> new TaskListPoller(s, scheduler, new TaskListPoller.Reads() {
            @Override
            public CompletableFuture<AemApi.ListAnswer> list(int maxBytes, ProgressListener listener) {
                return api.taskList(s, Timeouts.STATUS_READ, listener, maxBytes);
            }

            @Override
            public CompletableFuture<TaskStatus> details(TaskRef task, ProgressListener listener) {
                return api.taskStatus(task, Timeouts.STATUS_READ, listener, Deadline.after(Timeouts.STATUS_READ));
            }
        }, api.reader(), ListRule.DEFAULT));
    }

    /** Whether AEM refused this connection's login the server list lately; see {@link RefusalMemory}. */
    RefusalMemory serverListRefusal() {
        return serverListRefusal;
    }

    /** TestEndpoint, PatchEndpoint and a task's endpoints. */
    EndpointApi endpoints() {
        return endpoints;
    }

    /** Whether TestEndpoint was lately found unavailable to this connection on a server; see {@link EndpointTestMemory}. */
    EndpointTestMemory endpointTests(String server) {
        return endpointTests.computeIfAbsent(server, EndpointTestMemory::new);
    }

    ConnectionSettings settings() {
        return settings;
    }

    AemApi api() {
        return api;
    }

    synchronized CompletableFuture<List<ServerInfo>> servers(Duration timeout, ProgressListener listener, Deadline deadline) {
        boolean fresh = servers != null && System.nanoTime() - serversAt < SERVER_LIST_TTL_NANOS
                && !servers.isCompletedExceptionally() && !servers.isCancelled();
        if (!fresh) {
            servers = api.servers(timeout, listener, deadline);
            serversAt = System.nanoTime();
        }
        // Callers may cancel their copy without cancelling the shared read.
        return servers.thenApply(list -> list);
    }

    /** GetServerDetails, shared with the callers that ask for it while it is in flight. */
    CompletableFuture<ServerDetails> serverDetails(String server, Duration timeout, Deadline deadline) {
        return shared.join("GetServerDetails " + server, () -> api.serverDetails(server, timeout, deadline));
    }

    /** GetEndpointList, shared with the callers that ask for it while it is in flight. */
    CompletableFuture<List<String>> endpointNames(String server, Duration timeout, ProgressListener listener,
                                                  Deadline deadline) {
        return shared.join("GetEndpointList " + server, () -> api.endpointNames(server, timeout, listener, deadline));
    }
}
