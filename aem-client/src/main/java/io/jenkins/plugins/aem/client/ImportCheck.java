package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.DefinitionForms;
import io.jenkins.plugins.aem.client.definition.Difference;
import io.jenkins.plugins.aem.client.definition.MergeCheck;
import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a task back after an import until it shows what was meant. An import may become visible only after a while
 * (the task may even be missing for a moment), so "not there yet" is read again, on the poll schedule, until the
 * deadline; only then is it "not applied".
 */
final class ImportCheck {

    private final DefinitionCalls calls;
    private final DeployJournal journal;
    private final InFlight flight;

    ImportCheck(DefinitionCalls calls, DeployJournal journal, InFlight flight) {
        this.calls = calls;
        this.journal = journal;
        this.flight = flight;
    }

    /** After a deploy's import: {@link MergeCheck#afterImport}. */
    CompletableFuture<MergeCheck> afterImport(TaskDefinition before, TaskDefinition meant, Deadline deadline) {
        long sent = System.nanoTime();
        return loop(now -> MergeCheck.afterImport(before, meant, now), deadline, sent, 0, false);
    }

    /** After a restore's import: {@link MergeCheck#restored}. */
    CompletableFuture<MergeCheck> restored(TaskDefinition backup, Deadline deadline) {
        long sent = System.nanoTime();
        return loop(now -> MergeCheck.restored(backup, now), deadline, sent, 0, false);
    }

    private CompletableFuture<MergeCheck> loop(java.util.function.Function<TaskDefinition, MergeCheck> compare, Deadline deadline,
                                               long sent, int reads, boolean said) {
        return calls.export(true, deadline, flight).thenCompose(exported -> {
            MergeCheck check = exported.map(e -> compare.apply(DefinitionForms.comparableExport(e))).orElse(null);
            if (check != null && check.applied()) {
                return CompletableFuture.completedFuture(check);
            }
            List<Difference> pending = check == null
                    ? List.of(new Difference(Difference.Kind.REMOVED, null, "the task (AEM does not show it)", null, null, false))
                    : check.pending();
            if (deadline.expired()) {
                return CompletableFuture.failedFuture(DeployFailures.notApplied(pending,
                        Duration.ofNanos(System.nanoTime() - sent).toSeconds()));
            }
            if (!said) {
                journal.step("AEM does not show all of the import yet (" + MergeCheck.describe(pending, 3) + "); reading the task again");
            }
            Duration wait = calls.schedule().intervalAt(Duration.ofNanos(System.nanoTime() - sent));
            Duration delay = wait.compareTo(deadline.remaining()) > 0 ? deadline.remaining() : wait;
            return calls.pause(delay, flight).thenCompose(v -> loop(compare, deadline, sent, reads + 1, true));
        });
    }
}
