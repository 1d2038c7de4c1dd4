package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The two ways a task's definition is shown with its endpoints: as ExportTask answers (volatile label and description,
 * secrets freshly encrypted, keys in a random order when asked), and normalised for tests (see
 * {@link ServerRepository}). Not thread-safe: the owning repository calls it under its lock.
 */
final class DefinitionViews {
    private static final DateTimeFormatter LABEL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd--HH-mm-ss-SSSSSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DESCRIPTION_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private final SimServer server;
    private final EndpointStore endpoints;
    private final Random random;
    private final boolean shuffleKeys;
    private final Clock clock;

    DefinitionViews(SimServer server, EndpointStore endpoints, Random random, boolean shuffleKeys, Clock clock) {
        this.server = server;
        this.endpoints = endpoints;
        this.random = random;
        this.shuffleKeys = shuffleKeys;
        this.clock = clock;
    }

    /** The ExportTask answer for {@code def}, with the endpoints {@code used} when asked. */
    JsonNode export(String task, ObjectNode def, List<ObjectNode> used, boolean withEndpoints) {
        Instant at = clock.instant();
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("name", task + "__" + LABEL_TIME.format(at));
        ObjectNode body = doc.putObject(ImportBody.DEFINITION);
        body.putArray("tasks").add(def.deepCopy());
        if (withEndpoints) {
            ArrayNode dbs = body.putArray("databases");
            used.forEach(db -> dbs.add(endpoints.exported(db)));
        }
        ReplicateVersion.parse(server.version()).writeTo(doc.putObject("_version"));
        doc.put("description", "Host name: " + server.host() + ", Time: " + DESCRIPTION_TIME.format(at));
        return shuffleKeys ? DefinitionJson.shuffled(doc, random) : doc;
    }

    /** {@code def} with the endpoints {@code used}, normalised: secrets as tags, endpoints sorted by name. */
    String normalised(ObjectNode def, List<ObjectNode> used) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        ReplicateVersion.parse(server.version()).writeTo(doc.putObject("_version"));
        ObjectNode body = doc.putObject(ImportBody.DEFINITION);
        body.putArray("tasks").add(def.deepCopy());
        ArrayNode dbs = body.putArray("databases");
        used.stream().sorted(Comparator.comparing((ObjectNode db) -> db.get("name").asText()))
                .forEach(db -> dbs.add(endpoints.tagged(db)));
        return DefinitionJson.normalised(doc);
    }
}
