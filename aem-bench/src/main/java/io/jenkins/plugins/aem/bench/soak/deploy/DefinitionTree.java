package io.jenkins.plugins.aem.bench.soak.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The soak's view of a definition as a JSON tree. A file written by {@code aem export-task} and the simulator's
 * normalised ground truth ({@code ServerRepository.definition}) have one shape, {@code {"_version", 
 * "cmd.replication_definition": {"databases", "tasks": [..]}}}, so one edit applies to both: to the file that is
 * deployed, and to the truth the deploy is expected to leave.
 */
final class DefinitionTree {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final String DEFINITION = "cmd.replication_definition";
    private static final String PASSWORD = "password";

    private DefinitionTree() {
    }

    static ObjectNode parse(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pretty(JsonNode tree) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The task of the definition: {@code cmd.replication_definition.tasks[0]}. */
    static ObjectNode task(ObjectNode root) {
        return (ObjectNode) root.get(DEFINITION).get("tasks").get(0);
    }

    /** The endpoints the definition carries; created empty when it carries none. */
    static ArrayNode databases(ObjectNode root) {
        ObjectNode definition = (ObjectNode) root.get(DEFINITION);
        return definition.has("databases") ? (ArrayNode) definition.get("databases") : definition.putArray("databases");
    }

    static boolean carriesEndpoints(ObjectNode root) {
        return root.get(DEFINITION).has("databases");
    }

    /** The endpoint of that name, or {@code null}. */
    static ObjectNode endpoint(ObjectNode root, String name) {
        for (JsonNode db : databases(root)) {
            if (name.equals(db.path("name").asText())) {
                return (ObjectNode) db;
            }
        }
        return null;
    }

    static ArrayNode tables(ObjectNode root) {
        return (ArrayNode) task(root).get("source").get("source_tables").get("explicit_included_tables");
    }

    /**
     * A copy fit for comparison: endpoints sorted by name (the truth sorts them, a file need not), optionally without
     * {@code task_uuid} (a task created or replaced by a deploy gets no identity from a file), and with the secret of
     * each endpoint in {@code unknownSecrets} replaced by one mark (its fingerprint is new, so it cannot be predicted;
     * the soak checks the secret itself with {@code secretMatches}).
     */
    static ObjectNode comparable(ObjectNode root, boolean withoutUuid, Set<String> unknownSecrets) {
        ObjectNode copy = root.deepCopy();
        if (withoutUuid) {
            ((ObjectNode) task(copy).path("task_settings").path("common_settings")).remove("task_uuid");
        }
        List<JsonNode> dbs = new ArrayList<>();
        databases(copy).forEach(dbs::add);
        dbs.sort(Comparator.comparing(db -> db.path("name").asText()));
        ArrayNode sorted = databases(copy).removeAll();
        for (JsonNode db : dbs) {
            if (unknownSecrets.contains(db.path("name").asText()) && db.path("db_settings").has(PASSWORD)) {
                ((ObjectNode) db.get("db_settings")).put(PASSWORD, "<new secret>");
            }
            sorted.add(db);
        }
        return copy;
    }

    /**
     * Whether two truths hold the same task, endpoints aside: a lane's endpoints are shared by its tasks, so a deploy of
     * one task that changes an endpoint changes the truth of the others without touching them.
     */
    static boolean sameTask(String a, String b) {
        return parse(a).get(DEFINITION).get("tasks").equals(parse(b).get(DEFINITION).get("tasks"));
    }

    /** The first place where {@code actual} differs from {@code expected}, as a path and both values; null when equal. */
    static String firstDifference(JsonNode expected, JsonNode actual) {
        return difference(expected, actual, "");
    }

    private static String difference(JsonNode expected, JsonNode actual, String path) {
        if (expected == null || actual == null || expected.getNodeType() != actual.getNodeType()) {
            return describe(path, expected, actual);
        }
        if (expected.isObject()) {
            for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String d = difference(expected.get(name), actual.get(name), path + "." + name);
                if (d != null) {
                    return d;
                }
            }
            for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!expected.has(name)) {
                    return describe(path + "." + name, null, actual.get(name));
                }
            }
            return null;
        }
        if (expected.isArray()) {
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                String d = difference(expected.get(i), actual.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return expected.equals(actual) ? null : describe(path, expected, actual);
    }

    private static String describe(String path, JsonNode expected, JsonNode actual) {
        return (path.isEmpty() ? "the whole definition" : path.substring(1)) + ": expected " + shortly(expected)
                + ", found " + shortly(actual);
    }

    private static String shortly(JsonNode n) {
        String text = n == null ? "(none)" : n.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
