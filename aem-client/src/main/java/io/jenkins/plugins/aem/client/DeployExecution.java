package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.DeployCheckpoint.End;
import io.jenkins.plugins.aem.client.DeployCheckpoint.Stage;
import io.jenkins.plugins.aem.client.definition.CanonicalForm;
import io.jenkins.plugins.aem.client.definition.DefinitionForms;
import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One deploy, from reading the target to running the task again: the steps in order, each a callback. Nothing is
 * changed before the plan is made and the backup kept; a failure before any change is reported as it is, one after a
 * change hands over to {@link DeployRollback}. The changes themselves are {@link DeployForward}'s, the rotation's
 * {@link SecretRotation}'s and the endpoint test {@link EndpointTests}'. Cancelling {@link #result} stops every further
 * request of the steps forward: before any change the future is cancelled at once; after one, the task is restored
 * first and the future then fails with the restore's report (so an aborted build or Ctrl-C never leaves a task
 * stopped or deleted). {@link DeployResumption} drives the same steps for a deploy taken up after an interruption.
 */
final class DeployExecution {

    /** How far past the deadline a hung request may run before the deploy ends regardless. */
    private static final Duration OVERRUN = Duration.ofSeconds(4);

    final DeployResult result = new Cancellable();

    private final DeployRequest request;
    private final TaskRef task;
    private final DeployContext ctx;
    private final ReleaseSlot slot;
    private final SecretRotation rotation;
    /** What the deploy read before it changed anything: what a restore puts back. */
    private volatile DeployFacts facts;
    private volatile PreparedDeploy prepared;
    private volatile DeployForward forward;
    private volatile List<String> toRestart = List.of();
    /** The tasks to restart, as a resumed deploy knows them from its checkpoint; {@code null} to find them. */
    private volatile List<String> restartOnly;
    private volatile List<String> tested = List.of();
    private volatile String backupLocation;
    /** The location and how to restore from it, as a failure names them. */
    private volatile String backupWhere;
    private volatile String resumed;
    private volatile boolean cancelled;
    /** Whether a restore of this deploy undoes a deploy that had finished ({@link #undoing()}). */
    private volatile boolean undone;

    DeployExecution(DeployRequest request, Connection connection, ScheduledExecutorService scheduler, PollSchedule schedule,
                    ProgressListener listener, AemClient client, ReleaseSlot slot, DeployCheckpoint start) {
        this.request = request;
        this.task = request.task();
        this.slot = slot;
        DeployClock clock = DeployClock.start(request.timeout());
        DeployJournal journal = new DeployJournal(listener, clock.total(), task);
        DefinitionCalls calls = new DefinitionCalls(connection, scheduler, schedule, journal, task);
        InFlight flight = new InFlight();
        this.ctx = new DeployContext(request, clock, journal, calls, flight,
                new TaskControl(client, task, journal, flight, connection.api().reader()), new DeployChanges(),
                new DeployLedger(request.checkpoints(), journal, start), client, connection.settings().credentials().username());
        this.rotation = new SecretRotation(ctx);
        var watchdog = scheduler.schedule(this::overrun, clock.total().remaining().plus(OVERRUN).toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> watchdog.cancel(false));
        result.telling(ctx); // a set's page gives each task's row the time its own deploy took
    }

    /** The checkpoint a fresh deploy starts from: nothing sent yet. */
    static DeployCheckpoint fresh(TaskRef task) {
        return new DeployCheckpoint(task.server(), task.task(), Stage.FORWARD, null, List.of(), List.of(), List.of(), List.of());
    }

    DeployContext context() {
        return ctx;
    }

    /** Starts the deploy; {@link #result} tells how it ended. */
    void start() {
        TaskDefinition desired = desired();
        if (desired == null) {
            return;
        }
        slot.facts(ctx.calls(), ctx.clock().forward(), ctx.flight(), ctx.journal())
                .thenCompose(read -> {
                    ctx.ledger().begin(read.status() == null ? null : read.status().rawState());
                    return prepare(desired, read, read);
                })
                .thenCompose(p -> decide(facts.wasRunning(), facts.status()))
                .whenComplete(this::finish);
    }

    /** The file as the target is to have it, or {@code null} when it is refused (the result then says why). */
    TaskDefinition desired() {
        try {
            ctx.journal().step("Deploying to " + task + (request.dryRun() ? " (dry run: nothing is changed)" : ""));
            return PreparedDeploy.desired(request, ctx.journal());
        } catch (AemException invalid) {
            result.completeExceptionally(invalid);
            return null;
        }
    }

    /**
     * Works the deploy out against the task as it is {@code now}, says the plan, and keeps {@code before}, what a
     * restore puts back (the same for a fresh deploy).
     */
    CompletableFuture<PreparedDeploy> prepare(TaskDefinition desired, DeployFacts before, DeployFacts now) {
        facts = before;
        PreparedDeploy p = PreparedDeploy.prepare(request, desired, now, ctx.journal());
        return slot.users(ctx.calls(), p.rotated(), ctx.clock().forward(), ctx.flight()).thenApply(users -> {
            toRestart = restartOnly != null ? restartOnly : users.toRestart(request);
            prepared = p.withUsers(users, request);
            slot.checkPlan(task, prepared.plan());
            forward = new DeployForward(ctx, prepared, now.taskExists());
            ctx.ledger().planned(List.copyOf(prepared.written()), List.copyOf(prepared.rotated()), toRestart);
            ctx.journal().step("Plan for " + task + ":");
            prepared.plan().lines().forEach(line -> ctx.journal().step("  " + line));
            ctx.journal().fact(new ProgressFact.DeployPlanned(task, prepared.plan()));
            return prepared;
        });
    }

    /**
     * Decides from the plan and goes forward: stop, delete (replace), import or patch, then {@link #afterChanges}.
     *
     * @param wasRunning whether the task was running before the deploy (it is then run again)
     * @param now        the task's status now, or {@code null} when it does not exist
     */
    CompletableFuture<DeployOutcome> decide(boolean wasRunning, TaskStatus now) {
        if (request.dryRun()) {
            return done(DeployOutcome.Result.DRY_RUN);
        }
        if (prepared.plan().noChange()) {
            ctx.journal().step("Nothing to change: no import is sent");
            // Only a resumed deploy can find its task stopped by the deploy itself, with nothing left to change.
            boolean stoppedByDeploy = wasRunning && (now == null || TaskControl.stopped(now));
            return forward.runAgain(stoppedByDeploy).thenCompose(v -> done(DeployOutcome.Result.NO_CHANGE));
        }
        java.util.Optional.ofNullable(prepared.refusal(request, now)).ifPresent(refused -> { throw refused; });
        boolean imports = prepared.plan().importsDefinition();
        boolean running = now != null && !TaskControl.stopped(now);
        // Kept only now that the deploy will change the task, and before it does.
        keepBackup();
        boolean afresh = request.replace() && prepared.plan().removes() && now != null;
        return forward.stopFirst(running, running ? now.rawState() : null)
                .thenCompose(v -> afresh ? forward.delete() : CompletableFuture.completedFuture(null))
                .thenCompose(v -> imports ? forward.importAndCheck(afresh) : rotation.patch(prepared.patches()))
                .thenCompose(v -> afterChanges(wasRunning));
    }

    /** Once the definition or the secrets are in place: test the endpoints, run the task again, restart the others. */
    CompletableFuture<DeployOutcome> afterChanges(boolean wasRunning) {
        return new EndpointTests(ctx).test(prepared.toTest()).thenAccept(t -> tested = t)
                .thenCompose(v -> forward.runAgain(wasRunning))
                .thenCompose(v -> rotation.restart(toRestart))
                .thenCompose(v -> done(DeployOutcome.Result.DEPLOYED));
    }

    PreparedDeploy prepared() {
        return prepared;
    }

    DeployForward forward() {
        return forward;
    }

    /** Whether the deploy hands out checkpoints, so that it can be taken up after its process stops. */
    boolean resumable() {
        return request.checkpoints() != null;
    }

    /**
     * Its process stops (the pool closes): the deploy stops where it is, undoing nothing, for a resume to take it up. No
     * change leaves from now on, what is in flight is dropped, and no further checkpoint is kept.
     */
    void suspend() {
        ctx.ledger().freeze();
        ctx.flight().cancel();
        ctx.journal().warn("The deploy to " + task + " stops where it is: the AEM client was closed. Its last checkpoint "
                + "says where, for a resume.");
        result.completeExceptionally(DeployLedger.suspended());
    }

    /** Says in the outcome how the deploy was taken up after an interruption, and where its backup is kept. */
    void resumedAs(String how, String location) {
        resumed = how;
        backupLocation = location;
        backupWhere = location == null ? null : request.backupSink() == null ? location
                : location + ": " + request.backupSink().howToRestore();
    }

    /** How the deploy was taken up after an interruption, or {@code null}: said also when it fails. */
    String resumedHow() {
        return resumed;
    }

    /** The other tasks to restart, as a resumed deploy's checkpoint names them (those not restarted yet). */
    void restartOnly(List<String> tasks) {
        restartOnly = List.copyOf(tasks);
    }

    private void keepBackup() {
        if (resumed != null) {
            return; // kept by the deploy that was interrupted
        }
        if (facts.backup() == null || request.backupSink() == null) {
            if (facts.backup() != null) {
                ctx.journal().warn("No place was given for the backup: it is kept in memory for a restore only.");
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
        ctx.journal().step("Backup of " + task + (backupLocation == null ? " kept" : ": " + backupLocation));
    }

    CompletableFuture<DeployOutcome> done(DeployOutcome.Result how) {
        return CompletableFuture.completedFuture(new DeployOutcome(task, how, prepared.plan(), ctx.journal().actions(),
                forward != null && forward.restarted(), ctx.journal().warnings(), backupLocation,
                ctx.clock().total().elapsed(), tested, resumed));
    }

    /** Ends the deploy: with its outcome, or, after a change, with the restore's report. */
    void finish(DeployOutcome outcome, Throwable e) {
        if (e == null) {
            ctx.journal().step(switch (outcome.result()) {
                case DEPLOYED -> "Deployed " + task + " in " + outcome.elapsed().toSeconds() + " s";
                case NO_CHANGE -> task + " already matches the file";
                case DRY_RUN -> "Dry run: nothing was changed";
            });
            ctx.ledger().end(outcome.result() == DeployOutcome.Result.DEPLOYED ? End.DEPLOYED : End.NO_CHANGE);
            result.complete(outcome);
            return;
        }
        // AEM's own words about a request that carried secrets could quote one: they never leave here unscrubbed.
        AemException error = (cancelled ? DefinitionCalls.cancelled() : ctx.calls().reader().transport(e, "the deploy"))
                .redacted(ctx::redact);
        if (!ctx.changes().touched || ctx.ledger().frozen()) {
            // Nothing changed; or suspended, for a resume to restore, not this process (a frozen ledger keeps nothing).
            ctx.ledger().end(End.FAILED);
            result.completeExceptionally(error.withContext(task, null, null, ctx.clock().total().elapsed()));
            return;
        }
        restore(error);
    }

    /** Puts the task back after a failed step, and ends with the restore's report. */
    void restore(AemException cause) {
        rollback(ctx, cause, undone ? End.UNDONE : End.RESTORED).thenAccept(report -> result.completeExceptionally(
                report.withContext(task, null, null, ctx.clock().total().elapsed())));
    }

    /** Puts the task back after this deploy succeeded (an atomic release undoes its tasks when one fails): the report. */
    CompletableFuture<AemException> undo(AemException cause, Duration timeout) {
        return rollback(ctx.restoringWithin(Deadline.after(timeout)), cause, End.UNDONE)
                .thenApply(r -> r.withContext(task, null, null, null));
    }

    /** Has a restore of this deploy say, in its checkpoint, that it undid a deploy its release had finished. */
    void undoing() {
        undone = true;
    }

    private CompletableFuture<AemException> rollback(DeployContext within, AemException cause, End back) {
        within.ledger().stage(Stage.RESTORING);
        DeployRollback rollback = new DeployRollback(within, new TaskControl(within.client(), task, within.journal(),
                new InFlight(), within.calls().reader()), new InFlight(), facts, prepared, backupWhere);
        return rollback.restore(cause).whenComplete((report, e) -> within.ledger().end(report != null
                && report.kind() == FailureKind.DEPLOY_RESTORED ? back : End.NOT_RESTORED));
    }

    /** A deploy's future: cancelling it after the task was changed restores the task before it completes. */
    private final class Cancellable extends DeployResult {
        @Override
        public boolean cancel(boolean mayInterrupt) {
            if (isDone()) {
                return false;
            }
            cancelled = true;
            // Nothing more leaves before the task's state is looked at: a step marks the task changed before it checks
            // for a cancel and sends, so either it sees this cancel and sends nothing, or this sees the task changed.
            ctx.flight().refuseFurther();
            if (!ctx.changes().touched) {
                // Cancelled first: stopping what is in flight runs the deploy's failure handling at once, on this thread.
                boolean done = super.cancel(mayInterrupt);
                ctx.flight().cancel();
                return done;
            }
            ctx.journal().warn("The deploy was cancelled after it changed " + task + ": restoring the task first.");
            ctx.flight().cancel();
            return true;
        }
    }

    /** The deadline passed and a request still hangs: the deploy ends, saying what is known. */
    private void overrun() {
        if (result.isDone()) {
            return;
        }
        ctx.flight().cancel();
        AemException late = AemException.of(FailureKind.TIMED_OUT, "The deploy did not finish within its "
                + request.timeout().toSeconds() + " s.").build();
        result.completeExceptionally(ctx.changes().touched
                ? DeployFailures.notRestored(task, late, AemException.of(FailureKind.TIMED_OUT, "it ran out of time.").build(),
                "in a state that could not be read", facts.taskExists(), backupWhere)
                : late);
    }
}
