package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.FailureKind;
import io.jenkins.plugins.aem.client.Parallelism;
import io.jenkins.plugins.aem.client.release.FileNames;
import io.jenkins.plugins.aem.client.release.ReleaseFolder;
import io.jenkins.plugins.aem.client.release.TaskPatterns;
import io.jenkins.plugins.aem.client.release.ValuesFile;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the export and the release of a set share, as the user gave it and frozen when the step starts: the release
 * folder in the workspace, which tasks (names or globs), this environment's placeholder values (a values file in the
 * workspace, and values given in the step, which win), and how many tasks at once. Serializable with plain fields, as
 * a pipeline keeps it with the build.
 */
public final class FolderOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String dir;
    private final ArrayList<String> tasks;
    private final TreeMap<String, String> values;
    private final String valuesFile;
    private final int parallel;

    /**
     * @param dir        the release folder, relative to the workspace
     * @param tasks      names or globs; none for every task
     * @param values     values given in the step; they override the values file's
     * @param valuesFile a values file in the workspace ({@code NAME=VALUE} a line), or {@code null}
     * @param parallel   tasks at once; 0 for the default
     */
    public FolderOptions(String dir, List<String> tasks, Map<String, String> values, @CheckForNull String valuesFile,
                         int parallel) {
        this.dir = dir == null ? "" : dir.strip();
        this.tasks = new ArrayList<>(tasks);
        this.values = new TreeMap<>(values);
        this.valuesFile = TaskTarget.blankToNull(valuesFile);
        this.parallel = parallel;
    }

    /**
     * Checks what needs no file and no AEM: the paths stay in the workspace, the patterns and the number at once.
     *
     * @throws AemException ({@code INVALID_INPUT}) naming the field and the fix
     */
    public void check() {
        if (dir.isEmpty()) {
            throw AemException.invalidInput("dir", "is missing. Give the release folder, relative to the workspace, such "
                    + "as release (its tasks are in release/tasks).");
        }
        WorkspaceFiles.checkRelative(dir, "dir");
        if (valuesFile != null) {
            WorkspaceFiles.checkRelative(valuesFile, "valuesFile");
        }
        patterns();
        Parallelism.check(parallel);
    }

    /** The folder, relative to the workspace. */
    public String dir() {
        return dir;
    }

    public TaskPatterns patterns() {
        return TaskPatterns.of(tasks);
    }

    public int parallel() {
        return parallel;
    }

    /** The values given in the step itself, without the file's. */
    public Map<String, String> givenValues() {
        return values;
    }

    /** The folder in the workspace, for the client. */
    public ReleaseFolder folder(FilePath workspace) {
        return new WorkspaceFolder(workspace.child(dir));
    }

    /**
     * This environment's values: the values file's, then the step's over them. Reads the workspace: call it off the
     * client's threads (the workspace may be on an agent).
     *
     * @throws AemException ({@code INVALID_INPUT}) for a values file that is missing or not {@code NAME=VALUE} lines
     */
    public Map<String, String> values(FilePath workspace) {
        Map<String, String> all = new TreeMap<>();
        if (valuesFile != null) {
            try {
                all.putAll(ValuesFile.parse(WorkspaceFiles.read(workspace, valuesFile, "valuesFile"),
                        "valuesFile " + valuesFile));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw AemException.of(FailureKind.CANCELLED, "Interrupted while reading " + valuesFile
                        + "; nothing was sent to AEM.").build();
            }
        }
        all.putAll(values);
        return all;
    }

    /**
     * How many task files of the folder the step takes, as far as their names tell (a file whose name was cut is
     * counted): what a build's page shares its room by. Reads the workspace.
     */
    public int taskFiles(FilePath workspace) throws IOException, InterruptedException {
        TaskPatterns taken = patterns();
        return (int) folder(workspace).list(ReleaseFolder.TASKS).stream()
                .filter(f -> f.endsWith(FileNames.EXTENSION))
                .filter(f -> FileNames.nameOf(f).map(taken::matches).orElse(true)).count();
    }

    /** Which tasks, in words, for the build's page: {@code every task}, or the names and patterns. */
    public String tasksText() {
        try {
            return TaskPatterns.of(tasks).toString();
        } catch (AemException e) {
            return String.join(", ", tasks); // an empty pattern: the step is refused, and its record says why
        }
    }

    /** The folder in words, as a folder reads: {@code release/}. */
    public String dirText() {
        return dir.endsWith("/") ? dir : dir + "/";
    }

    /**
     * The folder, the tasks, the values and how many at once, in words, for the build's page (values are not secrets):
     * {@code release/ (every task); values from env/qa.values}.
     */
    public String asked() {
        StringBuilder text = new StringBuilder(dirText()).append(" (").append(tasksText()).append(')');
        if (valuesFile != null) {
            text.append("; values from ").append(valuesFile);
        }
        if (!values.isEmpty()) {
            text.append("; values ").append(values);
        }
        if (parallel != 0) {
            text.append("; ").append(parallel).append(" at once");
        }
        return text.toString();
    }
}
