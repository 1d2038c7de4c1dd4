package io.jenkins.plugins.aem.client;

import java.util.List;

/**
 * A task's definition as exported for version control: canonical text (sorted keys, volatile fields dropped, final
 * newline) in which every secret is a placeholder <code>${secret:ENDPOINT/FIELD}</code>. It holds no usable secret.
 *
 * @param task         the task exported
 * @param text         the file's content
 * @param fileName     a file name for it, made of the task's name ({@code Orders.json})
 * @param placeholders the secret placeholders in it, each to be filled (or left to the target) on a deploy
 * @param version      the Replicate version it was exported from, or empty when the export did not say
 */
public record ExportedDefinition(TaskRef task, String text, String fileName, List<String> placeholders, String version) {

    public ExportedDefinition {
        placeholders = List.copyOf(placeholders);
    }

    /** A file name from a task's name: characters other than letters, digits, '.', '-' and '_' become '_'. */
    static String fileNameFor(String task) {
        String name = task.replaceAll("[^A-Za-z0-9._-]", "_");
        return (name.startsWith(".") ? "_" + name : name) + ".json";
    }
}
