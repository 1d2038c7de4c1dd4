package io.jenkins.plugins.aem.report;

import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.client.ExportedDefinition;
import java.util.ArrayList;
import java.util.List;

/** An export: the file written, the Replicate version it came from, and the secret placeholders it holds. */
public final class ExportRecord extends StepRecord {

    private String file;
    private String version;
    private final List<String> placeholders = new ArrayList<>();

    public ExportRecord(String connection, String server, String task, String asked) {
        super(connection, server, task, asked);
    }

    @Override
    public String getKind() {
        return Messages.ExportRecord_Kind();
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

    /** The definition was written to {@code path}, relative to the workspace. */
    public void wrote(ExportedDefinition definition, String path) {
        write(() -> {
            file = path;
            version = definition.version();
            placeholders.addAll(definition.placeholders());
        }, true);
        succeeded(Messages.ExportRecord_Wrote(path, definition.placeholders().size()));
    }
}
