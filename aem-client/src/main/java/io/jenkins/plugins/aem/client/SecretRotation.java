package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.DeployCheckpoint.Action;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Rotates endpoint secrets without an import (PatchEndpoint on the secret fields alone), and restarts the other tasks
 * that use them, so that they take the new secret: a running task keeps the one it started with until it runs again.
 * The old secrets come back, when a later step fails, by importing the task's backup ({@link DeployRollback}): it
 * carries the endpoints' ciphertext, valid on this server, whereas the notes do not say PatchEndpoint takes ciphertext.
 */
final class SecretRotation {

    private final DeployContext ctx;

    SecretRotation(DeployContext ctx) {
        this.ctx = ctx;
    }

    /** Sends each endpoint's patch in turn. */
    CompletableFuture<Void> patch(Map<String, String> patches) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Map.Entry<String, String> p : patches.entrySet()) {
            chain = chain.thenCompose(v -> patchOne(p.getKey(), p.getValue(), 0));
        }
        return chain;
    }

    /**
     * One endpoint's patch. A lost answer is sent again until the deadline: a patch sets the same values, so twice is
     * as once. AEM's refusal is its word that nothing changed.
     */
    private CompletableFuture<Void> patchOne(String endpoint, String body, int tries) {
        boolean wasTouched = ctx.changes().touched;
        boolean patchedBefore = ctx.changes().secretsPatched;
        ctx.changes().touched = true;
        ctx.changes().secretsPatched = true;
        Deadline deadline = ctx.clock().forward();
        return ctx.ledger().change(Action.PATCH, endpoint, ctx.calls().reader(),
                        () -> ctx.calls().patchEndpoint(endpoint, body, deadline, ctx.flight()))
                .handle((v, e) -> e).thenCompose(e -> {
                    if (e == null) {
                        ctx.journal().action("rotated the secret of endpoint '" + endpoint + "' (PatchEndpoint)");
                        return CompletableFuture.completedFuture(null);
                    }
                    AemException error = ctx.calls().reader().transport(e, "PatchEndpoint");
                    if (error.errorCode() != null || error.kind() == FailureKind.DEPLOY_REFUSED) {
                        // AEM's refusal is its word that nothing changed; a checkpoint not kept sent nothing.
                        ctx.changes().touched = wasTouched;
                        ctx.changes().secretsPatched = patchedBefore;
                        return CompletableFuture.failedFuture(error.errorCode() == null ? error
                                : DeployFailures.patchRefused(ctx.task(), endpoint, error, ctx.user()));
                    }
                    if (!error.retryable() || error.kind() == FailureKind.CANCELLED || deadline.expired()) {
                        return CompletableFuture.failedFuture(error);
                    }
                    Duration delay = ctx.calls().schedule().interval(tries + 1);
                    ctx.journal().retry("PatchEndpoint of endpoint '" + endpoint + "' got no answer (" + error.getMessage()
                            + "); sending it again in " + delay.toMillis() + " ms (it sets the same values).");
                    return ctx.calls().pause(delay, ctx.flight()).thenCompose(x -> patchOne(endpoint, body, tries + 1));
                });
    }

    /** Stops and runs again each task, in turn, with the deploy's run option. */
    CompletableFuture<Void> restart(List<String> tasks) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String name : new ArrayList<>(tasks)) {
            chain = chain.thenCompose(v -> restartOne(name));
        }
        return chain;
    }

    private CompletableFuture<Void> restartOne(String name) {
        TaskControl other = ctx.control(name);
        DeployRequest r = ctx.request();
        ctx.changes().touched = true;
        ctx.changes().stoppedOthers.add(name);
        ctx.journal().step("Restarting task '" + name + "', which uses a rotated endpoint, so that it takes the new secret");
        return ctx.ledger().change(Action.STOP, name, ctx.calls().reader(), () -> other.stop(ctx.clock().forward()))
                .thenCompose(v -> ctx.ledger().change(Action.RUN, name, ctx.calls().reader(),
                        () -> other.run(r.runOption(), r.cdcPosition(), ctx.clock().forward())))
                .thenRun(() -> {
                    ctx.changes().stoppedOthers.remove(name);
                    ctx.journal().action("restarted task '" + name + "' (" + r.runOption() + ") to use the new secret");
                });
    }
}
