package io.jenkins.plugins.aem.client.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The form a definition is kept in under version control: keys sorted at every level, volatile fields dropped,
 * two-space indentation, {@code \n} line ends and a final newline. Two exports of an unchanged task give the same bytes,
 * however AEM ordered its keys.
 *
 * <p>Dropped always: the export's top-level label {@code name} and its {@code description} (the exporting host and
 * time). Dropped unless the identity is kept: {@code task_uuid}, which identifies the task on the server that holds
 * it. It is kept in a backup, which goes back onto that same server, and dropped everywhere else: carried to another
 * server it would give two different tasks one identity, and in a file it would make every environment's export
 * differ by a line that means nothing to the reader.
 */
public final class CanonicalForm {

    /** Top-level fields of an export that change with every export. */
    static final Set<String> VOLATILE = Set.of("name", "description");

    /** The field that identifies a task on its own server. */
    static final String IDENTITY = "task_uuid";

    private static final ObjectWriter PRETTY;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        PRETTY = TaskDefinition.JSON.writer(printer);
    }

    private CanonicalForm() {
    }

    /**
     * The definition with its keys sorted and volatile fields dropped.
     *
     * @param keepIdentity keep {@code task_uuid}: only for a backup that goes back onto its own server
     */
    public static TaskDefinition normalize(TaskDefinition definition, boolean keepIdentity) {
        ObjectNode copy = definition.json();
        VOLATILE.forEach(copy::remove);
        if (!keepIdentity) {
            dropIdentity(copy.get(TaskDefinition.DEFINITION).get("tasks").get(0));
        }
        return TaskDefinition.owning((ObjectNode) sorted(copy));
    }

    /** The canonical text of an already normalised definition. */
    public static String text(TaskDefinition definition) {
        return text(definition.node());
    }

    /** The canonical text of any part of a definition, such as one endpoint: keys sorted, as a definition's. */
    public static String text(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(sorted(node)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One value of a definition as the file writes it (keys sorted, pretty-printed, no final newline), for showing a
     * difference; {@code null} for none.
     */
    public static String valueText(JsonNode value) {
        if (value == null) {
            return null;
        }
        try {
            return PRETTY.writeValueAsString(sorted(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropIdentity(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(IDENTITY);
            o.forEach(CanonicalForm::dropIdentity);
        } else if (node instanceof ArrayNode a) {
            a.forEach(CanonicalForm::dropIdentity);
        }
    }

    /** A copy with every object's keys in sorted order; arrays keep their order, which may carry meaning. */
    static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            ObjectNode out = TaskDefinition.JSON.createObjectNode();
            keys.forEach(k -> out.set(k, sorted(o.get(k))));
            return out;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode out = TaskDefinition.JSON.createArrayNode();
            a.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return node.deepCopy();
    }
}
