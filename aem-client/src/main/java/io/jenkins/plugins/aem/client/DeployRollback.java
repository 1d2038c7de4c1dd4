package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.DefinitionForms;
import io.jenkins.plugins.aem.client.definition.MergeCheck;
import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Puts a task back as it was before a failed deploy: its definition (identical after normalisation) and its state
 * (running again if it was running). It first reads what the task is now, since a lost answer leaves it unknown; an
 * import of the backup merges, so when the task holds more than the backup it is deleted and the backup imported
 * afresh. A task is never left deleted: the backup's import is tried until the deadline, and in its last part the
 * deploy's own definition, so that at least a task is there. A task the deploy created is deleted again.
 *
 * <p>Its result is the failure to report: {@link FailureKind#DEPLOY_RESTORED}, or {@link FailureKind#DEPLOY_NOT_RESTORED}
 * saying what the task is now and where its backup is. It is not cancelled with the deploy: once started it runs to
 * its end, within the deploy's deadline.
 */
final class DeployRollback {

    /** The last share of a restore's time in which, with the task still missing, the deploy's definition is imported. */
    private static final double FALLBACK_SHARE = 0.25;

    private final DefinitionCalls calls;
    private final DeployJournal journal;
    private final TaskControl control;
    private final ImportCheck check;
    private final InFlight flight;
    private final DeployFacts facts;
    private final PreparedDeploy prepared;
    private final DeployChanges changes;
    private final String backupLocation;
    private final Deadline deadline;
    private final long startNanos = System.nanoTime();
    private volatile Optional<TaskStatus> lastSeen;
    private volatile String definitionNow;
    private final java.util.function.UnaryOperator<String> redact;

    DeployRollback(DefinitionCalls calls, DeployJournal journal, TaskControl control, InFlight flight, DeployFacts facts,
                   PreparedDeploy prepared, DeployChanges changes, String backupLocation, Deadline deadline,
                   java.util.function.UnaryOperator<String> redact) {
        this.redact = redact;
        this.calls = calls;
        this.journal = journal;
        this.control = control;
        this.flight = flight;
        this.check = new ImportCheck(calls, journal, flight);
        this.facts = facts;
        this.prepared = prepared;
        this.changes = changes;
        this.backupLocation = backupLocation;
        this.deadline = deadline;
        this.definitionNow = changes.definitionTouched
                ? "a definition that may be the new one, or a merge of the old and the new" : "its definition before the deploy";
    }

    /** Restores the task; completes with the failure to report, never exceptionally. */
    CompletableFuture<AemException> restore(AemException cause) {
        TaskRef task = calls.task();
        journal.warn("The deploy failed: " + cause.getMessage() + " Restoring " + task + " to what it was.");
        List<String> notes = new ArrayList<>();
        return attempt(0).handle((how, e) -> {
            if (e == null) {
                journal.action("restored " + task);
                List<String> created = createdEndpoints();
                if (!created.isEmpty()) {
                    notes.add("Endpoints the deploy created stay on the server: " + String.join(", ", created) + ".");
                }
                return CompletableFuture.completedFuture(DeployFailures.restored(task, cause, how, notes));
            }
            AemException error = calls.reader().transport(e, "the restore").redacted(redact);
            // One last look, so that the message says what the task is now, not what it was a step ago.
            return read().handle((s, x) -> DeployFailures.notRestored(task, cause, error, now(),
                    facts.taskExists() ? backupLocation : null));
        }).thenCompose(report -> report);
    }

    /**
     * The restore, made again from the start while AEM says it cannot reach the task's server
     * ({@code AEM_SERVER_NOT_CONNECTED}: it did nothing) and time is left: a link that drops for a moment must not end
     * the restore that stands between the user and a broken task. Every step reads the task before it acts, so starting
     * again is safe.
     */
    private CompletableFuture<String> attempt(int tries) {
        return settle().thenCompose(v -> awaitTakenImport()).thenCompose(v -> read())
                .thenCompose(now -> facts.taskExists() ? definition(now).thenCompose(v -> state()) : removeCreated(now))
                .exceptionallyCompose(e -> {
                    AemException error = calls.reader().transport(e, "the restore");
                    if (!AemErrorCode.AEM_SERVER_NOT_CONNECTED.name().equals(error.errorCode()) || deadline.expired()) {
                        return CompletableFuture.failedFuture(error);
                    }
                    Duration delay = calls.schedule().interval(tries + 1);
                    journal.retry("Restoring " + calls.task() + " failed (" + error.getMessage() + "); starting the "
                            + "restore again in " + delay.toMillis() + " ms.");
                    return calls.pause(delay, flight).thenCompose(x -> attempt(tries + 1));
                });
    }

    /**
     * Sees through a StopTask or RunTask of the deploy whose outcome is unknown: until it ends, reading the task tells
     * nothing (a task being stopped reads RUNNING, one being started STOPPED), and a restore that trusted the read would
     * import under a starting task, or call a stopping one running. Stopping the task for sure makes its state known;
     * it was running before the deploy, which was allowed to stop it, and is run again at the end.
     */
    private CompletableFuture<Void> settle() {
        if (!changes.commandInDoubt) {
            return CompletableFuture.completedFuture(null);
        }
        journal.action("stopping " + calls.task() + " before restoring it: the deploy's last StopTask or RunTask may "
                + "still be under way");
        return stop().thenRun(() -> changes.commandInDoubt = false);
    }

    /**
     * Waits until reads show the import AEM took from the deploy, if none has yet. Until then reads show the task as
     * before the import: a restore reading it then would call a task restored that the import is still to change (and
     * what an import added, a backup imported after it cannot merge away), or a task the import creates never created.
     * At most half the restore's time is spent waiting; the restore goes on either way.
     */
    private CompletableFuture<Void> awaitTakenImport() {
        if (!changes.importUnseen || prepared == null) {
            return CompletableFuture.completedFuture(null);
        }
        journal.step("Waiting for AEM to show the import it took before restoring " + calls.task());
        return check.afterImport(prepared.current(), prepared.meant(), true,
                Deadline.after(deadline.remaining().dividedBy(2))).handle((shown, notYet) -> {
                    changes.importUnseen = false;
                    return null;
                });
    }

    /**
     * A StopTask or RunTask of the restore, sent again while AEM cannot be reached, until the deadline: a moment
     * without AEM must not end the restore that stands between the user and a broken task. Sending either again is
     * safe: a task already where the command leads answers so, and that answer counts as done.
     */
    private CompletableFuture<Void> persistently(Supplier<CompletableFuture<Void>> command, int tries) {
        return command.get().handle((v, e) -> e).thenCompose(e -> {
            if (e == null) {
                return CompletableFuture.completedFuture(null);
            }
            AemException error = calls.reader().transport(e, "a command");
            if (error.kind() != FailureKind.UNREACHABLE || deadline.expired()) {
                return CompletableFuture.failedFuture(error);
            }
            Duration delay = calls.schedule().interval(tries + 1);
            journal.retry("Restoring: " + error.getMessage() + " Trying again in " + delay.toMillis() + " ms.");
            return calls.pause(delay, flight).thenCompose(x -> persistently(command, tries + 1));
        });
    }

    private CompletableFuture<Void> stop() {
        return persistently(() -> control.stop(deadline), 0);
    }

    private CompletableFuture<Void> run() {
        return persistently(() -> control.run(RunOption.RESUME_PROCESSING, null, deadline), 0);
    }

    /** What the task is now, as far as the restore saw, for a failure that leaves it to the user. */
    private String now() {
        Optional<TaskStatus> seen = lastSeen;
        String state = seen == null ? "in a state that could not be read"
                : seen.isEmpty() ? "deleted (AEM does not show it)" : seen.get().rawState();
        return seen != null && seen.isEmpty() ? state : state + ", with " + definitionNow;
    }

    private CompletableFuture<Optional<TaskStatus>> read() {
        return calls.status(deadline, flight).thenApply(s -> {
            lastSeen = s;
            return s;
        });
    }

    /** Puts the definition back: nothing to do when it is the backup's and no import or delete was sent. */
    private CompletableFuture<Void> definition(Optional<TaskStatus> now) {
        TaskDefinition backup = DefinitionForms.comparableExport(RestoredBackup.of(facts.backup(), prepared));
        if (now.isEmpty()) {
            return importBackup().thenCompose(v -> verify(backup, false));
        }
        return calls.export(true, deadline, flight).thenCompose(exported -> {
            if (exported.isEmpty()) {
                lastSeen = Optional.empty();
                return importBackup().thenCompose(v -> verify(backup, false));
            }
            MergeCheck state = MergeCheck.restored(backup, DefinitionForms.comparableExport(exported.get()));
            if (state.exact() && !changes.definitionTouched) {
                definitionNow = "its definition before the deploy";
                return CompletableFuture.completedFuture(null);
            }
            // Re-imported even when it looks right: an import whose answer was lost may still land.
            CompletableFuture<Void> stopped = ensureStopped(now.get());
            return state.leftovers().isEmpty()
                    ? stopped.thenCompose(v -> importBackup()).thenCompose(v -> verify(backup, true))
                    : stopped.thenCompose(v -> deleteThenImport()).thenCompose(v -> verify(backup, false));
        });
    }

    private CompletableFuture<Void> verify(TaskDefinition backup, boolean mayRetryAfresh) {
        return check.restored(backup, deadline).thenCompose(result -> {
            if (result.exact()) {
                definitionNow = "its definition before the deploy";
                journal.action("checked " + calls.task() + ": its definition is as before the deploy");
                return CompletableFuture.completedFuture(null);
            }
            if (!mayRetryAfresh) {
                return CompletableFuture.failedFuture(AemException.of(FailureKind.AEM_ERROR, "after importing the backup "
                        + "the task still has what the deploy added: " + MergeCheck.describe(result.leftovers(), 8) + ".").build());
            }
            journal.step("Importing the backup merged it: the task still has " + MergeCheck.describe(result.leftovers(), 3)
                    + "; deleting it and importing the backup afresh");
            return deleteThenImport().thenCompose(v -> verify(backup, false));
        });
    }

    private CompletableFuture<Void> deleteThenImport() {
        definitionNow = "a definition that may be the new one, or a merge of the old and the new";
        return calls.deleteTask(deadline, flight).handle((v, e) -> e)
                .thenCompose(e -> {
                    if (e == null) {
                        journal.action("deleted the task to import its backup afresh");
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
        return calls.importTask(body, fallback ? "the deploy's definition, as the backup would not import" : "the backup",
                        deadline, flight)
                .handle((v, e) -> e)
                .thenCompose(e -> {
                    if (e == null) {
                        if (fallback) {
                            definitionNow = "the deploy's new definition (the backup would not import)";
                            return CompletableFuture.failedFuture(AemException.of(FailureKind.AEM_ERROR, "AEM did not take "
                                    + "the backup before the deadline, so the deploy's own definition was imported to keep "
                                    + "the task from staying deleted.").build());
                        }
                        journal.action("imported the backup");
                        return CompletableFuture.completedFuture(null);
                    }
                    AemException error = calls.reader().transport(e, "ImportTask");
                    if (error.refusedForRole() || error.kind() == FailureKind.CANCELLED || deadline.expired()) {
                        return CompletableFuture.failedFuture(error);
                    }
                    Duration delay = calls.schedule().interval(tries + 1);
                    journal.retry("Importing the backup failed (" + error.getMessage() + "); trying again in "
                            + delay.toMillis() + " ms.");
                    return calls.pause(delay, flight).thenCompose(x -> read()).thenCompose(s -> error.errorCode() == null
                            && s.isPresent() ? CompletableFuture.completedFuture(null) : importOnce(tries + 1));
                });
    }

    /** Brings the task's state back: running if it was, stopped if it was. */
    private CompletableFuture<String> state() {
        boolean wasRunning = facts.status() != null && !TaskControl.stopped(facts.status());
        return read().thenCompose(s -> {
            if (s.isEmpty()) {
                return CompletableFuture.failedFuture(AemException.of(FailureKind.AEM_ERROR, "the task is missing after "
                        + "its backup was imported.").build());
            }
            if (wasRunning && s.get().state() != TaskState.RUNNING) {
                journal.action("running " + calls.task() + " again (RESUME_PROCESSING), as it was running before the deploy");
                return run().thenApply(v -> DeployFailures.restoredAs("RUNNING", true));
            }
            if (!wasRunning && !TaskControl.stopped(s.get())) {
                journal.action("stopping " + calls.task() + ", as it was stopped before the deploy");
                return stop().thenApply(v -> DeployFailures.restoredAs("STOPPED", false));
            }
            return CompletableFuture.completedFuture(DeployFailures.restoredAs(s.get().rawState(), false));
        });
    }

    private CompletableFuture<Void> ensureStopped(TaskStatus now) {
        if (TaskControl.stopped(now)) {
            return CompletableFuture.completedFuture(null);
        }
        journal.action("stopping " + calls.task() + " to import its backup");
        return stop();
    }

    /** Deletes the task a failed deploy created. */
    private CompletableFuture<String> removeCreated(Optional<TaskStatus> now) {
        if (now.isEmpty()) {
            return CompletableFuture.completedFuture(DeployFailures.NOT_CREATED);
        }
        return ensureStopped(now.get())
                .thenCompose(v -> calls.deleteTask(deadline, flight).handle((x, e) -> e))
                .thenCompose(e -> read().thenCompose(s -> {
                    if (s.isEmpty()) {
                        journal.action("deleted the task the deploy created");
                        return CompletableFuture.completedFuture(DeployFailures.CREATED_REMOVED);
                    }
                    return CompletableFuture.failedFuture(e != null ? calls.reader().transport(e, "DeleteTask")
                            : AemException.of(FailureKind.AEM_ERROR, "the task the deploy created is still there after DeleteTask.").build());
                }));
    }

    /** The endpoints the deploy created: known only when AEM took its import and listed the endpoints before. */
    private List<String> createdEndpoints() {
        if (prepared == null || !changes.importTaken || !facts.existing().complete()) {
            return List.of();
        }
        List<String> created = new ArrayList<>();
        prepared.plan().changes().forEach(c -> {
            if (c.kind() == io.jenkins.plugins.aem.client.definition.PlanChange.Kind.CREATE_ENDPOINT) {
                created.add(c.line().replaceFirst("^create endpoint '([^']*)'.*$", "$1"));
            }
        });
        return created;
    }
}
