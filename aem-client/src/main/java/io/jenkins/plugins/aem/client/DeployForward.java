package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.DeployCheckpoint.Action;
import io.jenkins.plugins.aem.client.definition.MergeCheck;
import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import java.util.concurrent.CompletableFuture;

/**
 * A deploy's changes to the task, each a step that marks what it may change before it sends anything and is
 * checkpointed around its send: stop the task, delete it (replace), import and read it back, run it again. A failure
 * is left to the caller, which hands over to {@link DeployRollback}.
 */
final class DeployForward {

    private final DeployContext ctx;
    private final PreparedDeploy prepared;
    private final boolean taskExists;
    private volatile boolean restarted;

    DeployForward(DeployContext ctx, PreparedDeploy prepared, boolean taskExists) {
        this.ctx = ctx;
        this.prepared = prepared;
        this.taskExists = taskExists;
    }

    /** Whether the task, stopped for the deploy, was run again. */
    boolean restarted() {
        return restarted;
    }

    CompletableFuture<Void> stopFirst(boolean running, String state) {
        if (!running) {
            return CompletableFuture.completedFuture(null);
        }
        boolean wasTouched = ctx.changes().touched;
        ctx.changes().touched = true;
        ctx.changes().stoppedIt = true;
        ctx.journal().step("Stopping " + ctx.task() + " for the deploy (it is " + state + ")");
        return noteDoubt(ctx.ledger().change(Action.STOP, ctx.task().task(), ctx.calls().reader(),
                () -> ctx.control().stop(ctx.clock().forward()))).whenComplete((v, e) -> {
                    if (e != null && notSent(e)) {
                        ctx.changes().touched = wasTouched;
                        ctx.changes().stoppedIt = false;
                    }
                }).thenRun(() -> ctx.journal().action("stopped " + ctx.task()));
    }

    /** A change that never left: its checkpoint could not be kept ({@link DeployLedger}). */
    private boolean notSent(Throwable e) {
        AemException error = ctx.calls().reader().transport(e, "");
        return error.kind() == FailureKind.DEPLOY_REFUSED && error.errorCode() == null;
    }

    /** Notes, as a StopTask or RunTask of the deploy leaves and ends, whether AEM may still be carrying it out. */
    private CompletableFuture<Void> noteDoubt(CompletableFuture<Void> command) {
        ctx.changes().commandInDoubt = true;
        return command.whenComplete((v, e) -> ctx.changes().commandInDoubt = e != null && mayStillHappen(e));
    }

    /** Unless AEM refused the command (and a *_TIMEOUT code is no refusal), it may still be carried out. */
    private boolean mayStillHappen(Throwable e) {
        String code = ctx.calls().reader().transport(e, "a command").errorCode();
        return !notSent(e) && (code == null || code.endsWith("_TIMEOUT"));
    }

    /** Deletes the task to import it afresh; a lost answer is settled by reading the task. */
    CompletableFuture<Void> delete() {
        ctx.changes().touched = true;
        ctx.changes().definitionTouched = true;
        ctx.changes().importUnseen = false;
        DefinitionCalls calls = ctx.calls();
        return ctx.ledger().change(Action.DELETE, ctx.task().task(), calls.reader(),
                () -> calls.deleteTask(ctx.clock().forward(), ctx.flight())).handle((v, e) -> e).thenCompose(e -> {
                    if (e == null) {
                        ctx.journal().action("deleted " + ctx.task() + " to import it afresh (replace)");
                        return CompletableFuture.completedFuture(null);
                    }
                    AemException error = calls.reader().transport(e, "DeleteTask");
                    if (error.errorCode() != null || error.kind() == FailureKind.CANCELLED || notSent(e)) {
                        return CompletableFuture.failedFuture(error);
                    }
                    ctx.journal().warn("DeleteTask's answer was lost (" + error.getMessage() + "); reading the task to "
                            + "see whether it was deleted.");
                    return calls.status(ctx.clock().forward(), ctx.flight()).thenCompose(s -> s.isEmpty()
                            ? CompletableFuture.completedFuture(null)
                            : CompletableFuture.failedFuture(AemException.of(FailureKind.UNREACHABLE, "DeleteTask's answer was "
                            + "lost and the task is still there.").build()));
                });
    }

    CompletableFuture<Void> importAndCheck(boolean afresh) {
        DeployChanges changes = ctx.changes();
        DefinitionCalls calls = ctx.calls();
        boolean wasTouched = changes.touched;
        changes.touched = true;
        changes.definitionTouched = true;
        TaskDefinition before = afresh ? null : prepared.current();
        return ctx.ledger().change(Action.IMPORT, ctx.task().task(), calls.reader(), () -> calls.importTask(prepared.wire(),
                "the file", ctx.clock().forward(), ctx.flight())).handle((v, e) -> e).thenCompose(e -> {
                    if (e != null) {
                        AemException error = calls.reader().transport(e, "ImportTask");
                        if (error.errorCode() != null || notSent(e)) {
                            // AEM's refusal is its word that nothing was imported; a checkpoint not kept sent nothing.
                            changes.touched = wasTouched;
                            changes.definitionTouched = afresh;
                            return CompletableFuture.failedFuture(notSent(e) ? error
                                    : DeployFailures.importRefused(ctx.task(), error, ctx.user()));
                        }
                        if (error.kind() == FailureKind.CANCELLED) {
                            return CompletableFuture.failedFuture(error);
                        }
                        ctx.journal().warn("ImportTask's answer was lost (" + error.getMessage() + "); reading the task "
                                + "back to see whether it was imported.");
                    } else {
                        changes.importTaken = true;
                        changes.importUnseen = true;
                        ctx.journal().action("imported the definition into " + ctx.task());
                    }
                    return check(before, e == null);
                }).thenCompose(check -> {
                    changes.importUnseen = false;
                    return afterCheck(check, afresh);
                });
    }

    /** Reads the task back until it shows the import; a role refused the read is said as what it means here. */
    CompletableFuture<MergeCheck> check(TaskDefinition before, boolean answered) {
        DefinitionCalls calls = ctx.calls();
        return new ImportCheck(calls, ctx.journal(), ctx.flight()).afterImport(before, prepared.meant(), answered,
                ctx.clock().forward()).exceptionallyCompose(x -> {
                    AemException error = calls.reader().transport(x, "ExportTask");
                    boolean role = error.refusedForRole()
                            || AemErrorCode.AEM_EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT.name().equals(error.errorCode());
                    return CompletableFuture.failedFuture(role ? DeployFailures.cannotCheck(error) : error);
                });
    }

    /** What the read-back found: the task as the file says, or merge leftovers, which replace deletes. */
    CompletableFuture<Void> afterCheck(MergeCheck check, boolean afresh) {
        check.endpointLeftovers().forEach(d -> ctx.journal().warn("Endpoint '" + d.endpoint() + "' keeps " + d.path()
                + ", which the file removed: an import cannot remove an endpoint's setting; remove it in AEM if it matters."));
        if (check.leftovers().isEmpty()) {
            ctx.journal().action("checked " + ctx.task() + ": it matches the file");
            return CompletableFuture.completedFuture(null);
        }
        if (!ctx.request().replace() || !taskExists || afresh) {
            return CompletableFuture.failedFuture(DeployFailures.leftovers(check.leftovers()));
        }
        ctx.journal().step("The import merged: the task still has " + MergeCheck.describe(check.leftovers(), 3)
                + "; deleting it and importing afresh (replace)");
        return delete().thenCompose(v -> importAndCheck(true));
    }

    CompletableFuture<Void> runAgain(boolean wasRunning) {
        if (!wasRunning) {
            return CompletableFuture.completedFuture(null);
        }
        DeployRequest r = ctx.request();
        ctx.journal().step("Running " + ctx.task() + " again with " + r.runOption());
        return noteDoubt(ctx.ledger().change(Action.RUN, ctx.task().task(), ctx.calls().reader(),
                () -> ctx.control().run(r.runOption(), r.cdcPosition(), ctx.clock().forward()))).thenRun(() -> {
                    restarted = true;
                    ctx.journal().action("ran " + ctx.task() + " again (" + r.runOption() + ")");
                });
    }
}
