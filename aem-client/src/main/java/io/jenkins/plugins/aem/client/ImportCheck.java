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

    /** After a deploy's import: {@link MergeCheck#afterImport}; {@code answered} tells whether AEM answered it. */
    CompletableFuture<MergeCheck> afterImport(TaskDefinition before, TaskDefinition meant, boolean answered, Deadline deadline) {
        long sent = System.nanoTime();
        return loop(now -> MergeCheck.afterImport(before, meant, now), answered, deadline, sent, false);
    }

    /** After a restore's import: {@link MergeCheck#restored}. */
    CompletableFuture<MergeCheck> restored(TaskDefinition backup, Deadline deadline) {
        long sent = System.nanoTime();
        return loop(now -> MergeCheck.restored(backup, now), true, deadline, sent, false);
    }

    private CompletableFuture<MergeCheck> loop(java.util.function.Function<TaskDefinition, MergeCheck> compare, boolean answered,
                                               Deadline deadline, long sent, boolean said) {
        return calls.export(true, deadline, flight).thenCompose(exported -> {
            MergeCheck check = exported.map(e -> compare.apply(DefinitionForms.comparableExport(e))).orElse(null);
            if (check != null && check.applied()) {
                return CompletableFuture.completedFuture(check);
            }
            List<Difference> pending = check == null ? List.of() : check.pending();
            if (deadline.expired()) {
                return CompletableFuture.failedFuture(DeployFailures.notApplied(pending,
                        Duration.ofNanos(System.nanoTime() - sent).toSeconds(), answered));
            }
            if (!said) {
                journal.step("AEM does not show all of the import yet (" + (pending.isEmpty() ? "the task is not there"
                        : MergeCheck.describe(pending, 3)) + "); reading the task again");
            }
            Duration wait = calls.schedule().intervalAt(Duration.ofNanos(System.nanoTime() - sent));
            Duration delay = wait.compareTo(deadline.remaining()) > 0 ? deadline.remaining() : wait;
            return calls.pause(delay, flight).thenCompose(v -> loop(compare, answered, deadline, sent, true));
        });
    }
}
