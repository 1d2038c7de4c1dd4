package io.jenkins.plugins.aem.bench.soak.deploy;

import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.RunRequest;
import io.jenkins.plugins.aem.client.StopRequest;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.simulator.SimTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What an engineer does by hand to a task a deploy or a release named as not back, before and after restoring it from
 * its backup: waits for it to settle, takes it out of ERROR, and runs or stops it until it is in the state it was in.
 * Through the client, as anyone would; the simulator is only looked at, to know when the task has settled.
 */
final class TaskHands {

    private final Supplier<AemClient> client;
    private final String server;
    private final Function<String, Optional<SimTask>> view;

    /**
     * @param client the client to run and stop with
     * @param server the tasks' server
     * @param view   the task as reads show it now, if they do
     */
    TaskHands(Supplier<AemClient> client, String server, Function<String, Optional<SimTask>> view) {
        this.client = client;
        this.server = server;
        this.view = view;
    }

    /** Runs or stops the task until it is {@code state} (RUNNING or STOPPED), as an engineer does after a restore. */
    void bringTo(String task, String state) throws Exception {
        TaskRef ref = new TaskRef(server, task);
        String now = view.apply(task).map(SimTask::state).orElse(null);
        CompletableFuture<?> change = "RUNNING".equals(state) && !"RUNNING".equals(now)
                ? client.get().run(RunRequest.of(ref).withTimeout(Duration.ofSeconds(30)), null)
                : "STOPPED".equals(state) && "RUNNING".equals(now)
                ? client.get().stop(new StopRequest(ref, Duration.ofSeconds(30)), null)
                : CompletableFuture.completedFuture(null);
        change.handle((done, failed) -> null).get(60, TimeUnit.SECONDS);
        awaitSettled(task);
    }

    /**
     * Takes a task out of ERROR, running and stopping it: AEM deletes no task in ERROR, and a restore may need to, so
     * an engineer does this first. Nothing for a task in another state.
     */
    void unstick(String task) throws Exception {
        awaitSettled(task);
        if (view.apply(task).map(t -> "ERROR".equals(t.state())).orElse(false)) {
            bringTo(task, "RUNNING");
            bringTo(task, "STOPPED");
        }
    }

    /** Waits until the task is in a steady state (or gone), at most 30 s. */
    void awaitSettled(String task) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(end)) {
            String state = view.apply(task).map(SimTask::state).orElse("GONE");
            if (List.of("RUNNING", "STOPPED", "ERROR", "GONE").contains(state)) {
                return;
            }
            Thread.sleep(100);
        }
    }
}
