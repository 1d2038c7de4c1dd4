package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which values of an endpoint definition are secrets, the one place that decides it: in {@code db_settings}, at any
 * depth, every non-empty text member whose name contains {@code password}, {@code secret}, {@code passphrase},
 * {@code token} or {@code privatekey} (any case), and every text value of the encrypted form {@code {Z...}}. Replicate
 * stores these encrypted and exports them as {@code {Z...}}.
 */
final class SecretFields {
    private static final String[] SECRET_NAMES = {"password", "secret", "passphrase", "token", "privatekey"};
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SecretFields() {
    }

    /** One secret value of an endpoint: its path below {@code db_settings} (e.g. {@code password}) and its text. */
    record Secret(String field, String value) {
    }

    /** Whether a {@code db_settings} member holds a secret. */
    static boolean isSecret(String name, String value) {
        if (value.isEmpty()) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String s : SECRET_NAMES) {
            if (lower.contains(s)) {
                return true;
            }
        }
        return SecretCipher.looksEncrypted(value);
    }

    /** Every secret of one endpoint (a {@code databases} element), in document order. */
    static List<Secret> of(JsonNode database) {
        List<Secret> out = new ArrayList<>();
        JsonNode settings = database.path("db_settings");
        if (settings.isObject()) {
            visit((ObjectNode) settings.deepCopy(), "", (field, value) -> {
                out.add(new Secret(field, value));
                return value;
            });
        }
        return out;
    }

    /** Replaces each secret of one endpoint, in place, by what {@code change} returns for it. */
    static void replace(ObjectNode database, SecretChange change) {
        JsonNode settings = database.get("db_settings");
        if (settings instanceof ObjectNode o) {
            visit(o, "", change);
        }
    }

    /** What to put in place of one secret. */
    @FunctionalInterface
    interface SecretChange {
        String apply(String field, String value);
    }

    /**
     * An ImportTask body fit for the journal: every endpoint secret replaced by {@code <redacted>}. A body that is
     * not JSON is not recorded at all, since nothing tells where its secrets are.
     */
    static String redactedBody(byte[] body) {
        JsonNode doc = parse(body);
        if (doc == null) {
            return body.length == 0 ? "" : "<" + body.length + " bytes that are not JSON; not recorded>";
        }
        forEachDatabase(doc, db -> replace(db, (field, value) -> "<redacted>"));
        return doc.toString();
    }

    /** Reports every secret of an ImportTask body: clear text as a password, {@code {Z...}} as encrypted. */
    static void report(byte[] body, SecretReporter reporter) {
        JsonNode doc = parse(body);
        if (doc != null) {
            forEachDatabase(doc, db -> of(db).forEach(s -> reporter.reportEndpointSecret(s.value())));
        }
    }

    /**
     * A PatchEndpoint body fit for the journal: the value of every operation on a secret field replaced by
     * {@code <redacted>}; a body that is not a JSON array is not recorded.
     */
    static String redactedPatch(byte[] body) {
        JsonNode doc = parse(body);
        if (doc == null || !doc.isArray()) {
            return body.length == 0 ? "" : "<" + body.length + " bytes that are not a JSON-Patch array; not recorded>";
        }
        forEachPatchSecret(doc, op -> op.put("value", "<redacted>"));
        return doc.toString();
    }

    /** Reports every secret value of a PatchEndpoint body. */
    static void reportPatch(byte[] body, SecretReporter reporter) {
        JsonNode doc = parse(body);
        if (doc != null && doc.isArray()) {
            forEachPatchSecret(doc, op -> reporter.reportEndpointSecret(op.get("value").asText()));
        }
    }

    /** Applies {@code action} to every operation of a JSON-Patch array whose value is a secret of its field. */
    private static void forEachPatchSecret(JsonNode patch, Consumer<ObjectNode> action) {
        for (JsonNode op : patch) {
            String path = op.path("path").asText("");
            String field = path.substring(path.lastIndexOf('/') + 1);
            if (op instanceof ObjectNode o && op.path("value").isTextual() && isSecret(field, op.get("value").asText())) {
                action.accept(o);
            }
        }
    }

    /** Applies {@code action} to every object of {@code cmd.replication_definition.databases}. */
    static void forEachDatabase(JsonNode doc, Consumer<ObjectNode> action) {
        JsonNode dbs = doc.path("cmd.replication_definition").path("databases");
        if (dbs.isArray()) {
            dbs.forEach(db -> {
                if (db instanceof ObjectNode o) {
                    action.accept(o);
                }
            });
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static void visit(ObjectNode node, String prefix, SecretChange change) {
        for (Map.Entry<String, JsonNode> e : List.copyOf(node.properties())) {
            String field = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v instanceof ObjectNode child) {
                visit(child, field + "/", change);
            } else if (v.isTextual() && isSecret(e.getKey(), v.asText())) {
                node.put(e.getKey(), change.apply(field, v.asText()));
            }
        }
    }
}
