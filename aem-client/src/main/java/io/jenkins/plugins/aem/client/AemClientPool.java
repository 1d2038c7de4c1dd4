package io.jenkins.plugins.aem.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Owns what every {@link AemClient} shares: the asynchronous HTTP client(s), the one scheduler that drives all waits,
 * the limit of requests in flight per AEM host, and the sessions, one per AEM URL and login, reused across calls and
 * callers. Create one per process (the Jenkins plugin holds one; the CLI one per command) and close it on shutdown,
 * which logs every session out.
 */
public final class AemClientPool implements AutoCloseable {

    /** Requests in flight per AEM host unless configured otherwise. */
    public static final int DEFAULT_MAX_REQUESTS_PER_HOST = 8;

    /** Run and stop requests in flight per AEM host unless configured otherwise; see {@link Builder#maxCommandsPerHost}. */
    public static final int DEFAULT_MAX_COMMANDS_PER_HOST = 64;

    /** How long AEM may keep showing a task's old state after a command; see aem-api.md section 0. */
    public static final Duration DEFAULT_STATUS_LAG_GRACE = Duration.ofSeconds(30);

    /**
     * How long {@link #close()} lets deploys that had changed their task restore it (stop, import the backup, run
     * again) before it shuts everything: a Jenkins shutdown must not leave a task half-deployed, nor wait for ever.
     */
    public static final Duration RESTORE_GRACE = Duration.ofSeconds(90);

    private final int maxRequestsPerHost;
    private final int maxCommandsPerHost;
    private final PollSchedule pollSchedule;
    private final Duration statusLagGrace;
    private final HealthSchedule healthSchedule;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final ScheduledExecutorService scheduler;
    private final SessionPool sessions = new SessionPool();
    private final Map<String, HttpTransport> transports = new ConcurrentHashMap<>();
    private final Map<String, HostLimits> limiters = new ConcurrentHashMap<>();
    private final Map<ConnectionSettings, Connection> connections = new ConcurrentHashMap<>();
    private final LiveCalls live = new LiveCalls();
    private volatile boolean closed;

    private AemClientPool(Builder builder) {
        this.maxRequestsPerHost = builder.maxRequestsPerHost;
        this.maxCommandsPerHost = builder.maxCommandsPerHost;
        this.pollSchedule = builder.pollSchedule;
        this.statusLagGrace = builder.statusLagGrace;
        this.healthSchedule = builder.healthSchedule;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "aem-client-scheduler");
            t.setDaemon(true);
            return t;
        });
        // Cancelled polls of aborted waits must not pile up in the queue.
        executor.setRemoveOnCancelPolicy(true);
        this.scheduler = executor;
    }

    /** A pool with the defaults. */
    public static AemClientPool create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A client for these settings. Clients for equal settings share one session. */
    public AemClient client(ConnectionSettings settings) {
        if (closed) {
            throw new IllegalStateException("the AEM client pool is closed");
        }
        // Equal settings share a connection; the session is shared wider, by URL and login alone.
        Connection connection = connections.computeIfAbsent(settings, s -> new Connection(s,
                new AemApi(s, transport(s), limiter(s), sessions.slot(s), json), scheduler));
        return new DefaultAemClient(connection, scheduler, pollSchedule, statusLagGrace, healthSchedule, live);
    }

    /** The most reads and logins that were ever in flight at once to the host of {@code settings}. */
    public int peakRequestsInFlight(ConnectionSettings settings) {
        HostLimits limits = limiters.get(hostKey(settings));
        return limits == null ? 0 : limits.reads().peak();
    }

    private HttpTransport transport(ConnectionSettings s) {
        String key = s.tls().mode() + "|" + s.tls().caBundlePem() + "|" + s.proxy() + "|" + s.connectTimeout();
        return transports.computeIfAbsent(key, k -> new HttpTransport(s.tls(), s.proxy(), s.connectTimeout(),
                maxRequestsPerHost + maxCommandsPerHost));
    }

    private HostLimits limiter(ConnectionSettings s) {
        return limiters.computeIfAbsent(hostKey(s), k -> new HostLimits(new HostLimiter(maxRequestsPerHost),
                new HostLimiter(maxCommandsPerHost)));
    }

    private static String hostKey(ConnectionSettings s) {
        return s.baseUrl().getScheme() + "://" + s.baseUrl().getHost() + ":" + s.baseUrl().getPort();
    }

    /**
     * Cancels every deploy and lets those that had changed their task restore it (up to {@link #RESTORE_GRACE}), then
     * ends every wait, logs out every session and releases the threads. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Deploys that changed their task put it back first, while everything still runs; then waits end, so that
        // none of them logs in again after the logout.
        live.closeAll(RESTORE_GRACE);
        List<CompletableFuture<Void>> logouts = new ArrayList<>();
        java.util.Set<String> loggedOut = new java.util.HashSet<>();
        connections.forEach((settings, connection) -> {
            String id = sessions.slot(settings).liveId();
            if (id != null && loggedOut.add(id)) {
                logouts.add(connection.api().logout(id, Duration.ofSeconds(2)).exceptionally(e -> null));
            }
        });
        try {
            CompletableFuture.allOf(logouts.toArray(CompletableFuture[]::new)).get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Logging out is a courtesy: AEM expires idle sessions after 5 minutes anyway.
        }
        scheduler.shutdownNow();
        transports.values().forEach(HttpTransport::close);
    }

    /** Builds an {@link AemClientPool}. */
    public static final class Builder {
        int maxRequestsPerHost = DEFAULT_MAX_REQUESTS_PER_HOST;
        int maxCommandsPerHost = DEFAULT_MAX_COMMANDS_PER_HOST;
        PollSchedule pollSchedule = PollSchedule.DEFAULT;
        Duration statusLagGrace = DEFAULT_STATUS_LAG_GRACE;
        HealthSchedule healthSchedule = HealthSchedule.DEFAULT;

        private Builder() {
        }

        /**
         * At most this many run and stop requests in flight to one AEM host; further ones queue. They have a limit of
         * their own because AEM holds each open, idle, while it waits for the task.
         */
        public Builder maxCommandsPerHost(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxCommandsPerHost must be at least 1");
            }
            this.maxCommandsPerHost = max;
            return this;
        }

        /** At most this many logins and status reads in flight to one AEM host; further ones queue. */
        public Builder maxRequestsPerHost(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxRequestsPerHost must be at least 1");
            }
            this.maxRequestsPerHost = max;
            return this;
        }

        public Builder pollSchedule(PollSchedule schedule) {
            this.pollSchedule = java.util.Objects.requireNonNull(schedule);
            return this;
        }

        /** How health waits read; see {@link HealthSchedule}. */
        public Builder healthSchedule(HealthSchedule schedule) {
            this.healthSchedule = java.util.Objects.requireNonNull(schedule);
            return this;
        }

        public Builder statusLagGrace(Duration grace) {
            if (grace == null || grace.isNegative()) {
                throw new IllegalArgumentException("statusLagGrace must be zero or positive");
            }
            this.statusLagGrace = grace;
            return this;
        }

        public AemClientPool build() {
            return new AemClientPool(this);
        }
    }
}
