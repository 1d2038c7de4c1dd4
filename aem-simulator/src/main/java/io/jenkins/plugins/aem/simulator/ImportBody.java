package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * An ImportTask body, checked as AEM checks it (aem-release-api.md section 2), or the refusal it earns. A task import
 * accepts the members an ExportTask answer has and nothing else: {@code name}, {@code description}, {@code _version}
 * and {@code cmd.replication_definition} holding {@code tasks} (exactly one) and {@code databases}.
 *
 * @param task         {@code tasks[0]}, the task's definition
 * @param databases    the endpoints the body carries (empty when none)
 * @param versionGiven whether the body has a {@code _version} object
 */
record ImportBody(ObjectNode task, List<ObjectNode> databases, boolean versionGiven) {
    static final String DEFINITION = "cmd.replication_definition";
    private static final Set<String> TOP = Set.of("name", "description", "_version", DEFINITION);
    private static final Set<String> INSIDE = Set.of("tasks", "databases");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Checks a task's configured definition; throws IllegalArgumentException naming the task and the problem. */
    static ImportBody configured(String json, String task) {
        try {
            return parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), task);
        } catch (Refused e) {
            throw new IllegalArgumentException("task " + task + ": the definition is refused (" + e.code() + "): "
                    + e.getMessage(), e);
        }
    }

    /** Reads and checks a body for the task {@code urlTask}. */
    static ImportBody parse(byte[] body, String urlTask) throws Refused {
        if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw empty("The request body is empty: send the task definition JSON an export gives.");
        }
        JsonNode doc;
        try {
            doc = MAPPER.readTree(body);
        } catch (IOException e) {
            throw invalid("The request body is not valid JSON.");
        }
        if (!(doc instanceof ObjectNode root)) {
            throw invalid("The request body is not a JSON object.");
        }
        if (root.isEmpty()) {
            throw empty("The JSON holds no definition.");
        }
        alien(root, TOP, "");
        JsonNode def = root.get(DEFINITION);
        if (def == null) {
            throw empty("The JSON has no " + DEFINITION + ".");
        }
        if (!(def instanceof ObjectNode definition)) {
            throw invalid(DEFINITION + " is not an object.");
        }
        alien(definition, INSIDE, DEFINITION + ".");
        List<ObjectNode> databases = databases(definition.get("databases"));
        JsonNode tasks = definition.get("tasks");
        if (tasks == null || tasks.isArray() && tasks.isEmpty()) {
            if (databases.isEmpty()) {
                throw empty("The JSON holds no task and no endpoint.");
            }
            throw invalid("The JSON holds no task: ImportTask imports one task.");
        }
        if (!tasks.isArray()) {
            throw invalid(DEFINITION + ".tasks is not an array.");
        }
        if (tasks.size() > 1) {
            throw new Refused("AEM_IMPORT_TASK_CONTAINS_MULTIPLE_TASKS",
                    "The JSON contains " + tasks.size() + " tasks; ImportTask imports exactly one.");
        }
        JsonNode name = tasks.get(0).path("task").path("name");
        if (!(tasks.get(0) instanceof ObjectNode task) || !name.isTextual() || name.asText().isEmpty()) {
            throw invalid("tasks[0].task.name is missing.");
        }
        if (!name.asText().equals(urlTask)) {
            throw new Refused("AEM_IMPORT_TASK_NAME_DIFFER", "The JSON file contains conflicting tasks: it defines task '"
                    + name.asText() + "' but the URL names task '" + urlTask + "'.");
        }
        JsonNode version = root.get("_version");
        if (version != null && !version.isObject()) {
            throw invalid("_version is not an object.");
        }
        return new ImportBody(task, databases, version != null);
    }

    private static List<ObjectNode> databases(JsonNode dbs) throws Refused {
        List<ObjectNode> out = new ArrayList<>();
        if (dbs == null || dbs.isNull()) {
            return out;
        }
        if (!dbs.isArray()) {
            throw invalid(DEFINITION + ".databases is not an array.");
        }
        for (JsonNode db : dbs) {
            if (!(db instanceof ObjectNode o) || !db.path("name").isTextual() || db.path("name").asText().isEmpty()
                    || !db.path("db_settings").isObject()) {
                throw invalid("Every endpoint in databases needs a name and db_settings.");
            }
            out.add(o);
        }
        return out;
    }

    private static void alien(ObjectNode node, Set<String> allowed, String prefix) throws Refused {
        List<String> alien = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                alien.add(prefix + k);
            }
        }
        if (!alien.isEmpty()) {
            throw new Refused("AEM_IMPORT_TASK_CONTAIN_ALIEN_ITEMS",
                    "The JSON contains items a task import does not accept: " + String.join(", ", alien) + ".");
        }
    }

    private static Refused empty(String message) {
        return new Refused("AEM_IMPORT_CONTENT_EMPTY", message);
    }

    private static Refused invalid(String message) {
        return new Refused("AEM_IMPORT_INVALID_CONTENT", message);
    }
}
