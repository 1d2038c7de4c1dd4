package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.client.TaskRef;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The health bench's reference: how the scripts in the field wait for a task to catch up. One platform thread per
 * wait, one login per wait (the session kept, as StartTask.ps1 and the Control-M script keep theirs, which costs the
 * baseline fewer requests than {@link NaiveClient}'s login per call), then GetTaskDetails every 5 s
 * ({@link HealthBenchConfig#BASELINE_SLEEP}) until the task is RUNNING with the total latency at most the maximum.
 * It fails on ERROR, on any error code and at the deadline, and logs in again once if AEM says the session expired.
 */
final class NaiveHealthPoller implements HealthWaitClient {

    private final NaiveHttp http;
    private final long sleepMs;
    private final AtomicInteger threads = new AtomicInteger();

    NaiveHealthPoller(String baseUrl, String user, String password, Duration sleep) {
        this.http = new NaiveHttp(baseUrl, user, password);
        this.sleepMs = sleep.toMillis();
    }

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public CompletableFuture<Instant> await(TaskRef task, Duration max, Duration timeout) {
        CompletableFuture<Instant> done = new CompletableFuture<>();
        Instant deadline = Instant.now().plus(timeout);
        Thread waiter = new Thread(() -> {
            try {
                poll(task, max.toSeconds(), deadline);
                done.complete(Instant.now());
            } catch (Exception | Error e) {
                done.completeExceptionally(e);
            }
        }, "naive-health-" + threads.incrementAndGet());
        waiter.start();
        return done;
    }

    private void poll(TaskRef task, long maxSeconds, Instant deadline) throws IOException, InterruptedException {
        String session = http.login();
        while (true) {
            NaiveHttp.Answer answer = http.details(task, session);
            if ("INVALID_SESSION_ID".equals(answer.errorCode())) {
                session = http.login();
                answer = http.details(task, session);
            }
            if (answer.errorCode() != null) {
                throw new IOException(task + ": AEM answered " + answer.errorCode());
            }
            if ("ERROR".equals(answer.state())) {
                throw new IOException(task + " went to ERROR");
            }
            long latency = seconds(answer.totalLatency());
            if ("RUNNING".equals(answer.state()) && latency >= 0 && latency <= maxSeconds) {
                return;
            }
            if (Instant.now().plusMillis(sleepMs).isAfter(deadline)) {
                throw new IOException(task + ": timed out waiting for the latency");
            }
            Thread.sleep(sleepMs);
        }
    }

    /** {@code hh:mm:ss} as a script splits it; -1 for anything else. */
    private static long seconds(String hhmmss) {
        if (hhmmss == null) {
            return -1;
        }
        String[] p = hhmmss.split(":");
        try {
            return p.length == 3 ? Long.parseLong(p[0]) * 3600 + Long.parseLong(p[1]) * 60 + Long.parseLong(p[2]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        // Nothing pooled: every wait's thread ends with its wait.
    }
}
