package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.Credentials;
import io.jenkins.plugins.aem.client.DeployRequest;
import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The real deploy behind the deploy benchmark: one pool and one client for every deploy, as the Jenkins plugin holds
 * them, its defaults, the secrets given as credentials would give them, running tasks stopped and run again, and the
 * backup handed to a sink that keeps it in memory (the plugin archives it).
 */
final class ClientDeployer implements DeployClient {

    private final AemClientPool pool = AemClientPool.create();
    private final AemClient client;
    private final Duration timeout;

    ClientDeployer(String baseUrl, String user, String password, Duration timeout) {
        this.client = pool.client(ConnectionSettings.builder(baseUrl, Credentials.of(user, password)).build());
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "client";
    }

    @Override
    public CompletableFuture<String> deploy(BenchDeploy d) {
        DeployRequest request = DeployRequest.builder(d.task(), d.file())
                .secrets(Map.of(SimEndpoints.SOURCE, EndpointSecret.secretText(BenchSim.SOURCE_PASSWORD),
                        SimEndpoints.TARGET, EndpointSecret.secretText(BenchSim.TARGET_PASSWORD)))
                .stopIfRunning(true, null, null).timeout(timeout).backupSink(backup -> "memory").build();
        return client.deploy(request, null).thenApply(outcome -> outcome.result().name());
    }

    @Override
    public void close() {
        pool.close();
    }
}
