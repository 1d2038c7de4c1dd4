package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** How definitions are written: an export as AEM streams it, and the normalised form tests compare. */
final class DefinitionJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter EXPORT = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("\t", "\r\n")).withArrayIndenter(new DefaultIndenter("\t", "\r\n")));
    private static final ObjectWriter NORMALISED = MAPPER.writerWithDefaultPrettyPrinter();

    private DefinitionJson() {
    }

    /** An export's bytes: pretty-printed with tabs and CRLF, as Replicate writes it on Windows. */
    static byte[] exportBytes(JsonNode doc) {
        try {
            return EXPORT.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The normalised text of a definition: every object's keys sorted, two-space indent, LF line ends. */
    static String normalised(JsonNode doc) {
        try {
            return NORMALISED.writeValueAsString(sorted(doc)).replace("\r\n", "\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy whose objects list their keys in a random order drawn from {@code random}: AEM promises no key order, so
     * a client that compares exports without normalising them fails against the simulator as it would against AEM.
     * Array order is kept.
     */
    static JsonNode shuffled(JsonNode n, Random random) {
        if (n instanceof ObjectNode o) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(o.properties());
            Collections.shuffle(entries, random);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            entries.forEach(e -> out.set(e.getKey(), shuffled(e.getValue(), random)));
            return out;
        }
        if (n instanceof ArrayNode a) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            a.forEach(e -> out.add(shuffled(e, random)));
            return out;
        }
        return n;
    }

    private static JsonNode sorted(JsonNode n) {
        if (n instanceof ObjectNode o) {
            TreeMap<String, JsonNode> byKey = new TreeMap<>();
            o.properties().forEach(e -> byKey.put(e.getKey(), sorted(e.getValue())));
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            byKey.forEach(out::set);
            return out;
        }
        if (n instanceof ArrayNode a) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            a.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return n;
    }
}
