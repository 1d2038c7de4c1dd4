package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.AemSimulatorBuilder;
import io.jenkins.plugins.aem.simulator.ServerRepository;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Two Replicate servers, Dev and Prod, each with a task Orders (stopped) and Live (running), their default endpoints
 * Source-DB and Target-DB, and a Compose server; an operator (SimFixture's user) and a designer who deploys.
 */
final class DeployFixture implements AutoCloseable {

    static final String DEPLOYER = "deployer";
    static final String DEPLOYER_PASSWORD = "dep-Pa55-word";
    /** What the deploys put into Prod's endpoints. */
    static final String SOURCE_SECRET = "prod-Source-Secret-1";
    static final String TARGET_SECRET = "prod-Target-Secret-2";

    static {
        SecretScan.register(SOURCE_SECRET);
        SecretScan.register(TARGET_SECRET);
    }

    final SimFixture fx;

    DeployFixture() {
        this(b -> b);
    }

    DeployFixture(java.util.function.UnaryOperator<AemSimulatorBuilder> more) {
        fx = new SimFixture(more.apply(AemSimulator.builder().designer(DEPLOYER, DEPLOYER_PASSWORD)
                .server(replicate("Dev").version("2024.11.0.357"))
                .server(replicate("Prod").version("2024.11.0.357"))
                .server(SimServer.compose("Comp").task(SimTaskSpec.named("Load", "DWH")))));
    }

    static SimServer replicate(String name) {
        return SimServer.replicate(name)
                .task(fast(SimTaskSpec.named("Orders")))
                .task(fast(SimTaskSpec.named("Live")).initialState("RUNNING", "NONE", ""));
    }

    static SimTaskSpec fast(SimTaskSpec spec) {
        return spec.startDuration(Duration.ofMillis(100)).stopDuration(Duration.ofMillis(100));
    }

    AemClient deployer() {
        return fx.pool.client(ConnectionSettings.builder(fx.sim.baseUrl().toString(),
                Credentials.of(DEPLOYER, DEPLOYER_PASSWORD)).build());
    }

    ServerRepository repo(String server) {
        return fx.sim.repository(server);
    }

    String export(String server, String task, boolean withEndpoints) {
        return SimFixture.join(deployer().exportTask(new ExportRequest(new TaskRef(server, task), withEndpoints,
                Duration.ofSeconds(30)), fx.listener())).text();
    }

    /** Secrets for Prod's default endpoints. */
    static Map<String, EndpointSecret> prodSecrets() {
        return Map.of("Source-DB", EndpointSecret.secretText(SOURCE_SECRET), "Target-DB", EndpointSecret.secretText(TARGET_SECRET));
    }

    /** Prod's Live from Dev's file with {@code parallel_load_threads} set to {@code threads}: see {@link #changeLive(String)}. */
    DeployRequest changeLive(int threads) {
        return changeLive(export("Dev", "Live", true).replace("\"parallel_load_threads\": 4", "\"parallel_load_threads\": "
                + threads));
    }

    /**
     * A deploy of {@code file} to Prod's Live (running), with Prod's secrets (both endpoints are imported with theirs),
     * stopping the task if it runs, within 30 s, the backup kept at "backup.json".
     */
    DeployRequest changeLive(String file) {
        return DeployRequest.of(new TaskRef("Prod", "Live"), file).withSecrets(prodSecrets()).withStopIfRunning(true, null, null)
                .withTimeout(Duration.ofSeconds(30)).withBackupSink(b -> "backup.json");
    }

    DeployOutcome deploy(DeployRequest request) {
        return SimFixture.join(deployer().deploy(request, fx.listener()));
    }

    AemException deployFails(DeployRequest request) {
        return fails(deployer().deploy(request, fx.listener()));
    }

    static AemException fails(CompletableFuture<?> f) {
        try {
            f.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AemException a) {
                SecretScan.assertClean("a deploy's failure", a.getMessage() + a.remedy());
                return a;
            }
            throw new AssertionError("not an AemException", e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the operation succeeded");
    }

    /** Everything the listener was told, one line per event. */
    String events() {
        StringBuilder out = new StringBuilder();
        fx.events.forEach(e -> out.append(e.format()).append('\n'));
        return out.toString();
    }

    @Override
    public void close() {
        fx.close();
    }
}
