package io.jenkins.plugins.aem.client.definition;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.client.AemException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One Replicate task definition, as ExportTask writes it: {@code cmd.replication_definition.tasks} with exactly one
 * task, optionally its endpoints in {@code cmd.replication_definition.databases}, and the exporting server's
 * {@code _version}. Immutable: every accessor that hands out JSON hands out a copy.
 *
 * <p>{@link #toString()} names the task and its endpoints only, never a setting's value, so a definition holding
 * secrets can be logged.
 */
public final class TaskDefinition {

    /** Reads definitions strictly: a key given twice makes the file ambiguous, so it is refused, not guessed at. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    static final String DEFINITION = "cmd.replication_definition";
    private static final String FIELD = "definition";

    private final ObjectNode root;

    private TaskDefinition(ObjectNode root) {
        this.root = root;
    }

    /**
     * Reads a definition from its text: a file {@code aem export-task} wrote, or an export from AEM.
     *
     * @throws AemException ({@link io.jenkins.plugins.aem.client.FailureKind#INVALID_INPUT}) when the text is not
     *                      JSON or not one Replicate task, naming the problem and the fix
     */
    public static TaskDefinition parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("is empty. Give the file 'aem export-task' wrote, or a task exported from AEM.");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote the text around the error, which may be a password: only the place.
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "has a key given twice" : "is not valid JSON";
            throw invalid(what + where + ". Give the file 'aem export-task' wrote, or a task exported from AEM.");
        }
        return of(tree);
    }

    /**
     * A definition from a JSON tree (copied).
     *
     * @throws AemException ({@link io.jenkins.plugins.aem.client.FailureKind#INVALID_INPUT}) as {@link #parse} does
     */
    public static TaskDefinition of(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw invalid("is not a JSON object. Give the file 'aem export-task' wrote, or a task exported from AEM.");
        }
        ObjectNode copy = ((ObjectNode) tree).deepCopy();
        JsonNode def = copy.get(DEFINITION);
        if (def == null || !def.isObject()) {
            throw invalid("has no '" + DEFINITION + "', so it is not a Replicate task export. Export the task with "
                    + "'aem export-task'. Compose projects are not deployed through AEM: use ComposeCli on the Compose server.");
        }
        JsonNode tasks = def.get("tasks");
        if (tasks == null || !tasks.isArray() || tasks.isEmpty()) {
            throw invalid("holds no task ('" + DEFINITION + ".tasks' is missing or empty). Export the task with 'aem export-task'.");
        }
        if (tasks.size() > 1) {
            List<String> names = new ArrayList<>();
            tasks.forEach(t -> names.add(t.path("task").path("name").asText("?")));
            throw invalid("holds " + tasks.size() + " tasks (" + String.join(", ", names) + "), as a whole server's "
                    + "export does. A deploy takes one task: export it alone with 'aem export-task'.");
        }
        JsonNode name = tasks.get(0).path("task").path("name");
        if (!name.isTextual() || name.asText().isBlank()) {
            throw invalid("has no task name at '" + DEFINITION + ".tasks[0].task.name'. Export the task with 'aem export-task'.");
        }
        JsonNode dbs = def.get("databases");
        if (dbs != null && !dbs.isNull()) {
            if (!dbs.isArray()) {
                throw invalid("has '" + DEFINITION + ".databases' that is not a list. Export the task with 'aem export-task'.");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (JsonNode db : dbs) {
                String n = db.path("name").asText("");
                if (!db.isObject() || n.isBlank()) {
                    throw invalid("has an endpoint without a name in '" + DEFINITION + ".databases'. Give every endpoint its name.");
                }
                if (!seen.add(n)) {
                    throw invalid("defines endpoint '" + n + "' twice in '" + DEFINITION + ".databases'. Keep one of them.");
                }
            }
        }
        return new TaskDefinition(copy);
    }

    private static AemException invalid(String problemAndFix) {
        return AemException.invalidInput(FIELD, problemAndFix);
    }

    /** The task's name inside the definition. */
    public String taskName() {
        return task().path("task").path("name").asText();
    }

    /** A copy whose task is named {@code name}, as ImportTask needs it to match the task in the URL. */
    public TaskDefinition withTaskName(String name) {
        ObjectNode copy = root.deepCopy();
        ((ObjectNode) copy.get(DEFINITION).get("tasks").get(0).get("task")).put("name", name);
        return new TaskDefinition(copy);
    }

    /** The Replicate version the definition was exported from ({@code _version}), if it says. */
    public Optional<ReplicateVersion> version() {
        return ReplicateVersion.of(root.get("_version"));
    }

    /** A copy stamped with {@code version} as its {@code _version}. */
    public TaskDefinition withVersion(ReplicateVersion version) {
        ObjectNode copy = root.deepCopy();
        copy.set("_version", version.toJson());
        return new TaskDefinition(copy);
    }

    /** The names of the endpoints the definition carries, in its order; empty when it was exported without them. */
    public List<String> endpointNames() {
        List<String> names = new ArrayList<>();
        databases().forEach(db -> names.add(db.path("name").asText()));
        return names;
    }

    /** One endpoint the definition carries, as a copy. */
    public Optional<ObjectNode> endpoint(String name) {
        for (JsonNode db : databases()) {
            if (db.path("name").asText().equals(name)) {
                return Optional.of(((ObjectNode) db).deepCopy());
            }
        }
        return Optional.empty();
    }

    /** A copy without the named endpoints; the task still refers to them by name. */
    public TaskDefinition withoutEndpoints(Set<String> names) {
        if (names.isEmpty()) {
            return this;
        }
        ObjectNode copy = root.deepCopy();
        JsonNode dbs = copy.get(DEFINITION).get("databases");
        if (dbs instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (names.contains(array.get(i).path("name").asText())) {
                    array.remove(i);
                }
            }
        }
        return new TaskDefinition(copy);
    }

    /**
     * A copy carrying exactly these endpoints in {@code cmd.replication_definition.databases}, or, when there are none,
     * without that member, as an export without endpoints is.
     */
    public TaskDefinition withEndpoints(List<ObjectNode> endpoints) {
        ObjectNode copy = root.deepCopy();
        ObjectNode def = (ObjectNode) copy.get(DEFINITION);
        if (endpoints.isEmpty()) {
            def.remove("databases");
        } else {
            ArrayNode dbs = def.putArray("databases");
            endpoints.forEach(e -> dbs.add(e.deepCopy()));
        }
        return of(copy);
    }

    /** The endpoints the task uses: its source ({@code source_name}) and its targets ({@code target_names}). */
    public Set<String> usedEndpoints() {
        JsonNode task = task().path("task");
        Set<String> used = new LinkedHashSet<>();
        if (task.path("source_name").isTextual() && !task.path("source_name").asText().isBlank()) {
            used.add(task.path("source_name").asText());
        }
        task.path("target_names").forEach(t -> {
            if (t.isTextual() && !t.asText().isBlank()) {
                used.add(t.asText());
            }
        });
        return used;
    }

    /** The whole definition, as a copy. */
    public ObjectNode json() {
        return root.deepCopy();
    }

    /** The definition as compact JSON, for a request body. */
    public String toJson() {
        return root.toString();
    }

    /** The internal tree, for this package's readers, which never change it. */
    ObjectNode node() {
        return root;
    }

    /** A definition owning {@code tree} as it is; for this package's transformations, which built a fresh tree. */
    static TaskDefinition owning(ObjectNode tree) {
        return new TaskDefinition(tree);
    }

    private JsonNode task() {
        return root.get(DEFINITION).get("tasks").get(0);
    }

    private JsonNode databases() {
        JsonNode dbs = root.get(DEFINITION).get("databases");
        return dbs == null || dbs.isNull() ? JSON.createArrayNode() : dbs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskDefinition d && d.root.equals(root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return "TaskDefinition[task=" + taskName() + ", endpoints=" + endpointNames() + "]";
    }
}
