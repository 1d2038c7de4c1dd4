package io.jenkins.plugins.aem.client.release;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The folder a release reads and writes: one file per task under {@value #TASKS}, one per endpoint under
 * {@value #ENDPOINTS}, each named by {@link FileNames}. Files are named relative to the folder, with {@code /}
 * ({@code tasks/Orders.json}). The client never touches files itself: the {@code aem} command implements this on the
 * local disk, the Jenkins plugin on the workspace, which may be on an agent. The client calls it from the executor
 * the request names, one call at a time, so an implementation may block.
 */
public interface ReleaseFolder {

    /** The sub-folder of the task files. */
    String TASKS = "tasks";

    /** The sub-folder of the endpoint files. */
    String ENDPOINTS = "endpoints";

    /** The path of a task's or endpoint's file: {@code dir + "/" + fileName}. */
    static String path(String dir, String fileName) {
        return dir + "/" + fileName;
    }

    /** The names of the files directly in the sub-folder {@code dir}, in any order; empty when it does not exist. */
    List<String> list(String dir) throws IOException, InterruptedException;

    /** The text of a file (UTF-8), or empty when it does not exist. */
    Optional<String> read(String path) throws IOException, InterruptedException;

    /**
     * Writes a file whole (a reader never sees half of it), replacing it, creating its sub-folder when needed. An
     * export's files hold no secret and may be readable by others.
     */
    void write(String path, String text) throws IOException, InterruptedException;

    /** Deletes a file; nothing when it does not exist. */
    void delete(String path) throws IOException, InterruptedException;

    /** Where the folder is, as messages name it ({@code /ci/release}, {@code workspace/release}). */
    String describe();
}
