package io.jenkins.plugins.aem.client.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.client.AemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Fills a definition's secret placeholders for a deploy, in memory only.
 *
 * <p>Secrets are given per key: {@code ENDPOINT} fills that endpoint's only secret, or its {@code password} when it
 * has several; {@code ENDPOINT/FIELD} fills exactly one field (needed for an endpoint's other secrets). An endpoint is
 * filled whole or not at all. One left unfilled is left out of the import when it already exists on the target, which
 * then keeps its own; otherwise the deploy fails here, before anything is sent.
 */
public final class SecretFiller {

    private static final String PASSWORD = "password";

    private SecretFiller() {
    }

    /**
     * A definition with its secrets filled; {@link #toString()} never shows them.
     *
     * @param definition the file-form definition with filled secrets and without the endpoints left out
     * @param withUsers  the file-form definition with every endpoint and its secret placeholders, but with the user
     *                   names given with passwords in place: what the deploy means to make of the task, to plan and
     *                   check against (the file's own user names are replaced on the target)
     * @param filled     the endpoints whose secrets were filled
     * @param leftOut    the endpoints left out of the import: they exist on the target, which keeps its own
     * @param unused     keys given that fill nothing in this definition
     */
    public record Filled(TaskDefinition definition, TaskDefinition withUsers, Set<String> filled, Set<String> leftOut,
                         Set<String> unused) {
        public Filled {
            filled = Set.copyOf(filled);
            leftOut = Set.copyOf(leftOut);
            unused = Set.copyOf(unused);
        }

        @Override
        public String toString() {
            return "Filled[task=" + definition.taskName() + ", filled=" + new TreeSet<>(filled) + ", leftOut="
                    + new TreeSet<>(leftOut) + "]";
        }
    }

    /**
     * Fills {@code file}'s secret placeholders.
     *
     * @param file     a file-form definition, substitutions applied
     * @param secrets  secrets by key ({@code ENDPOINT} or {@code ENDPOINT/FIELD})
     * @param existing the endpoints the target already has
     * @throws AemException ({@link io.jenkins.plugins.aem.client.FailureKind#INVALID_INPUT}) naming every endpoint that
     *                      cannot be filled, and what to give for it
     */
    public static Filled fill(TaskDefinition file, Map<String, EndpointSecret> secrets, EndpointCatalog existing) {
        Map<String, EndpointSecret> given = secrets == null ? Map.of() : new TreeMap<>(secrets);
        Map<String, SortedSet<String>> fieldsByEndpoint = new TreeMap<>();
        for (SecretPlaceholder p : SecretMasker.placeholders(file)) {
            fieldsByEndpoint.computeIfAbsent(p.endpoint(), e -> new TreeSet<>()).add(p.field());
        }
        Map<SecretPlaceholder, EndpointSecret> assigned = new LinkedHashMap<>();
        Set<String> usedKeys = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        Set<String> leftOut = new TreeSet<>();
        Set<String> filled = new TreeSet<>();
        fieldsByEndpoint.forEach((endpoint, fields) -> {
            Map<String, EndpointSecret> mine = new TreeMap<>();
            for (String field : fields) {
                EndpointSecret exact = given.get(endpoint + "/" + field);
                if (exact != null) {
                    mine.put(field, exact);
                    usedKeys.add(endpoint + "/" + field);
                }
            }
            EndpointSecret whole = endpoint.isEmpty() ? null : given.get(endpoint);
            if (whole != null) {
                String target = fields.size() == 1 ? fields.first() : fields.contains(PASSWORD) ? PASSWORD : null;
                if (target == null) {
                    problems.add("endpoint '" + endpoint + "' has several secrets (" + String.join(", ", fields)
                            + "), so '" + endpoint + "' alone does not say which; give each as '" + endpoint + "/FIELD'");
                } else if (!mine.containsKey(target)) {
                    mine.put(target, whole);
                    usedKeys.add(endpoint);
                }
            }
            if (mine.size() == fields.size()) {
                mine.forEach((field, secret) -> assigned.put(new SecretPlaceholder(endpoint, field), secret));
                filled.add(endpoint);
            } else if (!mine.isEmpty()) {
                Set<String> lacking = new TreeSet<>(fields);
                lacking.removeAll(mine.keySet());
                problems.add("endpoint '" + endpoint + "' is only partly filled: give " + lacking.stream()
                        .map(f -> "'" + endpoint + "/" + f + "'").collect(Collectors.joining(", ")) + " as well");
            } else if (endpoint.isEmpty()) {
                problems.add("the secrets outside any endpoint (" + fields.stream().map(f -> "'/" + f + "'")
                        .collect(Collectors.joining(", ")) + ") have no value; give each under that key");
            } else if (existing.exists(endpoint)) {
                leftOut.add(endpoint);
            } else {
                problems.add("endpoint '" + endpoint + "' has secrets (" + String.join(", ", fields) + ") and no value "
                        + "was given, and the target " + (existing.complete() ? "has no endpoint of that name"
                        : "may not have it (AEM refused to list its endpoints, so this cannot be told)")
                        + "; give its secret (aem: --secret " + endpoint + "=FILE; Jenkins: a credential for '" + endpoint + "')");
            }
        });
        if (!problems.isEmpty()) {
            throw AemException.invalidInput("secrets", String.join("; ", problems)
                    + ". Nothing was sent to AEM.");
        }
        // User names first, on the file form: the plan and the read-back must expect them, not the file's.
        ObjectNode users = file.json();
        assigned.forEach((placeholder, secret) -> secret.username().ifPresent(
                user -> putUsername(users, placeholder, user)));
        TaskDefinition withUsers = TaskDefinition.owning(users);
        ObjectNode tree = withUsers.withoutEndpoints(leftOut).json();
        StringValues.rewrite(tree, (place, value) -> SecretPlaceholder.parse(value)
                .map(assigned::get).map(s -> Placeholders.escape(s.secret())).orElse(value));
        Set<String> unused = new TreeSet<>(given.keySet());
        unused.removeAll(usedKeys);
        return new Filled(TaskDefinition.owning(tree), withUsers, filled, leftOut, unused);
    }

    /** Puts the user name beside the password it came with: into {@code username}, or else {@code user}. */
    private static void putUsername(ObjectNode tree, SecretPlaceholder placeholder, String user) {
        ObjectNode parent = null;
        for (JsonNode db : tree.get(TaskDefinition.DEFINITION).path("databases")) {
            if (db.path("name").asText().equals(placeholder.endpoint())) {
                JsonNode at = db.has("db_settings") ? db.get("db_settings") : db;
                String[] keys = placeholder.field().split("\\.");
                for (int i = 0; i < keys.length - 1 && at != null; i++) {
                    at = at.get(keys[i]);
                }
                parent = at instanceof ObjectNode o ? o : null;
            }
        }
        String key = parent == null ? null : parent.has("username") ? "username" : parent.has("user") ? "user" : null;
        if (key == null) {
            throw AemException.invalidInput("secrets", "endpoint '" + placeholder.endpoint() + "' has no user name field "
                    + "beside '" + placeholder.field() + "'. Give a secret text instead of a user name and password. "
                    + "Nothing was sent to AEM.");
        }
        parent.put(key, Placeholders.escape(user));
    }
}
