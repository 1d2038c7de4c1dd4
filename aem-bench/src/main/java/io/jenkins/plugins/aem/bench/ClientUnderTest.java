package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.Credentials;
import io.jenkins.plugins.aem.client.PollSchedule;
import io.jenkins.plugins.aem.client.ProgressListener;
import io.jenkins.plugins.aem.client.RunRequest;
import io.jenkins.plugins.aem.client.StopRequest;
import io.jenkins.plugins.aem.client.TaskRef;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The real {@code aem-client} behind the benchmark's {@link WaitClient}: one pool, one client, its defaults (8
 * requests in flight per host, {@link PollSchedule#DEFAULT}), exactly as the plugin and the CLI use it.
 */
final class ClientUnderTest implements WaitClient {

    private final AemClientPool pool;
    private final AemClient client;

    ClientUnderTest(String baseUrl, String user, String password) {
        this.pool = AemClientPool.builder()
                .maxRequestsPerHost(AemClientPool.DEFAULT_MAX_REQUESTS_PER_HOST)
                .pollSchedule(PollSchedule.DEFAULT)
                .build();
        this.client = pool.client(ConnectionSettings.builder(baseUrl, Credentials.of(user, password)).build());
    }

    @Override
    public String name() {
        return "client";
    }

    @Override
    public CompletableFuture<Instant> run(TaskRef task, Duration timeout) {
        // thenApply runs on the thread that completes the client's future, so the instant is taken when it finished.
        return client.run(RunRequest.of(task).withTimeout(timeout), ProgressListener.NONE).thenApply(o -> Instant.now());
    }

    @Override
    public CompletableFuture<Instant> stop(TaskRef task, Duration timeout) {
        return client.stop(new StopRequest(task, timeout), ProgressListener.NONE).thenApply(o -> Instant.now());
    }

    @Override
    public void close() {
        pool.close();
    }
}
