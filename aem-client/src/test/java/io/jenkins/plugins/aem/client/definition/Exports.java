package io.jenkins.plugins.aem.client.definition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** A realistic ExportTask answer (task Orders, two endpoints with ciphertext) and edited copies of it. */
final class Exports {

    static final String ORACLE_CIPHERTEXT = "{ZA1CC6D2E0F91B3A4C5D6E7F8091A2B3C}";
    static final String SNOWFLAKE_CIPHERTEXT = "{ZB77E0D1C2B3A4F5E6D7C8B9A0F1E2D3C}";

    private Exports() {
    }

    static String text() {
        try (InputStream in = Exports.class.getResourceAsStream("/definition/orders-export.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TaskDefinition orders() {
        return TaskDefinition.parse(text());
    }

    /** The export with {@code edit} applied to its tree. */
    static TaskDefinition edited(Consumer<ObjectNode> edit) {
        ObjectNode tree = orders().json();
        edit.accept(tree);
        return TaskDefinition.of(tree);
    }

    static ObjectNode task(ObjectNode tree) {
        return (ObjectNode) tree.get("cmd.replication_definition").get("tasks").get(0);
    }

    static ObjectNode endpoint(ObjectNode tree, int i) {
        return (ObjectNode) tree.get("cmd.replication_definition").get("databases").get(i);
    }
}
