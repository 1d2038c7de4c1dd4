package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** JSON building and AEM's date format (ISO 8601, UTC, no trailing Z). */
final class Json {
    private static final DateTimeFormatter AEM_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper = new ObjectMapper();

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    JsonNode parse(byte[] body) throws JsonProcessingException {
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ApiResponse answer(int status, JsonNode node) {
        try {
            return ApiResponse.json(status, mapper.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    ApiResponse error(AemError e) {
        ObjectNode n = object();
        n.put("error_code", e.code());
        n.put("error_message", e.message());
        return answer(e.status(), n);
    }

    static String time(Instant t) {
        return t == null ? "" : AEM_TIME.format(t);
    }
}
