package io.jenkins.plugins.aem.client.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Works out a deploy's plan from what the target has and what the file wants, both in comparison form, so no line
 * ever shows a secret. Pure: the same inputs give the same lines.
 */
public final class DeployPlanner {

    private static final int VALUE_WIDTH = 80;

    private DeployPlanner() {
    }

    /**
     * What a deploy would change.
     *
     * @param current  the target task as exported (comparison form), or {@code null} when it does not exist
     * @param desired  the file, substitutions applied and named as the target (comparison form), endpoints included
     * @param existing the endpoints the target has
     * @param filled   the endpoints whose secrets the caller gave
     * @param leftOut  the endpoints left out of the import (they exist and no secret was given)
     */
    public static DeployPlan plan(TaskDefinition current, TaskDefinition desired, EndpointCatalog existing,
                                  Set<String> filled, Set<String> leftOut) {
        return plan(current, desired, existing, filled, leftOut, false);
    }

    /**
     * What a deploy would change; with {@code rotate} (updateSecrets), the secrets given for endpoints the target has
     * are sent even when nothing else changes: with the import when there is one, else each endpoint's on its own.
     */
    public static DeployPlan plan(TaskDefinition current, TaskDefinition desired, EndpointCatalog existing,
                                  Set<String> filled, Set<String> leftOut, boolean rotate) {
        List<PlanChange> lines = new ArrayList<>();
        if (current == null) {
            lines.add(new PlanChange(PlanChange.Kind.CREATE_TASK, created(desired), new Difference(Difference.Kind.ADDED,
                    null, "", null, desired.json().path(TaskDefinition.DEFINITION).path("tasks").path(0), false)));
        } else {
            for (Difference d : DefinitionDiff.task(current, desired)) {
                lines.add(taskLine(d));
            }
        }
        boolean changes = lines.stream().anyMatch(c -> c.kind().isChange());
        List<PlanChange> endpointLines = new ArrayList<>();
        List<String> secretsOf = new ArrayList<>();
        for (String name : new TreeSet<>(desired.endpointNames())) {
            JsonNode wanted = desired.endpoint(name).orElseThrow();
            Optional<JsonNode> had = current == null ? Optional.empty() : current.endpoint(name).map(n -> n);
            if (leftOut.contains(name)) {
                endpointLines.add(new PlanChange(PlanChange.Kind.KEEP_ENDPOINT, "keep endpoint '" + name
                        + "' as the target has it (no secret was given for it)"));
                had.map(h -> DefinitionDiff.endpoint(name, h, wanted)).filter(ds -> !ds.isEmpty()).ifPresent(ds ->
                        endpointLines.add(new PlanChange(PlanChange.Kind.NOTE, "endpoint '" + name + "' differs from the "
                                + "file in " + paths(ds) + "; without its secret these are not applied")));
                continue;
            }
            if (filled.contains(name) && existing.exists(name)) {
                secretsOf.add(name);
            }
            if (!existing.exists(name)) {
                endpointLines.add(new PlanChange(PlanChange.Kind.CREATE_ENDPOINT, existing.complete()
                        ? "create endpoint '" + name + "'" + type(wanted)
                        : "create or replace endpoint '" + name + "'" + type(wanted) + " (whether the target has it cannot be told)",
                        whole(name, wanted)));
            } else if (had.isEmpty()) {
                endpointLines.add(new PlanChange(PlanChange.Kind.CHANGE_ENDPOINT, "replace endpoint '" + name + "' with "
                        + "the file's settings (the task does not use it now, so they cannot be compared)", whole(name, wanted)));
            } else {
                for (Difference d : DefinitionDiff.endpoint(name, had.get(), wanted)) {
                    endpointLines.add(endpointLine(d));
                }
            }
        }
        changes |= endpointLines.stream().anyMatch(c -> c.kind().isChange());
        lines.addAll(endpointLines);
        if (!secretsOf.isEmpty() && rotate && !changes) {
            for (String name : secretsOf) {
                lines.add(new PlanChange(PlanChange.Kind.ROTATE_SECRET, "rotate the secret of endpoint '" + name + "' ("
                        + String.join(", ", secretFields(desired, name)) + ") through PatchEndpoint, its secret fields alone"));
            }
        } else if (!secretsOf.isEmpty() && rotate) {
            lines.add(new PlanChange(PlanChange.Kind.NOTE, "the secrets given for '" + String.join("', '", secretsOf)
                    + "' are rotated with the import (updateSecrets)"));
        } else if (!secretsOf.isEmpty()) {
            String names = "'" + String.join("', '", secretsOf) + "'";
            lines.add(new PlanChange(PlanChange.Kind.NOTE, changes
                    ? "the secrets given for " + names + " are sent with the import (AEM exports secrets encrypted, so they cannot be compared)"
                    : "the secrets given for " + names + " are not compared (AEM exports them encrypted), so a changed secret alone is no change"));
        }
        return new DeployPlan(lines);
    }

    private static List<String> secretFields(TaskDefinition desired, String endpoint) {
        return SecretMasker.placeholders(desired).stream().filter(p -> p.endpoint().equals(endpoint))
                .map(SecretPlaceholder::field).toList();
    }

    private static String created(TaskDefinition desired) {
        JsonNode tables = desired.json().path(TaskDefinition.DEFINITION).path("tasks").path(0).path("source").path("source_tables");
        int explicit = tables.path("explicit_included_tables").size();
        int patterns = tables.path("included_pattern").size() + tables.path("excluded_pattern").size();
        Set<String> used = desired.usedEndpoints();
        return "create task '" + desired.taskName() + "'" + (used.isEmpty() ? "" : " using endpoints " + String.join(", ", used))
                + " with " + count(explicit, "table") + " and " + count(patterns, "table pattern");
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static PlanChange taskLine(Difference d) {
        if (d.table()) {
            String what = "explicit_included_tables".equals(d.tableList()) ? "table " : d.tableList() + " ";
            return d.kind() == Difference.Kind.ADDED
                    ? new PlanChange(PlanChange.Kind.ADD_TABLE, "add " + what + d.tableName(), d)
                    : new PlanChange(PlanChange.Kind.REMOVE_TABLE, "remove " + what + d.tableName(), d);
        }
        if (d.kind() != Difference.Kind.CHANGED && d.path().endsWith("]") && (d.kind() == Difference.Kind.ADDED ? d.after() : d.before()).isTextual()) {
            String list = d.path().substring(0, d.path().lastIndexOf('['));
            return d.kind() == Difference.Kind.ADDED
                    ? new PlanChange(PlanChange.Kind.ADD_SETTING, "add \"" + d.tableName() + "\" to " + list, d)
                    : new PlanChange(PlanChange.Kind.REMOVE_SETTING, "remove \"" + d.tableName() + "\" from " + list, d);
        }
        return switch (d.kind()) {
            case ADDED -> new PlanChange(PlanChange.Kind.ADD_SETTING, "add setting " + d.path() + " = " + render(d.after()), d);
            case REMOVED -> new PlanChange(PlanChange.Kind.REMOVE_SETTING, "remove setting " + d.path() + " (was "
                    + render(d.before()) + ")", d);
            case CHANGED -> new PlanChange(PlanChange.Kind.CHANGE_SETTING, "change setting " + d.path() + ": "
                    + render(d.before()) + " -> " + render(d.after()), d);
        };
    }

    private static PlanChange endpointLine(Difference d) {
        String at = "endpoint '" + d.endpoint() + "': ";
        return switch (d.kind()) {
            case ADDED -> new PlanChange(PlanChange.Kind.CHANGE_ENDPOINT, "change " + at + "add " + d.path() + " = "
                    + render(d.after()), d);
            case CHANGED -> new PlanChange(PlanChange.Kind.CHANGE_ENDPOINT, "change " + at + d.path() + ": "
                    + render(d.before()) + " -> " + render(d.after()), d);
            case REMOVED -> new PlanChange(PlanChange.Kind.NOTE, at + d.path() + " stays as the target has it (an import "
                    + "cannot remove an endpoint's setting; remove it in AEM if it matters)");
        };
    }

    /** An endpoint the import creates or replaces whole: all of the file's settings are its difference. */
    private static Difference whole(String name, JsonNode endpoint) {
        return new Difference(Difference.Kind.ADDED, name, "", null, endpoint, false);
    }

    private static String type(JsonNode endpoint) {
        String type = endpoint.path("type_id").asText("");
        String role = endpoint.path("role").asText("");
        String both = (role + " " + type).strip();
        return both.isEmpty() ? "" : " (" + both + ")";
    }

    private static String paths(List<Difference> ds) {
        List<String> paths = ds.stream().map(Difference::path).limit(5).toList();
        return String.join(", ", paths) + (ds.size() > 5 ? " and " + (ds.size() - 5) + " more" : "");
    }

    /** A value as a plan line shows it: JSON, cut short. */
    static String render(JsonNode value) {
        if (value == null) {
            return "(none)";
        }
        String text = value.toString();
        return text.length() > VALUE_WIDTH ? text.substring(0, VALUE_WIDTH - 3) + "..." : text;
    }
}
