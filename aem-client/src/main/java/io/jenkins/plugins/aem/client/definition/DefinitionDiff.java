package io.jenkins.plugins.aem.client.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares two definitions in comparison form, setting by setting. Lists whose items have an identity (tables by
 * owner and name, targets by target name, other objects by name, unique strings by value) are compared item by item,
 * in any order, as an import merges them; other lists as whole values. Numbers compare by value ({@code 1} equals {@code 1.0}).
 */
public final class DefinitionDiff {

    /** The task lists whose items are tables (or table patterns). */
    static final Set<String> TABLE_LISTS = Set.of("explicit_included_tables", "included_pattern", "excluded_pattern");

    private static final String TASK_PREFIX = TaskDefinition.DEFINITION + ".tasks[0].";

    private DefinitionDiff() {
    }

    /**
     * The differences of the task itself (everything but {@code _version} and the endpoints), going from {@code from}
     * to {@code to}.
     */
    public static List<Difference> task(TaskDefinition from, TaskDefinition to) {
        List<Difference> out = new ArrayList<>();
        walk(taskPart(from), taskPart(to), "", null, out);
        return out;
    }

    /** The differences of one endpoint, going from {@code from} to {@code to}; both must hold it. */
    public static List<Difference> endpoint(String name, JsonNode from, JsonNode to) {
        List<Difference> out = new ArrayList<>();
        ObjectNode a = ((ObjectNode) from).deepCopy();
        ObjectNode b = ((ObjectNode) to).deepCopy();
        walk(a, b, "", name, out);
        return out;
    }

    /** Whether two values are the same, numbers by value and objects regardless of key order. */
    public static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                if (!same(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** The part of a definition that is the task: everything but the endpoints and the version stamp. */
    private static ObjectNode taskPart(TaskDefinition d) {
        ObjectNode copy = d.json();
        copy.remove("_version");
        ((ObjectNode) copy.get(TaskDefinition.DEFINITION)).remove("databases");
        return copy;
    }

    private static void walk(JsonNode a, JsonNode b, String path, String endpoint, List<Difference> out) {
        if (a.isObject() && b.isObject()) {
            Set<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String p = path.isEmpty() ? key : path + "." + key;
                JsonNode x = a.get(key);
                JsonNode y = b.get(key);
                if (x == null) {
                    out.add(new Difference(Difference.Kind.ADDED, endpoint, display(p), null, y, false));
                } else if (y == null) {
                    out.add(new Difference(Difference.Kind.REMOVED, endpoint, display(p), x, null, false));
                } else {
                    walk(x, y, p, endpoint, out);
                }
            }
            return;
        }
        if (a.isArray() && b.isArray()) {
            if (path.equals(TaskDefinition.DEFINITION + ".tasks") && a.size() == 1 && b.size() == 1) {
                // A definition holds one task: compare it field by field, never as one whole value.
                walk(a.get(0), b.get(0), path + "[0]", endpoint, out);
                return;
            }
            Function<JsonNode, String> id = identity((ArrayNode) a, (ArrayNode) b);
            if (id != null) {
                items(a, b, path, endpoint, id, out);
                return;
            }
        }
        if (!same(a, b)) {
            out.add(new Difference(Difference.Kind.CHANGED, endpoint, display(path), a, b, false));
        }
    }

    private static void items(JsonNode a, JsonNode b, String path, String endpoint, Function<JsonNode, String> id,
                              List<Difference> out) {
        Map<String, JsonNode> x = new TreeMap<>();
        Map<String, JsonNode> y = new TreeMap<>();
        a.forEach(item -> x.put(id.apply(item), item));
        b.forEach(item -> y.put(id.apply(item), item));
        Set<String> keys = new TreeSet<>(x.keySet());
        keys.addAll(y.keySet());
        String last = path.substring(path.lastIndexOf('.') + 1);
        boolean tables = TABLE_LISTS.contains(last);
        for (String key : keys) {
            String p = path + "[" + key + "]";
            if (!x.containsKey(key)) {
                out.add(new Difference(Difference.Kind.ADDED, endpoint, display(p), null, y.get(key), tables));
            } else if (!y.containsKey(key)) {
                out.add(new Difference(Difference.Kind.REMOVED, endpoint, display(p), x.get(key), null, tables));
            } else {
                walk(x.get(key), y.get(key), p, endpoint, out);
            }
        }
    }

    /** How the items of two lists are told apart, or {@code null} when they are not (the lists compare whole). */
    private static Function<JsonNode, String> identity(ArrayNode a, ArrayNode b) {
        List<JsonNode> all = new ArrayList<>();
        a.forEach(all::add);
        b.forEach(all::add);
        if (all.isEmpty()) {
            return null;
        }
        List<Function<JsonNode, String>> candidates = List.of(
                n -> n.isObject() && n.path("owner").isTextual() && n.path("name").isTextual()
                        ? n.get("owner").asText() + "." + n.get("name").asText() : null,
                n -> n.isObject() && n.path("rep_target").path("target_name").isTextual()
                        ? n.get("rep_target").get("target_name").asText() : null,
                n -> n.isObject() && n.path("name").isTextual() ? n.get("name").asText() : null,
                n -> n.isTextual() ? n.asText() : null);
        for (Function<JsonNode, String> id : candidates) {
            if (unique(a, id) && unique(b, id)) {
                return id;
            }
        }
        return null;
    }

    private static boolean unique(ArrayNode list, Function<JsonNode, String> id) {
        Set<String> seen = new HashSet<>();
        for (JsonNode n : list) {
            String key = id.apply(n);
            if (key == null || !seen.add(key)) {
                return false;
            }
        }
        return true;
    }

    private static String display(String path) {
        return path.startsWith(TASK_PREFIX) ? path.substring(TASK_PREFIX.length()) : path;
    }
}
