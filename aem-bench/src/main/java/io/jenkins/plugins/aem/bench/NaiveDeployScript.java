package io.jenkins.plugins.aem.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reference a deploy is measured against: how release scripts around ExportTask and ImportTask deploy today. One
 * platform thread per deploy, a fresh login for every call ({@link NaiveHttp}); it exports the task (its "backup"),
 * stops a running task and polls with a fixed sleep ({@link NaiveClient#waitFor}), imports the file with the secrets
 * filled in by text replacement, sleeps a fixed time, exports again to see the task is there, and runs a task it stopped.
 *
 * <p>It plans nothing, so it imports a file already in place, and it cannot tell whether the import merged; it is a
 * fair script, not a straw man: it stops before importing, and waits for the task's states as a careful script does.
 */
final class NaiveDeployScript implements DeployClient {

    private final NaiveHttp http;
    private final NaiveClient waits;
    private final long sleepMs;
    private final AtomicInteger threads = new AtomicInteger();

    NaiveDeployScript(String baseUrl, String user, String password, Duration sleep) {
        this.http = new NaiveHttp(baseUrl, user, password);
        this.waits = new NaiveClient(baseUrl, user, password, sleep);
        this.sleepMs = sleep.toMillis();
    }

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public CompletableFuture<String> deploy(BenchDeploy d) {
        CompletableFuture<String> done = new CompletableFuture<>();
        Thread script = new Thread(() -> {
            try {
                done.complete(script(d));
            } catch (Exception | Error e) {
                done.completeExceptionally(e);
            }
        }, "naive-deploy-" + threads.incrementAndGet());
        script.start();
        return done;
    }

    private String script(BenchDeploy d) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        check(http.export(d.task()), "export");
        if (d.running()) {
            waits.waitFor(d.task(), "stop", "STOPPED", deadline);
        }
        String body = d.file().replace("${secret:" + SimEndpoints.SOURCE + "/password}", BenchSim.SOURCE_PASSWORD)
                .replace("${secret:" + SimEndpoints.TARGET + "/password}", BenchSim.TARGET_PASSWORD);
        check(http.importTask(d.task(), body), "import");
        Thread.sleep(sleepMs);
        check(http.export(d.task()), "export after the import");
        if (d.running()) {
            waits.waitFor(d.task(), "run", "RUNNING", deadline);
        }
        return "DEPLOYED";
    }

    private static void check(NaiveHttp.Answer answer, String call) throws IOException {
        if (answer.status() != 200) {
            throw new IOException(call + " answered HTTP " + answer.status() + " " + answer.errorCode());
        }
    }

    @Override
    public void close() {
        // Nothing pooled: every deploy's thread ends with its deploy.
    }
}
