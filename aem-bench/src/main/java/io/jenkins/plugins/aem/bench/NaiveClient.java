package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.client.TaskRef;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The reference the client is measured against: how today's scripts and comparable plugins wait. One platform
 * thread per wait, a fresh login for every call ({@link NaiveHttp}), a fixed sleep between polls (5 s in the
 * benchmark, {@link BenchConfig#BASELINE_SLEEP}).
 *
 * <p>It is a fair and correct implementation of the same operation, not a straw man: it uses AEM's server-side wait
 * on the command like the client does, takes a settled RUNNING/STOPPED answer at its word, keeps polling after a
 * {@code *_TIMEOUT} answer, fails on ERROR and on any other error code, and stops at the deadline.
 */
final class NaiveClient implements WaitClient {

    private final NaiveHttp http;
    private final long sleepMs;
    private final WaitThreads threads = new WaitThreads("naive-wait");

    NaiveClient(String baseUrl, String user, String password, Duration sleep) {
        this.http = new NaiveHttp(baseUrl, user, password);
        this.sleepMs = sleep.toMillis();
    }

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public CompletableFuture<Instant> run(TaskRef task, Duration timeout) {
        return onOwnThread(task, "run", "RUNNING", timeout);
    }

    @Override
    public CompletableFuture<Instant> stop(TaskRef task, Duration timeout) {
        return onOwnThread(task, "stop", "STOPPED", timeout);
    }

    private CompletableFuture<Instant> onOwnThread(TaskRef task, String action, String goal, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        return threads.start(() -> waitFor(task, action, goal, deadline));
    }

    /** Sends the command and polls, blocking this thread, until the task reaches {@code goal}; throws otherwise. */
    void waitFor(TaskRef task, String action, String goal, Instant deadline) throws IOException,
            InterruptedException {
        NaiveHttp.Answer answer = http.command(task, action, secondsLeft(deadline));
        while (true) {
            if (goal.equals(answer.state())) {
                return;
            }
            if ("ERROR".equals(answer.state())) {
                throw new IOException(task + " went to ERROR");
            }
            String code = answer.errorCode();
            if (code != null && !code.endsWith("_TIMEOUT")) {
                throw new IOException(task + ": AEM answered " + code);
            }
            if (Instant.now().plusMillis(sleepMs).isAfter(deadline)) {
                throw new IOException(task + ": timed out waiting for " + goal);
            }
            Thread.sleep(sleepMs);
            answer = http.details(task);
        }
    }

    private static long secondsLeft(Instant deadline) {
        return Math.max(1, Duration.between(Instant.now(), deadline).toSeconds());
    }

    @Override
    public void close() {
        // Nothing pooled: every wait's thread ends with its wait.
    }
}
