package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.Credentials;
import io.jenkins.plugins.aem.client.HealthConditions;
import io.jenkins.plugins.aem.client.HealthSchedule;
import io.jenkins.plugins.aem.client.HealthWaitRequest;
import io.jenkins.plugins.aem.client.ProgressListener;
import io.jenkins.plugins.aem.client.TaskRef;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** The real client's health wait behind {@link HealthWaitClient}: one pool with the schedule given, as users have it. */
final class HealthClientUnderTest implements HealthWaitClient {

    private final AemClientPool pool;
    private final AemClient client;

    HealthClientUnderTest(String baseUrl, String user, String password, HealthSchedule schedule) {
        this.pool = AemClientPool.builder().healthSchedule(schedule).build();
        this.client = pool.client(ConnectionSettings.builder(baseUrl, Credentials.of(user, password)).build());
    }

    @Override
    public String name() {
        return "client";
    }

    @Override
    public CompletableFuture<Instant> await(TaskRef task, Duration max, Duration timeout) {
        HealthConditions latency = new HealthConditions(null, false, max, null, false);
        return client.awaitHealth(HealthWaitRequest.of(task, latency, timeout), ProgressListener.NONE)
                .thenApply(o -> Instant.now());
    }

    @Override
    public void close() {
        pool.close();
    }
}
