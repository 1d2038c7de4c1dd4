package io.jenkins.plugins.aem.client.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jenkins.plugins.aem.client.AemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps a file's <code>${NAME}</code> placeholders when the file is exported again: where the file holds a string with
 * placeholders and the new export holds, at the same place, what that string gives with this environment's values,
 * the file's string stays. Anywhere else the export's value is written, and where it replaces a placeholder the
 * result names it. So exporting an unchanged server into a templated folder gives the folder's own text back.
 *
 * <p>Places are matched by key in objects and by position in lists. Keeping a string is safe however the places
 * line up: it is kept only when it gives exactly the export's value.
 */
public final class PlaceholderKeeper {

    private PlaceholderKeeper() {
    }

    /**
     * A placeholder the export could not keep.
     *
     * @param path        where, for example {@code cmd.replication_definition.tasks[0].task.description}
     * @param placeholder the file's string there, for example <code>${DB_HOST}:1521</code>
     * @param reason      why: the server's value differs from what it gives, or a name has no value
     */
    public record Replaced(String path, String placeholder, String reason) {
    }

    /** The tree to write, and the placeholders it could not keep. */
    public record Kept(JsonNode tree, List<Replaced> replaced) {
        public Kept {
            replaced = List.copyOf(replaced);
        }
    }

    /**
     * Merges a file's placeholders into a new export.
     *
     * @param file     the file as it is (file form, placeholders and all), or {@code null} when there is none
     * @param exported the new export in file form (escaped, secrets as placeholders)
     * @param values   this environment's values of the placeholders
     */
    public static Kept keep(JsonNode file, JsonNode exported, Map<String, String> values) {
        List<Replaced> replaced = new ArrayList<>();
        JsonNode out = merge(file, exported, values, "", replaced);
        return new Kept(out, replaced);
    }

    private static JsonNode merge(JsonNode file, JsonNode exported, Map<String, String> values, String path,
                                  List<Replaced> replaced) {
        if (file == null || file.equals(exported)) {
            return exported;
        }
        if (file.isTextual()) {
            return text(file.asText(), exported, values, path, replaced);
        }
        if (file.isObject() && exported.isObject()) {
            ObjectNode out = exported.deepCopy();
            exported.fieldNames().forEachRemaining(key ->
                    out.set(key, merge(file.get(key), exported.get(key), values, path.isEmpty() ? key : path + "." + key, replaced)));
            return out;
        }
        if (file.isArray() && exported.isArray()) {
            ArrayNode out = exported.deepCopy();
            for (int i = 0; i < exported.size(); i++) {
                out.set(i, merge(file.get(i), exported.get(i), values, path + "[" + i + "]", replaced));
            }
            return out;
        }
        return exported;
    }

    private static JsonNode text(String template, JsonNode exported, Map<String, String> values, String path,
                                 List<Replaced> replaced) {
        Set<String> missing = new TreeSet<>();
        String given;
        try {
            given = Placeholders.substitute(template, values, path, missing, new TreeSet<>());
        } catch (AemException notAPlaceholder) {
            return exported;
        }
        if (!missing.isEmpty()) {
            replaced.add(new Replaced(path, template, "no value for " + names(missing)));
            return exported;
        }
        if (given.equals(template)) {
            return exported; // no placeholder of the caller's here
        }
        if (exported.isTextual() && exported.asText().equals(given)) {
            return TextNode.valueOf(template);
        }
        replaced.add(new Replaced(path, template, "it gives " + DeployPlanner.render(TextNode.valueOf(given))
                + " with these values, and the server has " + DeployPlanner.render(exported)));
        return exported;
    }

    private static String names(Set<String> missing) {
        List<String> out = new ArrayList<>();
        missing.forEach(n -> out.add("${" + n + "}"));
        return String.join(", ", out);
    }
}
