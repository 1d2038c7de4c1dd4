package io.jenkins.plugins.aem.report;

import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.client.ExportTasksOutcome;
import io.jenkins.plugins.aem.client.ExportedDefinition;
import io.jenkins.plugins.aem.client.ExportedTask;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * An export: the file written, the Replicate version it came from, and the secret placeholders it holds; for an
 * export of a server's tasks into a release folder, each task's file and what became of it, the files of tasks no
 * longer on the server, and the placeholders of them all.
 */
public final class ExportRecord extends StepRecord {

    /** A set's export keeps the rows of this many tasks; the console has them all. */
    static final int MAX_ROWS = 1000;

    private String file;
    private String version;
    private final List<String> placeholders = new ArrayList<>();
    private boolean set;
    private final List<Row> rows = new ArrayList<>();
    private int rowsNotKept;
    private final List<String> stale = new ArrayList<>();
    private boolean pruned;
    /** A set's folder, as a folder reads ({@code release/}); {@code null} for one task's export. */
    private String dir;

    public ExportRecord(String connection, String server, String task, String asked) {
        super(connection, server, task, asked);
    }

    /** The record of an export of a server's tasks into a release folder ({@code aemExportTasks}). */
    public static ExportRecord ofSet(String connection, String server, String tasks, String asked, String dir) {
        ExportRecord record = new ExportRecord(connection, server, tasks, asked);
        record.set = true;
        record.dir = dir;
        return record;
    }

    /** One task of a set's export: its file in the folder and what became of it. A class: XStream cannot make records. */
    public static final class Row {
        private final String task;
        private final String file;
        private final String status;

        Row(String task, String file, String status) {
            this.task = task;
            this.file = file;
            this.status = status;
        }

        public String getTask() {
            return task;
        }

        public String getFile() {
            return file;
        }

        /** WRITTEN, UNCHANGED, FAILED or NOT_STARTED. */
        public String getStatus() {
            return status;
        }
    }

    @Override
    public String getKind() {
        return set ? Messages.ExportRecord_SetKind() : Messages.ExportRecord_Kind();
    }

    public boolean isSet() {
        return set;
    }

    /** A set's title names its tasks, server and folder: {@code export of every task from server 'Dev' into release/}. */
    @Override
    public String getTitle() {
        return set && dir != null ? Messages.ExportRecord_SetTitle(getTask(), getServer(), dir) : super.getTitle();
    }

    /** A set's title names its server already. */
    @Override
    public String getTitleWithServer() {
        return set && dir != null ? getTitle() : super.getTitleWithServer();
    }

    public String getFile() {
        return read(() -> file);
    }

    public String getVersion() {
        return read(() -> version);
    }

    public List<String> getPlaceholders() {
        return read(() -> List.copyOf(placeholders));
    }

    public List<Row> getRows() {
        return read(() -> List.copyOf(rows));
    }

    public int getRowsNotKept() {
        return read(() -> rowsNotKept);
    }

    public List<String> getStale() {
        return read(() -> List.copyOf(stale));
    }

    public boolean isPruned() {
        return read(() -> pruned);
    }

    /** The definition was written to {@code path}, relative to the workspace. */
    public void wrote(ExportedDefinition definition, String path) {
        write(() -> {
            file = path;
            version = definition.version();
            placeholders.addAll(definition.placeholders());
        }, true);
        succeeded(Messages.ExportRecord_Wrote(path, definition.placeholders().size()));
    }

    /** A set's export ended, well or not: each task's file, the stale files, and every secret placeholder. */
    public void exported(ExportTasksOutcome outcome) {
        write(() -> {
            rows.clear();
            TreeSet<String> all = new TreeSet<>();
            for (ExportedTask t : outcome.tasks()) {
                all.addAll(t.placeholders());
                if (rows.size() < MAX_ROWS) {
                    rows.add(new Row(t.task().task(), t.file(), t.status().name()));
                }
            }
            rowsNotKept = outcome.tasks().size() - rows.size();
            placeholders.clear();
            placeholders.addAll(all);
            stale.clear();
            stale.addAll(outcome.stale());
            pruned = outcome.pruned();
        }, true);
    }

    /** A set's export ended with every task exported. */
    public void exportedAll(ExportTasksOutcome outcome) {
        succeeded(Messages.ExportRecord_WroteSet(outcome.tasks().size(), outcome.count(ExportedTask.Status.WRITTEN),
                outcome.count(ExportedTask.Status.UNCHANGED)));
    }
}
