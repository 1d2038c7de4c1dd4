package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.DeployCheckpoint.Action;
import io.jenkins.plugins.aem.client.DeployCheckpoint.Change;
import io.jenkins.plugins.aem.client.DeployCheckpoint.Stage;
import io.jenkins.plugins.aem.client.DeployCheckpoint.Status;
import io.jenkins.plugins.aem.client.definition.DefinitionForms;
import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Takes up a deploy that the process running it could not finish (a restart, a {@code kill -9}), from its last
 * checkpoint and its backup: reads the task, then finishes what is safe to finish, or restores, and says which. The
 * rules, in this order:
 * <ol>
 *   <li>nothing was sent, or AEM refused all that was: the deploy runs again from the start;</li>
 *   <li>the deploy was restoring (or had ended after restoring): the restore goes on, reading the task first;</li>
 *   <li>an import of the deploy was sent, answered or not: it is never sent again. If the task shows it (read back for
 *       a while: an import may show late), the deploy finishes (endpoint test, run again, restarts); if it shows the
 *       old definition, or anything else, the task is restored from the backup;</li>
 *   <li>changes were sent but no import (a stop, a delete to import afresh, a patch of secrets): the deploy goes on
 *       from where the task is: the import, never sent before, or the patch, which sets the same values again, then
 *       the rest; the task runs again if it was running before the deploy.</li>
 * </ol>
 * A backup's import sent by the interrupted restore is waited for; only when the task does not show it is the backup
 * imported again (importing the backup is the restore itself: twice is as once, unlike the deploy's import).
 */
final class DeployResumption {

    /** How long a resumed deploy reads the task back for an import sent before the interruption. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final DeployExecution execution;
    private final DeployContext ctx;
    private final DeployResume resume;

    DeployResumption(DeployExecution execution, DeployResume resume) {
        this.execution = execution;
        this.ctx = execution.context();
        this.resume = resume;
    }

    void start() {
        DeployCheckpoint c = resume.checkpoint();
        if (!c.taskRef().equals(ctx.task())) {
            execution.result.completeExceptionally(AemException.invalidInput("checkpoint", "is of " + c.taskRef()
                    + ", not of " + ctx.task() + ". Resume each deploy with its own checkpoint."));
            return;
        }
        String location = resume.backupLocation();
        ctx.journal().step("Resuming the deploy to " + ctx.task() + ", interrupted " + interruptedAt(c));
        if (!c.anyChangeSent()) {
            execution.resumedAs("nothing was changed before the interruption: deployed again from the start", location);
            ctx.journal().step("Nothing was changed before the interruption: deploying again from the start");
            execution.start();
            return;
        }
        TaskDefinition desired = execution.desired();
        if (desired == null) {
            return;
        }
        noteChanges(c);
        DeployFacts.read(ctx.calls(), ctx.clock().forward(), ctx.flight(), ctx.journal())
                .thenCompose(now -> {
                    DeployFacts before = before(c, now);
                    if (c.restoring()) {
                        execution.resumedAs("the restore under way at the interruption went on", location);
                        return execution.prepare(desired, before, before).thenCompose(p -> restore("while it restored the task"));
                    }
                    if (c.sent(Stage.FORWARD, Action.IMPORT)) {
                        return execution.prepare(desired, before, before).thenCompose(p -> afterImport(c, before, location));
                    }
                    execution.resumedAs("went on from where the interruption left it (" + sentSoFar(c) + ")", location);
                    ctx.journal().step("The deploy had sent no import: going on from where the task is");
                    return execution.prepare(desired, before, now).thenCompose(p -> execution.decide(before.wasRunning(),
                            now.status()));
                })
                .whenComplete(execution::finish);
    }

    /**
     * Puts back a task whose deploy had finished before the interruption, as an atomic release does when another of
     * its tasks fails: reads the task, then restores it from the backup, as a failing step would. {@link
     * DeployExecution#result} fails with the restore's report.
     */
    void undo(AemException cause) {
        DeployCheckpoint c = resume.checkpoint();
        TaskDefinition desired = execution.desired();
        if (desired == null) {
            return;
        }
        noteChanges(c);
        execution.undoing();
        execution.resumedAs("put back: " + cause.getMessage(), resume.backupLocation());
        ctx.journal().step("Putting back " + ctx.task() + ", deployed before the interruption");
        DeployFacts.read(ctx.calls(), ctx.clock().forward(), ctx.flight(), ctx.journal())
                .thenCompose(now -> execution.prepare(desired, before(c, now), before(c, now)))
                .<DeployOutcome>thenCompose(p -> CompletableFuture.failedFuture(cause))
                .whenComplete(execution::finish);
    }

    /** An import was sent: the deploy finishes when the task shows it, and is restored otherwise. */
    private CompletableFuture<DeployOutcome> afterImport(DeployCheckpoint c, DeployFacts before, String location) {
        boolean answered = c.changes().stream().anyMatch(x -> x.stage() == Stage.FORWARD && x.action() == Action.IMPORT
                && x.status() == Status.CONFIRMED);
        ctx.journal().step("The deploy had sent its import" + (answered ? "" : " (its answer never came)") + "; it is not "
                + "sent again. Reading " + ctx.task() + " to see whether it shows it");
        Duration left = ctx.clock().forward().remaining().dividedBy(3);
        Deadline settle = Deadline.after(SETTLE.compareTo(left) < 0 ? SETTLE : left);
        return new ImportCheck(ctx.calls(), ctx.journal(), ctx.flight())
                .afterImport(execution.prepared().current(), execution.prepared().meant(), answered, settle)
                .handle((check, e) -> check)
                .thenCompose(check -> {
                    if (check == null || !check.leftovers().isEmpty()) {
                        execution.resumedAs("restored: the import sent before the interruption "
                                + (check == null ? "does not show" : "merged into the task") + " in the task", location);
                        return restore("after it sent its import, which " + (check == null ? "does not show in the task"
                                : "merged into the task without removing what the file removed"));
                    }
                    execution.resumedAs("finished: the import sent before the interruption shows in the task", location);
                    ctx.journal().action("checked " + ctx.task() + ": it shows the import sent before the interruption");
                    return execution.afterChanges(before.wasRunning());
                });
    }

    /** Fails the resumed deploy with {@code why}, which hands over to the restore, as any failing step does. */
    private CompletableFuture<DeployOutcome> restore(String why) {
        return CompletableFuture.failedFuture(AemException.of(FailureKind.AEM_ERROR, "The deploy was interrupted " + why
                + ".").remedy("Deploy again: the task is as it was before the interrupted deploy.").build());
    }

    /** What the deploy had sent, from its checkpoint: what the restore must undo. */
    private void noteChanges(DeployCheckpoint c) {
        DeployChanges changes = ctx.changes();
        String task = c.task();
        changes.touched = true;
        changes.stoppedIt = c.changes().stream().anyMatch(x -> x.stage() == Stage.FORWARD && x.action() == Action.STOP
                && x.target().equals(task) && x.status() != Status.REFUSED);
        changes.definitionTouched = c.sent(Stage.FORWARD, Action.IMPORT) || c.sent(Stage.FORWARD, Action.DELETE);
        changes.secretsPatched = c.sent(Stage.FORWARD, Action.PATCH);
        changes.backupImportSent = c.sent(Stage.RESTORING, Action.IMPORT);
        changes.commandInDoubt = c.changes().stream().filter(x -> x.target().equals(task)
                        && (x.action() == Action.STOP || x.action() == Action.RUN)).reduce((a, b) -> b)
                .map(x -> x.status() == Status.SENDING).orElse(false);
        for (String other : c.tasksToRestart()) {
            List<Change> mine = c.changes().stream().filter(x -> x.target().equals(other)).toList();
            boolean stopped = mine.stream().anyMatch(x -> x.action() == Action.STOP && x.status() != Status.REFUSED);
            boolean ranAgain = mine.stream().anyMatch(x -> x.action() == Action.RUN && x.status() == Status.CONFIRMED);
            if (stopped && !ranAgain) {
                changes.stoppedOthers.add(other);
            }
        }
        execution.restartOnly(c.tasksToRestart().stream().filter(t -> c.changes().stream().noneMatch(x ->
                x.target().equals(t) && x.action() == Action.RUN && x.status() == Status.CONFIRMED)).toList());
    }

    /** The task as it was before the deploy: its state from the checkpoint, its definition from the backup. */
    private DeployFacts before(DeployCheckpoint c, DeployFacts now) {
        if (!c.taskExisted()) {
            return new DeployFacts(now.server(), null, null, now.existing());
        }
        String raw = c.stateBefore();
        TaskStatus status = new TaskStatus(ctx.task(), TaskState.fromWire(raw), raw, StopReason.NONE, "", null, null,
                -1, -1, -1);
        return new DeployFacts(now.server(), status, DefinitionForms.fromRestorable(resume.restorableBackup()), now.existing());
    }

    private static String interruptedAt(DeployCheckpoint c) {
        return switch (c.stage()) {
            case FORWARD -> c.anyChangeSent() ? "after it sent " + sentSoFar(c) : "before it changed anything";
            case RESTORING -> "while it restored the task";
            case DONE -> "as it ended";
        };
    }

    private static String sentSoFar(DeployCheckpoint c) {
        return String.join(", ", c.changes().stream().filter(x -> x.status() != Status.REFUSED)
                .map(x -> x.action() + " " + x.target() + (x.status() == Status.SENDING ? " (unanswered)" : ""))
                .distinct().toList());
    }
}
