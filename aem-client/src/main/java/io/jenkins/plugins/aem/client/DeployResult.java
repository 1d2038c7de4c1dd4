package io.jenkins.plugins.aem.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A deploy's future, which tells its listener that the deploy ended ({@link ProgressFact.DeployEnded}) as it completes,
 * however: before anyone waiting on it hears, so that a caller's record has the deploy's time when its outcome comes.
 */
class DeployResult extends CompletableFuture<DeployOutcome> {

    private final AtomicBoolean told = new AtomicBoolean();
    /** The deploy's journal and clock, once it has them. */
    private volatile DeployContext context;

    /** Tells the end of the deploy of {@code context} to its journal. */
    void telling(DeployContext context) {
        this.context = context;
    }

    @Override
    public boolean complete(DeployOutcome outcome) {
        tell();
        return super.complete(outcome);
    }

    @Override
    public boolean completeExceptionally(Throwable e) {
        tell();
        return super.completeExceptionally(e);
    }

    @Override
    public boolean cancel(boolean mayInterrupt) {
        tell();
        return super.cancel(mayInterrupt);
    }

    private void tell() {
        DeployContext ctx = context;
        if (ctx != null && !isDone() && told.compareAndSet(false, true)) {
            ctx.journal().fact(new ProgressFact.DeployEnded(ctx.request().task(), ctx.clock().total().elapsed()));
        }
    }
}
