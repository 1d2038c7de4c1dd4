package io.jenkins.plugins.aem.bench.soak;

import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.Credentials;
import io.jenkins.plugins.aem.client.RunRequest;
import io.jenkins.plugins.aem.client.StopRequest;
import io.jenkins.plugins.aem.client.TaskOutcome;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.SimServer;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The fault soak of issue 5: many run and stop operations through the real client, {@code concurrency} at a time,
 * against a simulator injecting the faults of {@link FaultPlan}; then every operation is judged by
 * {@link OutcomeChecker} and everything printed or logged is scanned for secrets ({@link SecretScanner}).
 *
 * <p>One operation at a time per task, and a task rests after each operation (1 s, or 5 s after a failure, longer
 * than the longest injected latency) so that a command delayed in flight lands inside its own operation's window.
 */
public final class SoakRunner {

    static final String USER = "soak-operator";
    static final String PASSWORD = "soak-S3cret-pw-91c2";
    static final String SERVER = "R";

    private final SoakSettings settings;
    private final PrintStream out;

    public SoakRunner(SoakSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public SoakReport run() throws InterruptedException, IOException {
        try (OutputCapture capture = new OutputCapture()) {
            int taskCount = settings.concurrency() + Math.max(5, settings.concurrency() / 5);
            SimServer server = SimServer.replicate(SERVER);
            for (int i = 0; i < taskCount; i++) {
                server.task(FaultPlan.task(taskName(i), i));
            }
            AemSimulator sim = AemSimulator.builder().port(0).user(USER, PASSWORD).seed(settings.seed())
                    .journalCapacity(1_000_000).server(server).faults(FaultPlan::configure).start();
            List<SoakOp> ops;
            Instant end;
            try (AemClientPool pool = AemClientPool.builder().build()) {
                AemClient client = pool.client(ConnectionSettings.builder(sim.baseUrl().toString(),
                        Credentials.of(USER, PASSWORD)).build());
                ops = drive(sim, client, taskCount, capture);
                Thread.sleep(OpScheduler.REST_AFTER_FAILURE.toMillis()); // let delayed commands land
                end = Instant.now();
            } finally {
                sim.close(); // also journals nothing new: every hung request was journaled when it hung
            }
            SoakReport report = Judge.judge(ops, sim, SERVER, end, capture);
            report.print(out);
            return report;
        }
    }

    private List<SoakOp> drive(AemSimulator sim, AemClient client, int taskCount, OutputCapture capture)
            throws InterruptedException {
        FaultPlan plan = new FaultPlan(settings.seed());
        OpScheduler tasks = new OpScheduler(taskCount);
        List<SoakOp> results = Collections.synchronizedList(new ArrayList<>());
        Semaphore slots = new Semaphore(settings.concurrency());
        CountDownLatch done = new CountDownLatch(settings.ops());
        for (int id = 0; id < settings.ops(); id++) {
            slots.acquire();
            int index = tasks.take();
            TaskRef task = TaskRef.of(SERVER, taskName(index), null);
            String action = plan.action(sim.task(SERVER, task.task()).state());
            Duration timeout = plan.timeout();
            String injected = inject(sim, plan, task, action);
            int opId = id;
            Instant started = Instant.now();
            CompletableFuture<TaskOutcome> f = "run".equals(action)
                    ? client.run(RunRequest.of(task).withTimeout(timeout), e -> capture.add(e.format()))
                    : client.stop(new StopRequest(task, timeout), e -> capture.add(e.format()));
            // A guard of our own, so that a client that never completes makes the soak fail instead of hang.
            f.orTimeout(timeout.plusSeconds(30).toMillis(), TimeUnit.MILLISECONDS).whenComplete((o, failure) -> {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                        ? c.getCause() : failure;
                results.add(new SoakOp(opId, task, action, timeout, started, Instant.now(), o, cause, injected));
                capture.addFailure(cause);
                tasks.release(index, cause == null);
                slots.release();
                done.countDown();
            });
            if (id % 100 == 99) {
                out.printf(Locale.ROOT, "soak: %d operations started%n", id + 1);
            }
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("soak operations did not end");
        }
        return new ArrayList<>(results);
    }

    /** Arms this operation's injected AEM errors; returns what was armed, for the report. */
    private static String inject(AemSimulator sim, FaultPlan plan, TaskRef task, String action) {
        String injected = "";
        String code = plan.commandError(action);
        if (code != null) {
            var spec = sim.task(SERVER, task.task()).spec();
            if ("run".equals(action)) {
                spec.runErrorOnce(code);
            } else {
                spec.stopErrorOnce(code);
            }
            injected = code;
        }
        if (plan.readError()) {
            FaultPlan.armReadError(sim.faults());
            injected = (injected + " " + FaultPlan.READ_ERROR_CODE + "@read").trim();
        }
        return injected;
    }

    static String taskName(int i) {
        return String.format(Locale.ROOT, "S%03d", i);
    }
}
