package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * ImportTask's merge (aem-release-api.md section 2): whatever the body does not define is neither changed nor
 * removed. Objects merge member by member; arrays are unions in which an element of the body replaces (by merging
 * into) the stored element of the same identity and is appended otherwise; anything else the body gives replaces
 * what was stored. So a table the body dropped stays selected, and a setting the body leaves out keeps its value.
 *
 * <p>The identity of an array element: a target ({@code {"rep_target":{"target_name":..}}}) by its target name; a
 * table or pattern by {@code owner} and {@code name}; any other object by {@code name}; anything else by its whole
 * value.
 */
final class DefinitionMerge {
    private DefinitionMerge() {
    }

    /** {@code given} merged into a copy of {@code stored}; {@code given} itself when nothing was stored. */
    static ObjectNode merged(ObjectNode stored, ObjectNode given) {
        if (stored == null) {
            return given;
        }
        ObjectNode out = stored.deepCopy();
        into(out, given);
        return out;
    }

    /** Merges {@code body} into {@code stored}, in place. */
    static void into(ObjectNode stored, ObjectNode body) {
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            JsonNode old = stored.get(e.getKey());
            JsonNode given = e.getValue();
            if (old instanceof ObjectNode o && given instanceof ObjectNode g) {
                into(o, g);
            } else if (old instanceof ArrayNode a && given instanceof ArrayNode g) {
                union(a, g);
            } else {
                stored.set(e.getKey(), given.deepCopy());
            }
        }
    }

    private static void union(ArrayNode stored, ArrayNode body) {
        for (JsonNode given : body) {
            int match = find(stored, given);
            if (match < 0) {
                stored.add(given.deepCopy());
            } else if (stored.get(match) instanceof ObjectNode o && given instanceof ObjectNode g) {
                into(o, g);
            }
        }
    }

    private static int find(ArrayNode stored, JsonNode given) {
        String id = identity(given);
        for (int i = 0; i < stored.size(); i++) {
            JsonNode s = stored.get(i);
            if (id != null ? id.equals(identity(s)) : s.equals(given)) {
                return i;
            }
        }
        return -1;
    }

    /** The identity of an array element, or null when only its whole value identifies it. */
    static String identity(JsonNode n) {
        if (!n.isObject()) {
            return null;
        }
        JsonNode target = n.path("rep_target").path("target_name");
        if (target.isTextual()) {
            return "target:" + target.asText();
        }
        JsonNode name = n.get("name");
        if (name == null || !name.isTextual()) {
            return null;
        }
        JsonNode owner = n.get("owner");
        return owner != null && owner.isTextual() ? "table:" + owner.asText() + "\u0000" + name.asText()
                : "name:" + name.asText();
    }
}
