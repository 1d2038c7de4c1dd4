package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.CanonicalForm;
import io.jenkins.plugins.aem.client.definition.DefinitionDiff;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * @param written   the endpoints the import creates or changes, or whose secrets it sends (empty without an import)
 * @param rotated   with updateSecrets, the endpoints the target has whose secrets were given
 * @param patches   the PatchEndpoint body of each rotated endpoint, when the secrets go without an import (secret
 *                  material, in memory only)
 */
record PreparedDeploy(DeployPlan plan, TaskDefinition meant, TaskDefinition current, String wire, Set<String> leftOut,
                      String versions, Set<String> written, Set<String> rotated, Map<String, String> patches) {

    /** Names the plan only: the body and the patches hold secrets. */
    @Override
    public String toString() {
        return "PreparedDeploy[" + plan.lines() + ", leftOut=" + leftOut + "]";
    }

    /** The endpoints to test before the task runs again: those written, and those rotated. */
    Set<String> toTest() {
        Set<String> all = new TreeSet<>(written);
        all.addAll(rotated);
        return all;
    }

    /** This deploy with more lines at the end of its plan. */
    PreparedDeploy withPlanLines(List<PlanChange> more) {
        return new PreparedDeploy(plan.with(more), meant, current, wire, leftOut, versions, written, rotated, patches);
    }

    /** This deploy with what its plan says of the other tasks that use the endpoints it rotates. */
    PreparedDeploy withUsers(EndpointUsers users, DeployRequest request) {
        List<PlanChange> lines = users.planLines(request.stopIfRunning(), request.runOption());
        return lines.isEmpty() ? this : withPlanLines(lines);
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
        if (request.updateSecrets() && !filled.unused().isEmpty()) {
            throw AemException.invalidInput("secrets", "were given to rotate for " + String.join(", ", new TreeSet<>(filled.unused()))
                    + ", which the task's definition does not hold. Give the secrets of the task's own endpoints (as "
                    + "its file names them), or rotate them with a task that uses the others. Nothing was sent to AEM.");
        }
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
        TaskDefinition comparable = DefinitionForms.comparableFile(filled.withUsers());
        DeployPlan plan = DeployPlanner.plan(current, comparable, facts.existing(), filled.filled(), filled.leftOut(),
                request.updateSecrets());
        TaskDefinition meant = DefinitionForms.comparableFile(filled.withUsers().withoutEndpoints(filled.leftOut()));
        // A task keeps its own identity: the file's task_uuid (from another server) is not sent, unless this is the
        // task's own backup going back.
        TaskDefinition body = request.restore() ? filled.definition() : CanonicalForm.normalize(filled.definition(), false);
        Optional<ReplicateVersion> server = facts.server().version();
        String versions = file.version().isPresent() && server.isPresent() && file.version().get().compareTo(server.get()) != 0
                ? "the file comes from Replicate " + file.version().get() + " and the target runs " + server.get() : null;
        TaskDefinition wire = DefinitionForms.wire(body);
        Set<String> written = plan.importsDefinition() ? written(comparable, current, facts, filled) : Set.of();
        Set<String> rotated = new TreeSet<>();
        if (request.updateSecrets()) {
            filled.filled().stream().filter(facts.existing()::exists).forEach(rotated::add);
        }
        Map<String, String> patches = new TreeMap<>();
        if (!plan.importsDefinition()) {
            rotated.forEach(e -> patches.put(e, SecretPatch.of(wire, e, SecretMasker.placeholders(file).stream()
                    .filter(p -> p.endpoint().equals(e)).toList(), userGiven(request, e))));
        }
        PreparedDeploy prepared = new PreparedDeploy(plan, meant, current, wire.toJson(), filled.leftOut(), versions,
                written, rotated, patches);
        return prepared.withPlanLines(testLines(request, prepared));
    }

    /** The endpoints of the import that are new on the target, carry the secrets given, or differ from the target's. */
    private static Set<String> written(TaskDefinition desired, TaskDefinition current, DeployFacts facts,
                                       SecretFiller.Filled filled) {
        Set<String> out = new TreeSet<>();
        for (String name : desired.endpointNames()) {
            if (filled.leftOut().contains(name)) {
                continue;
            }
            Optional<? extends com.fasterxml.jackson.databind.JsonNode> had = current == null ? Optional.empty() : current.endpoint(name);
            if (!facts.existing().exists(name) || filled.filled().contains(name) || had.isEmpty()
                    || !DefinitionDiff.endpoint(name, had.get(), desired.endpoint(name).orElseThrow()).isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    private static boolean userGiven(DeployRequest request, String endpoint) {
        return request.secrets().entrySet().stream().anyMatch(e -> (e.getKey().equals(endpoint)
                || e.getKey().startsWith(endpoint + "/")) && e.getValue().username().isPresent());
    }

    /** What the plan says of the endpoint test: which endpoints are tested before the task runs, or that it is off. */
    private static List<PlanChange> testLines(DeployRequest request, PreparedDeploy p) {
        Set<String> names = p.toTest();
        if (names.isEmpty()) {
            return List.of();
        }
        String list = "'" + String.join("', '", names) + "'";
        return List.of(new PlanChange(PlanChange.Kind.NOTE, request.skipEndpointTest()
                ? "endpoint" + (names.size() == 1 ? " " : "s ") + list + " are not tested (skipEndpointTest): a wrong "
                + "secret or host shows only when a task runs"
                : "test endpoint" + (names.size() == 1 ? " " : "s ") + list + " (TestEndpoint) before the task runs"));
    }

    /**
     * Why this deploy must not go on although the plan has changes, or {@code null} when it may: the file removes what
     * an import cannot remove and {@code replace} was not given, or the task is not stopped and may not be stopped (to
     * import, or to rotate its secrets).
     *
     * @param now the task's status now, or {@code null} when it does not exist
     */
    AemException refusal(DeployRequest request, TaskStatus now) {
        if (plan.removes() && !request.replace()) {
            return DeployFailures.removes(plan.changes().stream()
                    .filter(c -> c.kind() == PlanChange.Kind.REMOVE_TABLE || c.kind() == PlanChange.Kind.REMOVE_SETTING)
                    .map(PlanChange::line).toList(), versions);
        }
        if (now == null || TaskControl.stopped(now) || request.stopIfRunning()) {
            return null;
        }
        return plan.importsDefinition() ? DeployFailures.running(request.task(), now.rawState())
                : DeployFailures.rotatingRunning(request.task(), now.rawState());
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
