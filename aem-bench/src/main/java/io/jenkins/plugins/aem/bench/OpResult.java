package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.client.TaskRef;

import java.time.Instant;

/**
 * One run or stop as the benchmark saw it.
 *
 * @param task    the task
 * @param goal    {@code RUNNING} for a run, {@code STOPPED} for a stop
 * @param started when the operation was handed to the client
 * @param done    when the client reported the task there, or {@code null} when it failed
 * @param failure the failure, or {@code null}
 */
record OpResult(TaskRef task, String goal, Instant started, Instant done, Throwable failure) {

    boolean succeeded() {
        return failure == null && done != null;
    }
}
