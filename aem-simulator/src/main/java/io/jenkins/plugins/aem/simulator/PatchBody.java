package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A PatchEndpoint body, checked as AEM checks it (aem-release-api.md section 6.3), or the refusal it earns: a JSON-Patch
 * array of {@code add}, {@code replace}, {@code remove} and {@code test} operations on paths below
 * {@code /db_settings/}. {@code move} and {@code copy} are not supported, and no {@code $type} may change. Every
 * refusal answers {@code AEM_PATCH_ENDPOINT_INNER_ERR}, the one code the pages give; a refused patch changes nothing.
 *
 * @param operations the operations, in order
 */
record PatchBody(List<Operation> operations) {
    static final String CODE = "AEM_PATCH_ENDPOINT_INNER_ERR";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> SUPPORTED = Set.of("add", "replace", "remove", "test");
    private static final String ROOT = "/db_settings/";

    /**
     * One operation.
     *
     * @param op    add, replace, remove or test
     * @param path  the JSON pointer as sent
     * @param keys  the path's keys below {@code db_settings}, unescaped
     * @param value the value (null for remove)
     */
    record Operation(String op, String path, List<String> keys, JsonNode value) {
        /** The last key: the field the operation is about. */
        String field() {
            return keys.get(keys.size() - 1);
        }

        /** The field's path below {@code db_settings}, as the secret fields name it ({@code proxy/password}). */
        String fieldPath() {
            return String.join("/", keys);
        }
    }

    /** What a secret value given in an operation is stored as. */
    @FunctionalInterface
    interface SecretStore {
        String store(String field, String value);
    }

    /** Reads and checks a body. */
    static PatchBody parse(byte[] body) throws Refused {
        JsonNode doc;
        try {
            doc = body.length == 0 ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            throw refused("The request body is not valid JSON.");
        }
        if (doc == null || !doc.isArray() || doc.isEmpty()) {
            throw refused("The request body must be a non-empty JSON-Patch array, such as "
                    + "[{\"op\":\"replace\",\"path\":\"/db_settings/password\",\"value\":\"...\"}].");
        }
        List<Operation> out = new ArrayList<>();
        for (JsonNode n : doc) {
            String op = n.path("op").asText("");
            String path = n.path("path").asText("");
            if ("move".equals(op) || "copy".equals(op)) {
                throw refused("The operation '" + op + "' is not supported: use add, replace, remove or test.");
            }
            if (!SUPPORTED.contains(op)) {
                throw refused("Unknown operation '" + op + "': use add, replace, remove or test.");
            }
            if (!path.startsWith(ROOT) || path.length() == ROOT.length()) {
                throw refused("The path '" + path + "' is not a setting of the endpoint: paths start with " + ROOT
                        + " and name a field, such as /db_settings/password.");
            }
            List<String> keys = new ArrayList<>();
            for (String raw : path.substring(ROOT.length()).split("/", -1)) {
                if (raw.isEmpty()) {
                    throw refused("The path '" + path + "' has an empty key.");
                }
                keys.add(raw.replace("~1", "/").replace("~0", "~"));
            }
            if ("$type".equals(keys.get(keys.size() - 1))) {
                throw refused("The path '" + path + "' cannot be changed: an endpoint's type is fixed.");
            }
            if (!"remove".equals(op) && !n.has("value")) {
                throw refused("The operation '" + op + "' on '" + path + "' has no value.");
            }
            out.add(new Operation(op, path, List.copyOf(keys), "remove".equals(op) ? null : n.get("value")));
        }
        return new PatchBody(List.copyOf(out));
    }

    /**
     * The endpoint with every operation applied, in order, to a copy; a secret value given is stored as
     * {@code secrets} says.
     */
    ObjectNode applyTo(ObjectNode endpoint, SecretStore secrets) throws Refused {
        ObjectNode out = endpoint.deepCopy();
        for (Operation o : operations) {
            ObjectNode parent = parent(out, o);
            String field = o.field();
            JsonNode now = parent.get(field);
            switch (o.op()) {
                case "test" -> {
                    if (now == null || !now.equals(o.value())) {
                        throw refused("The test of '" + o.path() + "' failed: the endpoint holds another value there.");
                    }
                }
                case "remove", "replace" -> {
                    if (now == null) {
                        throw refused("The path '" + o.path() + "' does not exist: it cannot be " + o.op() + "d.");
                    }
                    if ("remove".equals(o.op())) {
                        parent.remove(field);
                    } else {
                        parent.set(field, stored(o, secrets));
                    }
                }
                default -> parent.set(field, stored(o, secrets)); // add replaces or creates
            }
        }
        return out;
    }

    /** The paths of the operations, without their values, for the ground truth. */
    List<String> paths() {
        return operations.stream().map(o -> o.op() + " " + o.path()).toList();
    }

    private static JsonNode stored(Operation o, SecretStore secrets) {
        JsonNode v = o.value();
        if (v.isTextual() && SecretFields.isSecret(o.field(), v.asText())) {
            return MAPPER.getNodeFactory().textNode(secrets.store(o.fieldPath(), v.asText()));
        }
        return v.deepCopy();
    }

    private static ObjectNode parent(ObjectNode endpoint, Operation o) throws Refused {
        JsonNode at = endpoint.get("db_settings");
        for (String key : o.keys().subList(0, o.keys().size() - 1)) {
            at = at instanceof ObjectNode obj ? obj.get(key) : null;
        }
        if (!(at instanceof ObjectNode parent)) {
            throw refused("The path '" + o.path() + "' does not lead to a setting of the endpoint.");
        }
        return parent;
    }

    private static Refused refused(String message) {
        return new Refused(CODE, message);
    }
}
