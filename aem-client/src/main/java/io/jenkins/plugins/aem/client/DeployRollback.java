package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.DeployCheckpoint.Action;
import io.jenkins.plugins.aem.client.definition.PlanChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Puts a task back as it was before a failed deploy: its definition and its endpoints' secrets
 * ({@link BackupRestore}), its state (running again if it was running), and the other tasks the deploy stopped to
 * restart them (running again). It first reads what the task is now, since a lost answer leaves it unknown. A task the
 * deploy created is deleted again. Each change it sends is checkpointed, as the deploy's are.
 *
 * <p>Its result is the failure to report: {@link FailureKind#DEPLOY_RESTORED}, or {@link FailureKind#DEPLOY_NOT_RESTORED}
 * saying what the task is now and where its backup is. It is not cancelled with the deploy: once started it runs to
 * its end, within the deploy's deadline.
 */
final class DeployRollback {

    private final DeployContext ctx;
    private final TaskControl control;
    private final InFlight flight;
    private final DeployFacts facts;
    private final PreparedDeploy prepared;
    private final String backupLocation;
    private final Deadline deadline;
    private final ImportCheck check;
    private final BackupRestore definition;

    DeployRollback(DeployContext ctx, TaskControl control, InFlight flight, DeployFacts facts, PreparedDeploy prepared,
                   String backupLocation) {
        this.ctx = ctx;
        this.control = control;
        this.flight = flight;
        this.facts = facts;
        this.prepared = prepared;
        this.backupLocation = backupLocation;
        this.deadline = ctx.clock().total();
        this.check = new ImportCheck(ctx.calls(), ctx.journal(), flight);
        this.definition = new BackupRestore(ctx, flight, facts, prepared, this::ensureStopped);
    }

    /** Restores the task; completes with the failure to report, never exceptionally. */
    CompletableFuture<AemException> restore(AemException cause) {
        TaskRef task = ctx.task();
        ctx.journal().warn("The deploy failed: " + cause.getMessage() + " Restoring " + task + " to what it was.");
        List<String> notes = new ArrayList<>();
        return attempt(0).thenCompose(how -> others().thenApply(v -> how)).handle((how, e) -> {
            if (e == null) {
                ctx.journal().action("restored " + task);
                List<String> created = createdEndpoints();
                if (!created.isEmpty()) {
                    notes.add("Endpoints the deploy created stay on the server: " + String.join(", ", created) + ".");
                }
                return CompletableFuture.completedFuture(DeployFailures.restored(task, cause, how, notes));
            }
            AemException error = ctx.calls().reader().transport(e, "the restore").redacted(ctx::redact);
            // One last look, so that the message says what the task is now, not what it was a step ago.
            return definition.read().handle((s, x) -> DeployFailures.notRestored(task, cause, error, definition.now(),
                    facts.taskExists(), backupLocation));
        }).thenCompose(report -> report);
    }

    /**
     * The restore, made again from the start while AEM says it cannot reach the task's server
     * ({@code AEM_SERVER_NOT_CONNECTED}: it did nothing) and time is left: a link that drops for a moment must not end
     * the restore that stands between the user and a broken task. Every step reads the task before it acts, so starting
     * again is safe.
     */
    private CompletableFuture<String> attempt(int tries) {
        return settle().thenCompose(v -> awaitTakenImport()).thenCompose(v -> definition.read())
                .thenCompose(now -> facts.taskExists() ? definition.definition(now).thenCompose(v -> state()) : removeCreated(now))
                .exceptionallyCompose(e -> {
                    AemException error = ctx.calls().reader().transport(e, "the restore");
                    if (!AemErrorCode.AEM_SERVER_NOT_CONNECTED.name().equals(error.errorCode()) || deadline.expired()) {
                        return CompletableFuture.failedFuture(error);
                    }
                    Duration delay = ctx.calls().schedule().interval(tries + 1);
                    ctx.journal().retry("Restoring " + ctx.task() + " failed (" + error.getMessage() + "); starting the "
                            + "restore again in " + delay.toMillis() + " ms.");
                    return ctx.calls().pause(delay, flight).thenCompose(x -> attempt(tries + 1));
                });
    }

    /**
     * Sees through a StopTask or RunTask of the deploy whose outcome is unknown: until it ends, reading the task tells
     * nothing (a task being stopped reads RUNNING, one being started STOPPED), and a restore that trusted the read would
     * import under a starting task, or call a stopping one running. Stopping the task for sure makes its state known;
     * it was running before the deploy, which was allowed to stop it, and is run again at the end.
     */
    private CompletableFuture<Void> settle() {
        if (!ctx.changes().commandInDoubt) {
            return CompletableFuture.completedFuture(null);
        }
        ctx.journal().action("stopping " + ctx.task() + " before restoring it: the deploy's last StopTask or RunTask may "
                + "still be under way");
        return stop().thenRun(() -> ctx.changes().commandInDoubt = false);
    }

    /**
     * Waits until reads show the import AEM took from the deploy, if none has yet. Until then reads show the task as
     * before the import: a restore reading it then would call a task restored that the import is still to change (and
     * what an import added, a backup imported after it cannot merge away), or a task the import creates never created.
     * At most half the restore's time is spent waiting; the restore goes on either way.
     */
    private CompletableFuture<Void> awaitTakenImport() {
        if (!ctx.changes().importUnseen || prepared == null) {
            return CompletableFuture.completedFuture(null);
        }
        ctx.journal().step("Waiting for AEM to show the import it took before restoring " + ctx.task());
        return check.afterImport(prepared.current(), prepared.meant(), true,
                Deadline.after(deadline.remaining().dividedBy(2))).handle((shown, notYet) -> {
                    ctx.changes().importUnseen = false;
                    return null;
                });
    }

    /**
     * A StopTask or RunTask of the restore, sent again while AEM cannot be reached, until the deadline: a moment
     * without AEM must not end the restore that stands between the user and a broken task. Sending either again is
     * safe: a task already where the command leads answers so, and that answer counts as done.
     */
    private CompletableFuture<Void> persistently(Action action, String target, Supplier<CompletableFuture<Void>> command,
                                                 int tries) {
        return ctx.ledger().change(action, target, ctx.calls().reader(), command).handle((v, e) -> e).thenCompose(e -> {
            if (e == null) {
                return CompletableFuture.completedFuture(null);
            }
            AemException error = ctx.calls().reader().transport(e, "a command");
            if (error.kind() != FailureKind.UNREACHABLE || deadline.expired()) {
                return CompletableFuture.failedFuture(error);
            }
            Duration delay = ctx.calls().schedule().interval(tries + 1);
            ctx.journal().retry("Restoring: " + error.getMessage() + " Trying again in " + delay.toMillis() + " ms.");
            return ctx.calls().pause(delay, flight).thenCompose(x -> persistently(action, target, command, tries + 1));
        });
    }

    private CompletableFuture<Void> stop() {
        return persistently(Action.STOP, ctx.task().task(), () -> control.stop(deadline), 0);
    }

    private CompletableFuture<Void> run() {
        return persistently(Action.RUN, ctx.task().task(), () -> control.run(RunOption.RESUME_PROCESSING, null, deadline), 0);
    }

    /** Brings the task's state back: running if it was, stopped if it was. */
    private CompletableFuture<String> state() {
        boolean wasRunning = facts.wasRunning();
        return definition.read().thenCompose(s -> {
            if (s.isEmpty()) {
                return CompletableFuture.failedFuture(AemException.of(FailureKind.AEM_ERROR, "the task is missing after "
                        + "its backup was imported.").build());
            }
            if (wasRunning && s.get().state() != TaskState.RUNNING) {
                ctx.journal().action("running " + ctx.task() + " again (RESUME_PROCESSING), as it was running before the deploy");
                return run().thenApply(v -> DeployFailures.restoredAs("RUNNING", true));
            }
            if (!wasRunning && !TaskControl.stopped(s.get())) {
                ctx.journal().action("stopping " + ctx.task() + ", as it was stopped before the deploy");
                return stop().thenApply(v -> DeployFailures.restoredAs("STOPPED", false));
            }
            return CompletableFuture.completedFuture(DeployFailures.restoredAs(s.get().rawState(), false));
        });
    }

    /**
     * Runs again the other tasks the deploy stopped to restart them (with the old secret, now back): they were
     * running before the deploy.
     */
    private CompletableFuture<Void> others() {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String name : List.copyOf(ctx.changes().stoppedOthers)) {
            TaskControl other = new TaskControl(ctx.client(), new TaskRef(ctx.task().server(), name), ctx.journal(),
                    flight, ctx.calls().reader());
            chain = chain.thenCompose(v -> {
                ctx.journal().action("running task '" + name + "' again (RESUME_PROCESSING), as it was running before the deploy");
                return persistently(Action.RUN, name, () -> other.run(RunOption.RESUME_PROCESSING, null, deadline), 0)
                        .thenRun(() -> ctx.changes().stoppedOthers.remove(name));
            });
        }
        return chain;
    }

    private CompletableFuture<Void> ensureStopped(TaskStatus now) {
        if (TaskControl.stopped(now)) {
            return CompletableFuture.completedFuture(null);
        }
        ctx.journal().action("stopping " + ctx.task() + " to import its backup");
        return stop();
    }

    /** Deletes the task a failed deploy created. */
    private CompletableFuture<String> removeCreated(Optional<TaskStatus> now) {
        if (now.isEmpty()) {
            return CompletableFuture.completedFuture(DeployFailures.NOT_CREATED);
        }
        DefinitionCalls calls = ctx.calls();
        return ensureStopped(now.get())
                .thenCompose(v -> ctx.ledger().change(Action.DELETE, ctx.task().task(), calls.reader(),
                        () -> calls.deleteTask(deadline, flight)).handle((x, e) -> e))
                .thenCompose(e -> definition.read().thenCompose(s -> {
                    if (s.isEmpty()) {
                        ctx.journal().action("deleted the task the deploy created");
                        return CompletableFuture.completedFuture(DeployFailures.CREATED_REMOVED);
                    }
                    return CompletableFuture.failedFuture(e != null ? calls.reader().transport(e, "DeleteTask")
                            : AemException.of(FailureKind.AEM_ERROR, "the task the deploy created is still there after DeleteTask.").build());
                }));
    }

    /** The endpoints the deploy created: known only when AEM took its import and listed the endpoints before. */
    private List<String> createdEndpoints() {
        if (prepared == null || !ctx.changes().importTaken || !facts.existing().complete()) {
            return List.of();
        }
        List<String> created = new ArrayList<>();
        prepared.plan().changes().forEach(c -> {
            if (c.kind() == PlanChange.Kind.CREATE_ENDPOINT) {
                created.add(c.line().replaceFirst("^create endpoint '([^']*)'.*$", "$1"));
            }
        });
        return created;
    }
}
