package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.DeployCheckpoint.Action;
import io.jenkins.plugins.aem.client.definition.DefinitionForms;
import io.jenkins.plugins.aem.client.definition.MergeCheck;
import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The definition half of a restore ({@link DeployRollback}): puts the task's definition, and with it the endpoints'
 * secrets, back from the backup, and keeps what the restore last saw of the task for its report. An import of the
 * backup merges, so when the task holds more than the backup it is deleted and the backup imported afresh. A task is
 * never left deleted: the backup's import is tried until the deadline, and in its last part the deploy's own
 * definition, so that at least a task is there.
 */
final class BackupRestore {

    /** The last share of a restore's time in which, with the task still missing, the deploy's definition is imported. */
    private static final double FALLBACK_SHARE = 0.25;
    /** How long a resumed restore waits for a backup import sent before the interruption to show. */
    private static final Duration SENT_BEFORE = Duration.ofSeconds(10);

    private final DeployContext ctx;
    private final InFlight flight;
    private final DeployFacts facts;
    private final PreparedDeploy prepared;
    private final Deadline deadline;
    private final ImportCheck check;
    private final Function<TaskStatus, CompletableFuture<Void>> ensureStopped;
    private final long startNanos = System.nanoTime();
    private volatile Optional<TaskStatus> lastSeen;
    private volatile String definitionNow;

    BackupRestore(DeployContext ctx, InFlight flight, DeployFacts facts, PreparedDeploy prepared,
                  Function<TaskStatus, CompletableFuture<Void>> ensureStopped) {
        this.ctx = ctx;
        this.flight = flight;
        this.facts = facts;
        this.prepared = prepared;
        this.deadline = ctx.clock().total();
        this.check = new ImportCheck(ctx.calls(), ctx.journal(), flight);
        this.ensureStopped = ensureStopped;
        this.definitionNow = ctx.changes().definitionTouched
                ? "a definition that may be the new one, or a merge of the old and the new" : "its definition before the deploy";
    }

    /** What the task is now, as far as the restore saw, for a failure that leaves it to the user. */
    String now() {
        Optional<TaskStatus> seen = lastSeen;
        String state = seen == null ? "in a state that could not be read"
                : seen.isEmpty() ? "deleted (AEM does not show it)" : seen.get().rawState();
        return seen != null && seen.isEmpty() ? state : state + ", with " + definitionNow;
    }

    /** Reads the task, noting what was seen. */
    CompletableFuture<Optional<TaskStatus>> read() {
        return ctx.calls().status(deadline, flight).thenApply(s -> {
            lastSeen = s;
            return s;
        });
    }

    /**
     * Puts the definition back: nothing to do when it is the backup's and neither an import, a delete nor a patch was
     * sent. Re-imported even when it looks right otherwise: an import whose answer was lost may still land.
     */
    CompletableFuture<Void> definition(Optional<TaskStatus> now) {
        TaskDefinition backup = DefinitionForms.comparableExport(RestoredBackup.of(facts.backup(), prepared));
        if (ctx.changes().backupImportSent) {
            return sentBefore(backup).thenCompose(shown -> shown ? CompletableFuture.completedFuture(null) : read()
                    .thenCompose(this::definition));
        }
        if (now.isEmpty()) {
            return importBackup().thenCompose(v -> verify(backup, false));
        }
        return ctx.calls().export(true, deadline, flight).thenCompose(exported -> {
            if (exported.isEmpty()) {
                lastSeen = Optional.empty();
                return importBackup().thenCompose(v -> verify(backup, false));
            }
            MergeCheck state = MergeCheck.restored(backup, DefinitionForms.comparableExport(exported.get()));
            DeployChanges changes = ctx.changes();
            if (state.exact() && !changes.definitionTouched && !changes.secretsPatched) {
                definitionNow = "its definition before the deploy";
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> stopped = ensureStopped.apply(now.get());
            return state.leftovers().isEmpty()
                    ? stopped.thenCompose(v -> importBackup()).thenCompose(v -> verify(backup, true))
                    : stopped.thenCompose(v -> deleteThenImport()).thenCompose(v -> verify(backup, false));
        });
    }

    /**
     * A backup import sent before an interruption, of unknown outcome: waited for, a while. When the task then shows
     * the backup, nothing more is sent; otherwise the restore goes on as any, and imports the backup (the restore's
     * own import: twice is as once, whereas the deploy's import is never sent twice).
     */
    private CompletableFuture<Boolean> sentBefore(TaskDefinition backup) {
        ctx.changes().backupImportSent = false;
        ctx.journal().step("Waiting for the backup's import sent before the interruption to show");
        Duration wait = SENT_BEFORE.compareTo(deadline.remaining().dividedBy(2)) > 0 ? deadline.remaining().dividedBy(2) : SENT_BEFORE;
        return check.restored(backup, Deadline.after(wait)).handle((result, e) -> {
            if (result != null && result.exact()) {
                definitionNow = "its definition before the deploy";
                ctx.journal().action("checked " + ctx.task() + ": it shows the backup imported before the interruption");
                return true;
            }
            ctx.journal().step("The backup's import sent before the interruption does not show: importing the backup");
            return false;
        });
    }

    private CompletableFuture<Void> verify(TaskDefinition backup, boolean mayRetryAfresh) {
        return check.restored(backup, deadline).thenCompose(result -> {
            if (result.exact()) {
                definitionNow = "its definition before the deploy";
                ctx.journal().action("checked " + ctx.task() + ": its definition is as before the deploy");
                return CompletableFuture.completedFuture(null);
            }
            if (!mayRetryAfresh) {
                return CompletableFuture.failedFuture(AemException.of(FailureKind.AEM_ERROR, "after importing the backup "
                        + "the task still has what the deploy added: " + MergeCheck.describe(result.leftovers(), 8) + ".").build());
            }
            ctx.journal().step("Importing the backup merged it: the task still has "
                    + MergeCheck.describe(result.leftovers(), 3) + "; deleting it and importing the backup afresh");
            return deleteThenImport().thenCompose(v -> verify(backup, false));
        });
    }

    private CompletableFuture<Void> deleteThenImport() {
        definitionNow = "a definition that may be the new one, or a merge of the old and the new";
        DefinitionCalls calls = ctx.calls();
        return ctx.ledger().change(Action.DELETE, ctx.task().task(), calls.reader(), () -> calls.deleteTask(deadline, flight))
                .handle((v, e) -> e)
                .thenCompose(e -> {
                    if (e == null) {
                        ctx.journal().action("deleted the task to import its backup afresh");
                        lastSeen = Optional.empty();
                        return CompletableFuture.completedFuture(null);
                    }
                    AemException error = calls.reader().transport(e, "DeleteTask");
                    // A lost answer: the truth decides. AEM's refusal: the task is still there, as it was.
                    return error.errorCode() != null ? CompletableFuture.<Void>failedFuture(error)
                            : read().thenCompose(s -> s.isEmpty() ? CompletableFuture.completedFuture(null)
                            : CompletableFuture.<Void>failedFuture(error));
                })
                .thenCompose(v -> importBackup());
    }

    /**
     * Imports the backup until AEM takes it or the time is up; with the task still missing in the last part of the
     * time, imports the deploy's own definition instead, so that the task is not left deleted.
     */
    private CompletableFuture<Void> importBackup() {
        return importOnce(0);
    }

    private CompletableFuture<Void> importOnce(int tries) {
        long total = deadline.endNanos() - startNanos;
        boolean fallback = prepared != null && deadline.remaining().toNanos() < total * FALLBACK_SHARE
                && lastSeen != null && lastSeen.isEmpty();
        String body = fallback ? prepared.wire() : RestoredBackup.of(facts.backup(), prepared).toJson();
        DefinitionCalls calls = ctx.calls();
        return ctx.ledger().change(Action.IMPORT, ctx.task().task(), calls.reader(), () -> calls.importTask(body, fallback
                        ? "the deploy's definition, as the backup would not import" : "the backup", deadline, flight))
                .handle((v, e) -> e)
                .thenCompose(e -> {
                    if (e == null) {
                        if (fallback) {
                            definitionNow = "the deploy's new definition (the backup would not import)";
                            return CompletableFuture.failedFuture(AemException.of(FailureKind.AEM_ERROR, "AEM did not take "
                                    + "the backup before the deadline, so the deploy's own definition was imported to keep "
                                    + "the task from staying deleted.").build());
                        }
                        ctx.journal().action("imported the backup");
                        return CompletableFuture.completedFuture(null);
                    }
                    AemException error = calls.reader().transport(e, "ImportTask");
                    if (error.refusedForRole() || error.kind() == FailureKind.CANCELLED || deadline.expired()) {
                        return CompletableFuture.failedFuture(error);
                    }
                    Duration delay = calls.schedule().interval(tries + 1);
                    ctx.journal().retry("Importing the backup failed (" + error.getMessage() + "); trying again in "
                            + delay.toMillis() + " ms.");
                    return calls.pause(delay, flight).thenCompose(x -> read()).thenCompose(s -> error.errorCode() == null
                            && s.isPresent() ? CompletableFuture.completedFuture(null) : importOnce(tries + 1));
                });
    }
}
