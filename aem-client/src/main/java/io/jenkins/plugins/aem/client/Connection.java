package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the pool keeps per AEM connection: the typed API, one shared status poller per server, and the server list,
 * which is read once and then reused for a minute (a server's kind does not change; whether it is monitored rarely
 * does).
 */
final class Connection {

    private static final long SERVER_LIST_TTL_NANOS = Duration.ofMinutes(1).toNanos();

    private final ConnectionSettings settings;
    private final AemApi api;
    private final ScheduledExecutorService scheduler;
    private final Map<String, TaskListPoller> pollers = new ConcurrentHashMap<>();
    private CompletableFuture<List<ServerInfo>> servers;
    private long serversAt;

    Connection(ConnectionSettings settings, AemApi api, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.api = api;
        this.scheduler = scheduler;
    }

    /** The shared status poller of one server. */
    TaskListPoller poller(String server) {
        return pollers.computeIfAbsent(server, s -> new TaskListPoller(s, scheduler, (t, l) -> api.taskList(s, t, l), api.reader()));
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
}
