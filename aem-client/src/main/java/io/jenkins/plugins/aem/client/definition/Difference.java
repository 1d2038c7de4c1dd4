package io.jenkins.plugins.aem.client.definition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One difference between two definitions in comparison form.
 *
 * @param kind     added, removed or changed, going from the first definition to the second
 * @param endpoint the endpoint it is in, or {@code null} for the task itself
 * @param path     where: dotted keys, list items by their identity in brackets ({@code [owner.name]}, {@code [name]})
 *                 or position; for the task, relative to {@code cmd.replication_definition.tasks[0]}
 * @param before   the first definition's value, or {@code null} when added
 * @param after    the second definition's value, or {@code null} when removed
 * @param table    {@code true} for a whole table (or table pattern) added or removed
 */
public record Difference(Kind kind, String endpoint, String path, JsonNode before, JsonNode after, boolean table) {

    /** What happened going from the first definition to the second. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    /** The path with its area, for messages: {@code endpoint 'X': db_settings.server} or the task's path alone. */
    public String where() {
        return endpoint == null ? path : "endpoint '" + endpoint + "': " + path;
    }

    /** The first definition's value as the file writes it, or {@code null} when it was added. */
    public String beforeText() {
        return CanonicalForm.valueText(before);
    }

    /** The second definition's value as the file writes it, or {@code null} when it was removed. */
    public String afterText() {
        return CanonicalForm.valueText(after);
    }

    /** The table's identity ({@code owner.name}) when this is a table, from the last bracket of the path. */
    public String tableName() {
        int open = path.lastIndexOf('[');
        return open < 0 ? path : path.substring(open + 1, path.length() - 1);
    }

    /** Which table list it is in: {@code explicit_included_tables}, {@code included_pattern}, ... */
    public String tableList() {
        int open = path.lastIndexOf('[');
        String list = open < 0 ? path : path.substring(0, open);
        int dot = list.lastIndexOf('.');
        return dot < 0 ? list : list.substring(dot + 1);
    }
}
