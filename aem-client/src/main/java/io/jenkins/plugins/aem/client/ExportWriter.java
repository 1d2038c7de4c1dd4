package io.jenkins.plugins.aem.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.client.definition.CanonicalForm;
import io.jenkins.plugins.aem.client.definition.PlaceholderKeeper;
import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import io.jenkins.plugins.aem.client.release.ReleaseFolder;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a set's export into the release folder, file by file as each task arrives, on the folder's executor: the
 * task's file, and with endpoints each endpoint's file once. Where a file is there already, its placeholders stay
 * wherever this environment's values give the server's value ({@link PlaceholderKeeper}); a file that would not
 * change is not written, so an unchanged server leaves the folder as it was, to the byte.
 */
final class ExportWriter {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    private final Map<String, String> values;
    private final DeployJournal journal;
    /** Each endpoint written by this export, with its text: an endpoint is written once, however many tasks use it. */
    private final Map<String, String> endpointsWritten = new ConcurrentHashMap<>();

    ExportWriter(Map<String, String> values, DeployJournal journal) {
        this.values = values;
        this.journal = journal;
    }

    /**
     * Writes one task's file and, when the export carries them, its endpoints' files.
     *
     * @param exported      the task's export in file form, endpoints included when asked for
     * @param endpointFiles the file of each endpoint, by name
     * @return whether the task's file was written (else it held this export already)
     */
    boolean write(ReleaseFolder folder, String taskFile, TaskDefinition exported, boolean withEndpoints,
                  Map<String, String> endpointFiles) throws IOException, InterruptedException {
        if (withEndpoints) {
            for (String name : exported.endpointNames()) {
                endpoint(folder, name, endpointFiles.get(name), exported.endpoint(name).orElseThrow());
            }
        }
        return put(folder, taskFile, exported.withEndpoints(List.of()).json());
    }

    /** The endpoints written so far, by name. */
    java.util.Set<String> endpoints() {
        return endpointsWritten.keySet();
    }

    private void endpoint(ReleaseFolder folder, String name, String file, ObjectNode endpoint)
            throws IOException, InterruptedException {
        String text = CanonicalForm.text(endpoint);
        String before = endpointsWritten.putIfAbsent(name, text);
        if (before == null) {
            put(folder, file, endpoint);
        } else if (!before.equals(text)) {
            endpointsWritten.put(name, text);
            journal.warn("Endpoint '" + name + "' changed on the server while its tasks were exported: " + file
                    + " holds its definition as the last of them found it.");
            put(folder, file, endpoint);
        }
    }

    /** Writes {@code exported} to {@code path} with the placeholders of the file there kept; nothing if it is the same. */
    private boolean put(ReleaseFolder folder, String path, ObjectNode exported) throws IOException, InterruptedException {
        String old = folder.read(path).orElse(null);
        JsonNode template = old == null ? null : template(old, path);
        PlaceholderKeeper.Kept kept = PlaceholderKeeper.keep(template, exported, values);
        kept.replaced().forEach(r -> journal.warn(path + ": '" + r.placeholder() + "' at " + r.path() + " is replaced by "
                + "the server's value (" + r.reason() + ")."));
        String text = CanonicalForm.text(kept.tree());
        if (text.equals(old)) {
            return false;
        }
        folder.write(path, text);
        return true;
    }

    private JsonNode template(String text, String path) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            journal.warn(path + " is not valid JSON" + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())
                    + ": it is replaced by the export, and any placeholders it held are lost (git still has them).");
            return null;
        }
    }
}
