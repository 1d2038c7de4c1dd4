package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.client.TaskRef;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * What the benchmark measures: something that runs or stops a task and tells when the task got there. Both the
 * {@link ClientUnderTest real client} and the {@link NaiveClient baseline} implement it, so every scenario drives them
 * through the same code.
 */
interface WaitClient extends AutoCloseable {

    /** Short name for the table, for example {@code client} or {@code baseline}. */
    String name();

    /**
     * Runs the task and waits until it is RUNNING.
     *
     * @return completes with the instant the client knew the task was running; exceptionally on any failure
     */
    CompletableFuture<Instant> run(TaskRef task, Duration timeout);

    /** Stops the task and waits until it is STOPPED; completes as {@link #run} does. */
    CompletableFuture<Instant> stop(TaskRef task, Duration timeout);

    /** Releases the client's threads and connections. */
    @Override
    void close();
}
