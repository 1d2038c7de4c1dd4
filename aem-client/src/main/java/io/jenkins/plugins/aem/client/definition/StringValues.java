package io.jenkins.plugins.aem.client.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/** Visits, and may replace, every string value of a definition's tree, telling each one's place. */
final class StringValues {

    /** Where a string value sits. */
    record Place(List<String> path, String key, String endpoint, String field) {

        /** The JSON path, for example {@code cmd.replication_definition.databases[Src].db_settings.password}. */
        String dotted() {
            StringBuilder out = new StringBuilder();
            for (String segment : path) {
                if (out.length() > 0 && !segment.startsWith("[")) {
                    out.append('.');
                }
                out.append(segment);
            }
            return out.toString();
        }

        /** {@code true} when the value belongs to an endpoint of {@code cmd.replication_definition.databases}. */
        boolean inEndpoint() {
            return endpoint != null;
        }
    }

    /** Sees one string and returns its replacement (the same string to keep it). */
    @FunctionalInterface
    interface Rewrite {
        String apply(Place place, String value);
    }

    private StringValues() {
    }

    /** Rewrites the strings of {@code root} in place. */
    static void rewrite(ObjectNode root, Rewrite rewrite) {
        walk(root, new ArrayList<>(), null, null, rewrite);
    }

    private static void walk(JsonNode node, List<String> path, String endpoint, List<String> endpointPath, Rewrite rewrite) {
        if (node instanceof ObjectNode o) {
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                JsonNode child = o.get(key);
                path.add(key);
                List<String> inner = endpointPath == null ? null : append(endpointPath, key);
                String out = visit(child, new Place(List.copyOf(path), key, endpoint, field(inner)), inner, rewrite);
                if (out != null) {
                    o.set(key, TextNode.valueOf(out));
                }
                path.remove(path.size() - 1);
            }
        } else if (node instanceof ArrayNode a) {
            boolean databases = path.equals(List.of(TaskDefinition.DEFINITION, "databases"));
            for (int i = 0; i < a.size(); i++) {
                JsonNode child = a.get(i);
                String name = databases ? child.path("name").asText(null) : null;
                path.add(databases && name != null ? "[" + name + "]" : "[" + i + "]");
                String ep = name != null ? name : endpoint;
                List<String> inner = name != null ? List.of() : endpointPath == null ? null : append(endpointPath, "[" + i + "]");
                String out = visit(child, new Place(List.copyOf(path), null, ep, field(inner)), inner, rewrite);
                if (out != null) {
                    a.set(i, TextNode.valueOf(out));
                }
                path.remove(path.size() - 1);
            }
        }
    }

    /** A string's replacement when it changed (else {@code null}); anything else is walked into. */
    private static String visit(JsonNode child, Place place, List<String> inner, Rewrite rewrite) {
        if (!child.isTextual()) {
            walk(child, new ArrayList<>(place.path()), place.endpoint(), inner, rewrite);
            return null;
        }
        String value = child.asText();
        String out = rewrite.apply(place, value);
        return out.equals(value) ? null : out;
    }

    private static List<String> append(List<String> list, String key) {
        List<String> out = new ArrayList<>(list);
        out.add(key);
        return out;
    }

    /**
     * A field's name within its endpoint, as secret placeholders name it: the keys below the endpoint, joined with
     * dots, without the leading {@code db_settings} (where every endpoint keeps its connection settings).
     */
    private static String field(List<String> inner) {
        if (inner == null || inner.isEmpty()) {
            return null;
        }
        List<String> keys = inner.size() > 1 && inner.get(0).equals("db_settings") ? inner.subList(1, inner.size()) : inner;
        return new Place(keys, null, null, null).dotted();
    }
}
