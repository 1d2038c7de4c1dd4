package io.jenkins.plugins.aem.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.client.definition.SecretPlaceholder;
import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import java.util.Arrays;
import java.util.List;

/**
 * The PatchEndpoint body that rotates one endpoint's secrets: an {@code add} (AEM: "add replaces or creates") of each
 * secret field the file names, and of the user name beside it when one was given with the password, with the values
 * the import would have carried. Nothing else of the endpoint is sent. Secret material: kept in memory only.
 */
final class SecretPatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SecretPatch() {
    }

    /**
     * @param wire     the definition as AEM would receive it: secrets filled, user names in place
     * @param endpoint the endpoint
     * @param fields   its secret placeholders (fields as dotted paths below {@code db_settings})
     * @param withUser whether a user name was given with its password: its {@code username} (or {@code user}) is sent
     */
    static String of(TaskDefinition wire, String endpoint, List<SecretPlaceholder> fields, boolean withUser) {
        JsonNode settings = wire.endpoint(endpoint).orElseThrow().path("db_settings");
        ArrayNode ops = JSON.createArrayNode();
        for (SecretPlaceholder p : fields) {
            String[] keys = p.field().split("\\.");
            add(ops, settings, keys);
            if (withUser) {
                String[] parent = Arrays.copyOf(keys, keys.length);
                for (String name : new String[] {"username", "user"}) {
                    parent[parent.length - 1] = name;
                    if (at(settings, parent).isTextual()) {
                        add(ops, settings, parent);
                        break;
                    }
                }
            }
        }
        return ops.toString();
    }

    private static void add(ArrayNode ops, JsonNode settings, String[] keys) {
        StringBuilder path = new StringBuilder("/db_settings");
        for (String k : keys) {
            path.append('/').append(k.replace("~", "~0").replace("/", "~1"));
        }
        for (JsonNode done : ops) {
            if (done.path("path").asText().contentEquals(path)) {
                return; // a user name beside two secret fields is sent once
            }
        }
        ObjectNode op = ops.addObject();
        op.put("op", "add");
        op.put("path", path.toString());
        op.set("value", at(settings, keys).deepCopy());
    }

    private static JsonNode at(JsonNode settings, String[] keys) {
        JsonNode n = settings;
        for (String k : keys) {
            n = n.path(k);
        }
        return n;
    }
}
