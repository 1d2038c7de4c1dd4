package io.jenkins.plugins.aem.bench;

import java.util.concurrent.CompletableFuture;

/** What the deploy benchmark measures: the client's deploy, or the naive script's. */
interface DeployClient extends AutoCloseable {

    /** Short name for the table: {@code client} or {@code baseline}. */
    String name();

    /** Deploys; completes with DEPLOYED or NO_CHANGE, exceptionally on any failure. */
    CompletableFuture<String> deploy(BenchDeploy deploy);

    @Override
    void close();
}
