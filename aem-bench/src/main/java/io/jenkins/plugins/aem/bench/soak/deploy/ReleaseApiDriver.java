package io.jenkins.plugins.aem.bench.soak.deploy;

import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseEnd.TaskEnd;
import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.Credentials;
import io.jenkins.plugins.aem.client.DeployRequest;
import io.jenkins.plugins.aem.client.DeployTasksOutcome;
import io.jenkins.plugins.aem.client.DeployTasksRequest;
import io.jenkins.plugins.aem.client.ExportTasksOutcome;
import io.jenkins.plugins.aem.client.ExportTasksRequest;
import io.jenkins.plugins.aem.client.ExportedTask;
import io.jenkins.plugins.aem.client.ReleasedTask;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import io.jenkins.plugins.aem.client.release.ReleaseFolder;
import io.jenkins.plugins.aem.client.release.TaskPatterns;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Releases through the client's API, as the Jenkins plugin does: one pool for the lane (one session), the folder in
 * memory with its calls on a thread of the caller's, each backup handed to a sink that keeps its restorable text in
 * memory, progress events collected as a build console shows them. A release that fails as a whole maps to the exit
 * code of its kind, as the {@code aem} command maps it; a future cancelled before anything changed maps to 130.
 */
final class ReleaseApiDriver implements ReleaseDriver {

    /** The exit code of a release that failed with something other than an {@code AemException}: a defect. */
    static final int NOT_AN_AEM_EXCEPTION = 70;
    /** The exit code of a release whose future never completed: a defect. */
    static final int NEVER_ENDED = 71;

    private final ReleaseLaneSim lane;
    private final AemClientPool pool = AemClientPool.create();
    private final ExecutorService folderCalls;
    private final Map<String, String> backups = new ConcurrentHashMap<>();
    /** An engineer's hands on the lane's tasks, through this driver's client. */
    final TaskHands hands;

    ReleaseApiDriver(ReleaseLaneSim lane) {
        this.lane = lane;
        this.folderCalls = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-release-folder-" + lane.lane));
        this.hands = new TaskHands(this::client, ReleaseLaneSim.SERVER, lane::task);
    }

    private AemClient client() {
        return pool.client(ConnectionSettings.builder(lane.url(), Credentials.of(ReleaseLaneSim.RELEASER, lane.password)).build());
    }

    @Override
    public ReleaseFolder export(int id, List<String> tasks) throws Exception {
        MemoryReleaseFolder folder = new MemoryReleaseFolder("memory:release-" + lane.lane + "-" + id);
        ExportTasksOutcome outcome = client().exportTasks(new ExportTasksRequest(ReleaseLaneSim.SERVER, TaskPatterns.of(tasks),
                true, Map.of(), false, 0, Duration.ofSeconds(30)), folder, folderCalls, null).get(90, TimeUnit.SECONDS);
        if (outcome.count(ExportedTask.Status.WRITTEN) != tasks.size()) {
            throw new IllegalStateException("the export of release " + id + " failed: " + outcome.tasks());
        }
        return folder;
    }

    @Override
    public ReleaseEnd release(ReleaseCase c, ReleaseFolder folder, Map<String, String> secrets,
                              Consumer<CompletableFuture<?>> started) throws InterruptedException {
        Map<String, EndpointSecret> given = new TreeMap<>();
        secrets.forEach((endpoint, secret) -> given.put(endpoint, EndpointSecret.secretText(secret)));
        DeployTasksRequest request = DeployTasksRequest.builder(ReleaseLaneSim.SERVER).secrets(given)
                .stopIfRunning(c.stopIfRunning(), null, null).dryRun(c.dryRun()).atomic(c.atomic()).parallel(c.parallel())
                .timeout(ReleaseLane.TIMEOUT).backups(task -> backup -> {
                    String location = "soak-memory:" + lane.lane + "-" + c.id() + "-" + task.task();
                    backups.put(location, backup.restorableText());
                    return location;
                }).build();
        StringBuilder shown = new StringBuilder();
        Instant start = Instant.now();
        CompletableFuture<DeployTasksOutcome> release = client().deployTasks(request, folder, folderCalls, e -> {
            synchronized (shown) {
                shown.append(e.format()).append('\n');
            }
        });
        started.accept(release);
        try {
            DeployTasksOutcome o = release.get(ReleaseLane.TIMEOUT.toMillis() * (c.tasks().size() + 2) + 60_000,
                    TimeUnit.MILLISECONDS);
            Map<String, TaskEnd> tasks = new TreeMap<>();
            for (ReleasedTask t : o.tasks()) {
                AemException e = t.error();
                tasks.put(t.task().task(), new TaskEnd(t.result().name(), e == null ? null : e.kind().name(),
                        e == null ? "" : e.getMessage(), t.backup()));
                append(shown, t.result() + " " + t.task().task() + (e == null ? "" : ": " + e.getMessage()));
            }
            o.warnings().forEach(w -> append(shown, "warning: " + w));
            return new ReleaseEnd(o.exitCode(), tasks, "", text(shown), Duration.between(start, Instant.now()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AemException a) {
                String message = a.getMessage() + (a.remedy() == null ? "" : " What to do: " + a.remedy());
                return new ReleaseEnd(a.kind().exitCode(), Map.of(), message, text(shown) + message,
                        Duration.between(start, Instant.now()));
            }
            return new ReleaseEnd(NOT_AN_AEM_EXCEPTION, Map.of(), String.valueOf(e.getCause()), text(shown),
                    Duration.between(start, Instant.now()));
        } catch (CancellationException cancelledBeforeAnyChange) {
            return new ReleaseEnd(130, Map.of(), "cancelled before anything was changed", text(shown),
                    Duration.between(start, Instant.now()));
        } catch (TimeoutException e) {
            return new ReleaseEnd(NEVER_ENDED, Map.of(), "the release's future never completed", text(shown),
                    Duration.between(start, Instant.now()));
        }
    }

    @Override
    public int restore(String task, String location, int id) throws Exception {
        String text = backups.get(location);
        if (text == null) {
            return 2;
        }
        DeployRequest request = DeployRequest.builder(new TaskRef(ReleaseLaneSim.SERVER, task), text).restore(true)
                .allowNewerVersion(true).replace(true).stopIfRunning(true, null, null).timeout(Duration.ofSeconds(60)).build();
        return client().deploy(request, null).handle((done, failed) -> {
            Throwable cause = failed instanceof java.util.concurrent.CompletionException ? failed.getCause() : failed;
            return cause == null ? 0 : cause instanceof AemException a ? a.kind().exitCode() : NOT_AN_AEM_EXCEPTION;
        }).get(120, TimeUnit.SECONDS);
    }

    @Override
    public String backup(String location) {
        return backups.get(location);
    }

    /** Every backup kept so far: restorable texts, which hold the endpoints' ciphertext and never a clear secret. */
    List<String> backups() {
        return List.copyOf(backups.values());
    }

    private static void append(StringBuilder shown, String line) {
        synchronized (shown) {
            shown.append(line).append('\n');
        }
    }

    private static String text(StringBuilder shown) {
        synchronized (shown) {
            return shown.toString();
        }
    }

    @Override
    public void close() {
        pool.close();
        folderCalls.shutdownNow();
    }
}
