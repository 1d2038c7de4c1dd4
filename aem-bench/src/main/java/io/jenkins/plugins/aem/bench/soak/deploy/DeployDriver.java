package io.jenkins.plugins.aem.bench.soak.deploy;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A way of deploying: the {@code aem} command in process, or the client's API as the Jenkins plugin calls it. */
interface DeployDriver extends AutoCloseable {

    /** Exports a task as a definition file, with its endpoints or not. */
    String export(String task, boolean withEndpoints) throws Exception;

    /**
     * Deploys; {@code started} gets the deploy's future when there is one to cancel (the client's), else nothing.
     * Never throws for a failed deploy: that is a {@link DeployRun} with its exit code.
     */
    DeployRun deploy(DeployInput input, int id, Consumer<CompletableFuture<?>> started) throws Exception;

    /**
     * Puts {@code task} back from the backup at {@code location} (as {@code deploy} named it), as an engineer would
     * after exit 6: {@code aem restore-task}, or a deploy of the backup with {@code restore} set.
     */
    DeployRun restore(String task, String location, int id) throws Exception;

    /** The restorable backup text kept at {@code location}, or null when there is none. */
    String backup(String location) throws Exception;

    @Override
    void close();
}
