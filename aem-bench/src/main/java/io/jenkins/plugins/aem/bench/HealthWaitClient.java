package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.client.TaskRef;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** What the health bench measures: something that waits until a task's total latency is low enough. */
interface HealthWaitClient extends AutoCloseable {

    /** Short name for the report: {@code client} or {@code baseline}. */
    String name();

    /**
     * Waits until the task is RUNNING with a total latency of at most {@code max}.
     *
     * @return completes with the instant the client knew it; exceptionally on any failure
     */
    CompletableFuture<Instant> await(TaskRef task, Duration max, Duration timeout);

    @Override
    void close();
}
