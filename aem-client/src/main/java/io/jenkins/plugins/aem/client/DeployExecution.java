package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.CanonicalForm;
import io.jenkins.plugins.aem.client.definition.DefinitionForms;
import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import io.jenkins.plugins.aem.client.definition.MergeCheck;
import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One deploy, from reading the target to running the task again: the steps forward, in order, each a callback.
 * Nothing is changed before the plan is made and the backup kept; a failure before any change is reported as it is,
 * one after a change hands over to {@link DeployRollback}. Cancelling {@link #result} stops every further request of
 * the steps forward: before any change the future is cancelled at once; after one, the task is restored first and the
 * future then fails with the restore's report (so an aborted build or Ctrl-C never leaves a task stopped or deleted).
 */
final class DeployExecution {

    /** How far past the deadline a hung request may run before the deploy ends regardless. */
    private static final Duration OVERRUN = Duration.ofSeconds(4);

    final CompletableFuture<DeployOutcome> result = new Cancellable();

    private final DeployRequest request;
    private final TaskRef task;
    private final DeployClock clock;
    private final DeployJournal journal;
    private final DefinitionCalls calls;
    private final InFlight flight = new InFlight();
    private final TaskControl control;
    private final AemClient client;
    private final String user;
    private final DeployContext context;
    private final DeployChanges changes = new DeployChanges();
    private volatile DeployFacts facts;
    private volatile PreparedDeploy prepared;
    private volatile String backupLocation;
    /** The location and how to restore from it, as a failure names them. */
    private volatile String backupWhere;
    private volatile boolean restarted;
    private volatile boolean cancelled;

    DeployExecution(DeployRequest request, Connection connection, ScheduledExecutorService scheduler, PollSchedule schedule,
                    ProgressListener listener, AemClient client, DeployContext context) {
        this.request = request;
        this.context = context;
        this.task = request.task();
        this.clock = DeployClock.start(request.timeout());
        this.journal = new DeployJournal(listener, clock.total(), task);
        this.calls = new DefinitionCalls(connection, scheduler, schedule, journal, task);
        this.client = client;
        this.control = new TaskControl(client, task, journal, flight, connection.api().reader());
        this.user = connection.settings().credentials().username();
        var watchdog = scheduler.schedule(this::overrun, clock.total().remaining().plus(OVERRUN).toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> watchdog.cancel(false));
    }

    /** Starts the deploy; {@link #result} tells how it ended. */
    void start() {
        TaskDefinition desired;
        try {
            journal.step("Deploying to " + task + (request.dryRun() ? " (dry run: nothing is changed)" : ""));
            desired = PreparedDeploy.desired(request, journal);
        } catch (AemException invalid) {
            result.completeExceptionally(invalid);
            return;
        }
        context.facts(calls, clock.forward(), flight, journal)
                .thenApply(read -> {
                    facts = read;
                    prepared = PreparedDeploy.prepare(request, desired, read, journal);
                    context.checkPlan(task, prepared.plan());
                    journal.step("Plan for " + task + ":");
                    prepared.plan().lines().forEach(line -> journal.step("  " + line));
                    journal.fact(new ProgressFact.DeployPlanned(task, prepared.plan()));
                    return prepared;
                })
                .thenCompose(p -> decide())
                .whenComplete(this::finish);
    }

    private void keepBackup() {
        if (facts.backup() == null || request.backupSink() == null) {
            if (facts.backup() != null) {
                journal.warn("No place was given for the backup: it is kept in memory for a restore only.");
            }
            return;
        }
        DeployBackup backup = new DeployBackup(task, CanonicalForm.text(DefinitionForms.portable(facts.backup())),
                CanonicalForm.text(DefinitionForms.restorable(facts.backup())));
        try {
            String kept = request.backupSink().keep(backup);
            backupLocation = kept;
            backupWhere = kept == null ? null : kept + ": " + request.backupSink().howToRestore();
        } catch (Exception e) {
            throw DeployFailures.backupNotKept(task, e);
        }
        journal.step("Backup of " + task + (backupLocation == null ? " kept" : ": " + backupLocation));
    }

    private CompletableFuture<DeployOutcome> decide() {
        if (request.dryRun()) {
            return done(DeployOutcome.Result.DRY_RUN);
        }
        if (prepared.plan().noChange()) {
            journal.step("Nothing to change: no import is sent");
            return done(DeployOutcome.Result.NO_CHANGE);
        }
        java.util.Optional.ofNullable(prepared.refusal(request, facts)).ifPresent(refused -> { throw refused; });
        boolean running = facts.running();
        // Kept only now that the deploy will change the task, and before it does.
        keepBackup();
        boolean afresh = request.replace() && prepared.plan().removes() && facts.taskExists();
        return stopFirst(running)
                .thenCompose(v -> afresh ? delete() : CompletableFuture.completedFuture(null))
                .thenCompose(v -> importAndCheck(afresh))
                .thenCompose(v -> runAgain(running))
                .thenCompose(v -> done(DeployOutcome.Result.DEPLOYED));
    }

    private CompletableFuture<Void> stopFirst(boolean running) {
        if (!running) {
            return CompletableFuture.completedFuture(null);
        }
        changes.touched = true;
        changes.stoppedIt = true;
        journal.step("Stopping " + task + " for the deploy (it is " + facts.status().rawState() + ")");
        return noteDoubt(control.stop(clock.forward())).thenRun(() -> journal.action("stopped " + task));
    }

    /** Notes, as a StopTask or RunTask of the deploy leaves and ends, whether AEM may still be carrying it out. */
    private CompletableFuture<Void> noteDoubt(CompletableFuture<Void> command) {
        changes.commandInDoubt = true;
        return command.whenComplete((v, e) -> changes.commandInDoubt = e != null && mayStillHappen(e));
    }

    /** Unless AEM refused the command (and a *_TIMEOUT code is no refusal), it may still be carried out. */
    private boolean mayStillHappen(Throwable e) {
        String code = calls.reader().transport(e, "a command").errorCode();
        return code == null || code.endsWith("_TIMEOUT");
    }

    /** Deletes the task to import it afresh; a lost answer is settled by reading the task. */
    private CompletableFuture<Void> delete() {
        changes.touched = true;
        changes.definitionTouched = true;
        changes.importUnseen = false;
        return calls.deleteTask(clock.forward(), flight).handle((v, e) -> e).thenCompose(e -> {
            if (e == null) {
                journal.action("deleted " + task + " to import it afresh (replace)");
                return CompletableFuture.completedFuture(null);
            }
            AemException error = calls.reader().transport(e, "DeleteTask");
            if (error.errorCode() != null || error.kind() == FailureKind.CANCELLED) {
                return CompletableFuture.failedFuture(error);
            }
            journal.warn("DeleteTask's answer was lost (" + error.getMessage() + "); reading the task to see whether it was deleted.");
            return calls.status(clock.forward(), flight).thenCompose(s -> s.isEmpty()
                    ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.failedFuture(AemException.of(FailureKind.UNREACHABLE, "DeleteTask's answer was "
                    + "lost and the task is still there.").build()));
        });
    }

    private CompletableFuture<Void> importAndCheck(boolean afresh) {
        boolean wasTouched = changes.touched;
        changes.touched = true;
        changes.definitionTouched = true;
        TaskDefinition before = afresh ? null : prepared.current();
        return calls.importTask(prepared.wire(), "the file", clock.forward(), flight).handle((v, e) -> e).thenCompose(e -> {
            if (e != null) {
                AemException error = calls.reader().transport(e, "ImportTask");
                if (error.errorCode() != null) {
                    // AEM's refusal is its word that nothing was imported.
                    changes.touched = wasTouched;
                    changes.definitionTouched = afresh;
                    return CompletableFuture.failedFuture(DeployFailures.importRefused(task, error, user));
                }
                if (error.kind() == FailureKind.CANCELLED) {
                    return CompletableFuture.failedFuture(error);
                }
                journal.warn("ImportTask's answer was lost (" + error.getMessage() + "); reading the task back to see whether it was imported.");
            } else {
                changes.importTaken = true;
                changes.importUnseen = true;
                journal.action("imported the definition into " + task);
            }
            return new ImportCheck(calls, journal, flight).afterImport(before, prepared.meant(), e == null, clock.forward())
                    .exceptionallyCompose(x -> {
                        AemException error = calls.reader().transport(x, "ExportTask");
                        boolean role = error.refusedForRole()
                                || AemErrorCode.AEM_EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT.name().equals(error.errorCode());
                        return CompletableFuture.failedFuture(role ? DeployFailures.cannotCheck(error) : error);
                    });
        }).thenCompose(check -> {
            changes.importUnseen = false;
            check.endpointLeftovers().forEach(d -> journal.warn("Endpoint '" + d.endpoint() + "' keeps " + d.path()
                    + ", which the file removed: an import cannot remove an endpoint's setting; remove it in AEM if it matters."));
            if (check.leftovers().isEmpty()) {
                journal.action("checked " + task + ": it matches the file");
                return CompletableFuture.completedFuture(null);
            }
            if (!request.replace() || !facts.taskExists() || afresh) {
                return CompletableFuture.failedFuture(DeployFailures.leftovers(check.leftovers()));
            }
            journal.step("The import merged: the task still has " + MergeCheck.describe(check.leftovers(), 3)
                    + "; deleting it and importing afresh (replace)");
            return delete().thenCompose(v -> importAndCheck(true));
        });
    }

    private CompletableFuture<Void> runAgain(boolean wasRunning) {
        if (!wasRunning) {
            return CompletableFuture.completedFuture(null);
        }
        journal.step("Running " + task + " again with " + request.runOption());
        return noteDoubt(control.run(request.runOption(), request.cdcPosition(), clock.forward())).thenRun(() -> {
            restarted = true;
            journal.action("ran " + task + " again (" + request.runOption() + ")");
        });
    }

    private CompletableFuture<DeployOutcome> done(DeployOutcome.Result how) {
        return CompletableFuture.completedFuture(new DeployOutcome(task, how, prepared.plan(), journal.actions(), restarted,
                journal.warnings(), backupLocation, clock.total().elapsed()));
    }

    private void finish(DeployOutcome outcome, Throwable e) {
        if (e == null) {
            journal.step(switch (outcome.result()) {
                case DEPLOYED -> "Deployed " + task + " in " + outcome.elapsed().toSeconds() + " s";
                case NO_CHANGE -> task + " already matches the file";
                case DRY_RUN -> "Dry run: nothing was changed";
            });
            result.complete(outcome);
            return;
        }
        // AEM's own words about a request that carried secrets could quote one: they never leave here unscrubbed.
        AemException error = (cancelled ? DefinitionCalls.cancelled() : calls.reader().transport(e, "the deploy"))
                .redacted(text -> EndpointSecret.redact(text, request.secrets().values()));
        if (!changes.touched) {
            result.completeExceptionally(error.withContext(task, null, null, clock.total().elapsed()));
            return;
        }
        rollback(clock.total()).restore(error).thenAccept(report -> result.completeExceptionally(
                report.withContext(task, null, null, clock.total().elapsed())));
    }

    /** Puts the task back after this deploy succeeded (an atomic release undoes its tasks when one fails): the report. */
    CompletableFuture<AemException> undo(AemException cause, Duration timeout) {
        return rollback(Deadline.after(timeout)).restore(cause).thenApply(r -> r.withContext(task, null, null, null));
    }

    private DeployRollback rollback(Deadline deadline) {
        return new DeployRollback(calls, journal, new TaskControl(client, task, journal, new InFlight(), calls.reader()),
                new InFlight(), facts, prepared, changes, backupWhere, deadline,
                text -> EndpointSecret.redact(text, request.secrets().values()));
    }

    /** A deploy's future: cancelling it after the task was changed restores the task before it completes. */
    private final class Cancellable extends CompletableFuture<DeployOutcome> {
        @Override
        public boolean cancel(boolean mayInterrupt) {
            if (isDone()) {
                return false;
            }
            cancelled = true;
            // Nothing more leaves before the task's state is looked at: a step marks the task changed before it checks
            // for a cancel and sends, so either it sees this cancel and sends nothing, or this sees the task changed.
            flight.refuseFurther();
            if (!changes.touched) {
                // Cancelled first: stopping what is in flight runs the deploy's failure handling at once, on this thread.
                boolean done = super.cancel(mayInterrupt);
                flight.cancel();
                return done;
            }
            journal.warn("The deploy was cancelled after it changed " + task + ": restoring the task first.");
            flight.cancel();
            return true;
        }
    }

    /** The deadline passed and a request still hangs: the deploy ends, saying what is known. */
    private void overrun() {
        if (result.isDone()) {
            return;
        }
        flight.cancel();
        AemException late = AemException.of(FailureKind.TIMED_OUT, "The deploy did not finish within its "
                + request.timeout().toSeconds() + " s.").build();
        result.completeExceptionally(changes.touched
                ? DeployFailures.notRestored(task, late, AemException.of(FailureKind.TIMED_OUT, "it ran out of time.").build(),
                "in a state that could not be read", backupWhere)
                : late);
    }
}
