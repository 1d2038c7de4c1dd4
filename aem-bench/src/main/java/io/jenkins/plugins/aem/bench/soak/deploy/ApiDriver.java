package io.jenkins.plugins.aem.bench.soak.deploy;

import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.Credentials;
import io.jenkins.plugins.aem.client.DeployOutcome;
import io.jenkins.plugins.aem.client.DeployRequest;
import io.jenkins.plugins.aem.client.ExportRequest;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Deploys through the client's {@code deploy}, as the Jenkins plugin does: one pool for the lane (one session per
 * user), the backup handed to a sink that keeps its restorable text in memory, progress events collected as a build
 * console shows them. A failure maps to the exit code of its kind, as the {@code aem} command maps it; a future
 * cancelled before the deploy changed anything maps to 130, the command's code for a cancel.
 */
final class ApiDriver implements DeployDriver {

    /** The exit code of a deploy that failed with something other than an {@code AemException}: a defect. */
    static final int NOT_AN_AEM_EXCEPTION = 70;
    /** The exit code of a deploy whose future never completed: a defect. */
    static final int NEVER_ENDED = 71;

    private static final Duration GRACE = Duration.ofSeconds(60);

    private final LaneSim lane;
    private final AemClientPool pool = AemClientPool.create();
    private final Map<String, String> backups = new ConcurrentHashMap<>();
    /** An engineer's hands on the lane's tasks, through this driver's client. */
    final TaskHands hands;

    ApiDriver(LaneSim lane) {
        this.lane = lane;
        this.hands = new TaskHands(() -> client(LaneSim.DEPLOYER), LaneSim.SERVER, lane::task);
    }

    private AemClient client(String user) {
        return pool.client(ConnectionSettings.builder(lane.url(), Credentials.of(user, lane.password(user))).build());
    }

    @Override
    public String export(String task, boolean withEndpoints) throws Exception {
        return client(LaneSim.DEPLOYER).exportTask(new ExportRequest(new TaskRef(LaneSim.SERVER, task), withEndpoints,
                Duration.ofSeconds(30)), null).get(90, TimeUnit.SECONDS).text();
    }

    @Override
    public DeployRun deploy(DeployInput in, int id, Consumer<CompletableFuture<?>> started) {
        String location = in.withBackup() ? "soak-memory:" + lane.lane + "-" + id : null;
        Map<String, EndpointSecret> secrets = new TreeMap<>();
        in.secrets().forEach((endpoint, secret) -> secrets.put(endpoint, EndpointSecret.secretText(secret)));
        DeployRequest.Builder request = DeployRequest.builder(new TaskRef(LaneSim.SERVER, in.task()), in.file())
                .substitutions(in.substitutions()).secrets(secrets).stopIfRunning(in.stopIfRunning(), null, null)
                .replace(in.replace()).dryRun(in.dryRun()).allowNewerVersion(in.allowNewer()).timeout(in.timeout());
        return run(in.user(), request, location, started);
    }

    @Override
    public DeployRun restore(String task, String location, int id) {
        String text = backups.get(location);
        if (text == null) {
            return new DeployRun(2, null, "no backup at " + location, "", null, Duration.ZERO);
        }
        DeployRequest.Builder request = DeployRequest.builder(new TaskRef(LaneSim.SERVER, task), text).restore(true)
                .allowNewerVersion(true).replace(true).stopIfRunning(true, null, null).timeout(Duration.ofSeconds(60));
        return run(LaneSim.DEPLOYER, request, "soak-memory:" + lane.lane + "-restore-" + id, f -> { });
    }

    @Override
    public String backup(String location) {
        return backups.get(location);
    }

    private DeployRun run(String user, DeployRequest.Builder builder, String location, Consumer<CompletableFuture<?>> started) {
        StringBuilder shown = new StringBuilder();
        Instant start = Instant.now();
        DeployRequest request;
        try {
            request = builder.backupSink(location == null ? null : backup -> {
                backups.put(location, backup.restorableText());
                return location;
            }).build();
        } catch (AemException invalid) {
            return failed(invalid, shown, location, start);
        }
        CompletableFuture<DeployOutcome> deploy = client(user).deploy(request, e -> {
            synchronized (shown) {
                shown.append(e.format()).append('\n');
            }
        });
        started.accept(deploy);
        try {
            DeployOutcome o = deploy.get(request.timeout().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
            synchronized (shown) {
                shown.append(o.result()).append('\n');
                o.plan().lines().forEach(l -> shown.append("plan: ").append(l).append('\n'));
                o.warnings().forEach(w -> shown.append("warning: ").append(w).append('\n'));
            }
            return new DeployRun(0, o.result().name(), "", text(shown), location, Duration.between(start, Instant.now()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AemException a) {
                return failed(a, shown, location, start);
            }
            return new DeployRun(NOT_AN_AEM_EXCEPTION, null, String.valueOf(e.getCause()), text(shown), location,
                    Duration.between(start, Instant.now()));
        } catch (CancellationException cancelledBeforeAnyChange) {
            return new DeployRun(130, null, "cancelled before anything was changed", text(shown), location,
                    Duration.between(start, Instant.now()));
        } catch (TimeoutException e) {
            return new DeployRun(NEVER_ENDED, null, "the deploy's future never completed", text(shown), location,
                    Duration.between(start, Instant.now()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static DeployRun failed(AemException a, StringBuilder shown, String location, Instant start) {
        String message = a.getMessage() + (a.remedy() == null ? "" : " What to do: " + a.remedy());
        String output = text(shown) + message + (a.aemMessage() == null ? "" : "\n" + a.aemMessage());
        return new DeployRun(a.kind().exitCode(), null, message, output, location, Duration.between(start, Instant.now()));
    }

    private static String text(StringBuilder shown) {
        synchronized (shown) {
            return shown.toString();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
