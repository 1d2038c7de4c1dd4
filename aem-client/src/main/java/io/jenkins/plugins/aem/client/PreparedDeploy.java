package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.CanonicalForm;
import io.jenkins.plugins.aem.client.definition.DefinitionForms;
import io.jenkins.plugins.aem.client.definition.DeployPlan;
import io.jenkins.plugins.aem.client.definition.DeployPlanner;
import io.jenkins.plugins.aem.client.definition.PlanChange;
import io.jenkins.plugins.aem.client.definition.ReplicateVersion;
import io.jenkins.plugins.aem.client.definition.SecretFiller;
import io.jenkins.plugins.aem.client.definition.SecretMasker;
import io.jenkins.plugins.aem.client.definition.SecretPlaceholder;
import io.jenkins.plugins.aem.client.definition.Substitutions;
import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * A deploy worked out before anything is changed: what is meant, what the target has, the plan, and the body to send.
 * Pure: it reads what {@link DeployFacts} found, and refuses (nothing changed) what must not be deployed.
 *
 * @param plan      what the deploy changes
 * @param meant     what the import is meant to make of the task (comparison form, without endpoints left out)
 * @param current   the task now (comparison form), or {@code null} when it does not exist
 * @param wire      the body of ImportTask: secrets filled, in memory only
 * @param leftOut   endpoints left out of the import, kept as the target has them
 * @param versions  "Replicate X (the file) and Y (the target)" when the two differ, else {@code null}
 */
record PreparedDeploy(DeployPlan plan, TaskDefinition meant, TaskDefinition current, String wire, Set<String> leftOut,
                      String versions) {

    /** Names the plan only: the body holds secrets. */
    @Override
    public String toString() {
        return "PreparedDeploy[" + plan.lines() + ", leftOut=" + leftOut + "]";
    }

    /**
     * The file as the target is to have it: parsed, placeholders substituted, named as the target task. A file holding
     * ciphertext is refused unless it is this task's own backup.
     *
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) for a file that cannot be deployed, before anything is sent
     */
    static TaskDefinition desired(DeployRequest request, DeployJournal journal) {
        TaskDefinition file = TaskDefinition.parse(request.definition());
        Substitutions.Result substituted = Substitutions.of(request.substitutions()).apply(file);
        substituted.unused().forEach(name -> journal.warn("Substitution '" + name + "' is not used in the file."));
        TaskDefinition desired = substituted.definition();
        if (!desired.taskName().equals(request.task().task())) {
            journal.step("The file's task '" + desired.taskName() + "' is deployed as '" + request.task().task() + "'");
            desired = desired.withTaskName(request.task().task());
        }
        SortedSet<SecretPlaceholder> encrypted = SecretMasker.encrypted(desired);
        if (!encrypted.isEmpty() && !request.restore()) {
            throw AemException.invalidInput("definition", "holds encrypted secrets ({Z...}) at " + encrypted.stream()
                    .map(SecretPlaceholder::key).collect(Collectors.joining(", ")) + ". They are valid only on the server "
                    + "that exported them and break the endpoints anywhere else. Export the task with 'aem export-task', "
                    + "which writes placeholders instead, and give the secrets when deploying; to put a backup back onto "
                    + "its own task, restore it (aem restore-task).");
        }
        SortedSet<SecretPlaceholder> clear = SecretMasker.clearText(desired);
        if (!clear.isEmpty()) {
            journal.warn("The file holds secrets in clear text at " + clear.stream().map(SecretPlaceholder::key)
                    .collect(Collectors.joining(", ")) + ": keep secrets out of files; write ${secret:ENDPOINT/FIELD} there "
                    + "and give the secret when deploying.");
        }
        return desired;
    }

    /**
     * Checks the file against the target and works the deploy out.
     *
     * @throws AemException {@link FailureKind#DEPLOY_REFUSED} or {@link FailureKind#INVALID_INPUT} when it must not go on
     */
    static PreparedDeploy prepare(DeployRequest request, TaskDefinition desired, DeployFacts facts, DeployJournal journal) {
        TaskDefinition file = checkVersion(request, desired, facts.server().version(), journal);
        SecretFiller.Filled filled = SecretFiller.fill(file, request.secrets(), facts.existing());
        filled.unused().forEach(key -> journal.warn("A secret was given for '" + key + "', which fills nothing in this file; it is not used."));
        List<String> missing = new ArrayList<>();
        for (String used : file.usedEndpoints()) {
            if (!file.endpointNames().contains(used) && !facts.existing().exists(used)) {
                missing.add(used);
            }
        }
        if (!missing.isEmpty()) {
            if (facts.existing().complete()) {
                throw DeployFailures.missingEndpoints(missing, request.task());
            }
            journal.warn("The task uses endpoint" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + ", which the file does not carry; whether server '" + request.task().server() + "' has them cannot "
                    + "be told (AEM refused the endpoint list).");
        }
        TaskDefinition current = facts.backup() == null ? null : DefinitionForms.comparableExport(facts.backup());
        DeployPlan plan = DeployPlanner.plan(current, DefinitionForms.comparableFile(filled.withUsers()), facts.existing(),
                filled.filled(), filled.leftOut());
        TaskDefinition meant = DefinitionForms.comparableFile(filled.withUsers().withoutEndpoints(filled.leftOut()));
        // A task keeps its own identity: the file's task_uuid (from another server) is not sent, unless this is the
        // task's own backup going back.
        TaskDefinition body = request.restore() ? filled.definition() : CanonicalForm.normalize(filled.definition(), false);
        Optional<ReplicateVersion> server = facts.server().version();
        String versions = file.version().isPresent() && server.isPresent() && file.version().get().compareTo(server.get()) != 0
                ? "the file comes from Replicate " + file.version().get() + " and the target runs " + server.get() : null;
        return new PreparedDeploy(plan, meant, current, DefinitionForms.wire(body).toJson(), filled.leftOut(), versions);
    }

    /**
     * Why this deploy must not go on although the plan has changes, or {@code null} when it may: the file removes what
     * an import cannot remove and {@code replace} was not given, or the task is not stopped and may not be stopped.
     */
    AemException refusal(DeployRequest request, DeployFacts facts) {
        if (plan.removes() && !request.replace()) {
            return DeployFailures.removes(plan.changes().stream()
                    .filter(c -> c.kind() == PlanChange.Kind.REMOVE_TABLE || c.kind() == PlanChange.Kind.REMOVE_SETTING)
                    .map(PlanChange::line).toList(), versions);
        }
        return facts.running() && !request.stopIfRunning() ? DeployFailures.running(request.task(), facts.status().rawState()) : null;
    }

    private static TaskDefinition checkVersion(DeployRequest request, TaskDefinition file, Optional<ReplicateVersion> server,
                                               DeployJournal journal) {
        Optional<ReplicateVersion> mine = file.version();
        String target = "server '" + request.task().server() + "'";
        if (server.isEmpty()) {
            journal.warn("The Replicate version of " + target + " cannot be read, so the file's version ("
                    + mine.map(ReplicateVersion::text).orElse("none") + ") is not checked against it.");
            return file;
        }
        if (mine.isEmpty()) {
            journal.warn("The file has no _version; it is stamped with the version of " + target + ", " + server.get()
                    + " (without one, Replicate falls back to default settings).");
            return file.withVersion(server.get());
        }
        int c = mine.get().compareTo(server.get());
        if (c > 0 && !request.allowNewerVersion()) {
            throw DeployFailures.newerFile(mine.get(), server.get(), request.task());
        }
        if (c != 0) {
            journal.warn("The file was exported from Replicate " + mine.get() + "; " + target + " runs " + server.get()
                    + (c > 0 ? " (older; allowed by allowNewerVersion)." : "."));
        }
        return file;
    }
}
