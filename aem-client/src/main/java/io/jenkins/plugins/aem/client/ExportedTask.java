package io.jenkins.plugins.aem.client;

import java.util.List;

/**
 * One task of a set's export.
 *
 * @param task         the task
 * @param file         its file in the folder ({@code tasks/Orders.json})
 * @param status       what became of it
 * @param placeholders the secret placeholders of its file (and of the endpoint files it uses), to give on a deploy
 * @param error        why it failed, or {@code null}
 */
public record ExportedTask(TaskRef task, String file, Status status, List<String> placeholders, AemException error) {

    /** What became of a task of a set's export. */
    public enum Status {
        /** Its file was written: new, or changed. */
        WRITTEN,
        /** Its file already held this export, byte for byte: it was left as it was. */
        UNCHANGED,
        /** AEM refused its export, or it could not be written; its file was left as it was. */
        FAILED,
        /** Not exported: the export stopped before (AEM unreachable, or cancelled). Its file was left as it was. */
        NOT_STARTED
    }

    public ExportedTask {
        placeholders = List.copyOf(placeholders);
    }
}
