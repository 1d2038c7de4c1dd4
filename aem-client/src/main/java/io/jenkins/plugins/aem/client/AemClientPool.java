package io.jenkins.plugins.aem.client;

import java.time.Duration;

/**
 * Owns what every {@link AemClient} shares: the asynchronous HTTP client(s), the one scheduler that drives all waits,
 * the limit of requests in flight per AEM host, and the sessions, one per AEM URL and login, reused across calls and
 * callers. Create one per process (the Jenkins plugin holds one; the CLI one per command) and close it on shutdown,
 * which logs every session out.
 */
public final class AemClientPool implements AutoCloseable {

    /** Requests in flight per AEM host unless configured otherwise. */
    public static final int DEFAULT_MAX_REQUESTS_PER_HOST = 8;

    /** How long AEM may keep showing a task's old state after a command; see aem-api.md section 0. */
    public static final Duration DEFAULT_STATUS_LAG_GRACE = Duration.ofSeconds(30);

    private AemClientPool(Builder builder) {
        throw new UnsupportedOperationException("not implemented yet");
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
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Logs out every session, cancels every wait and releases the threads. Idempotent. */
    @Override
    public void close() {
    }

    /** Builds an {@link AemClientPool}. */
    public static final class Builder {
        int maxRequestsPerHost = DEFAULT_MAX_REQUESTS_PER_HOST;
        PollSchedule pollSchedule = PollSchedule.DEFAULT;
        Duration statusLagGrace = DEFAULT_STATUS_LAG_GRACE;

        private Builder() {
        }

        /** At most this many requests in flight to one AEM host; further ones queue. */
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
