package io.jenkins.plugins.aem.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import io.jenkins.plugins.aem.client.release.FileNames;
import io.jenkins.plugins.aem.client.release.ReleaseFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files of a release folder that an export leaves behind: the file of a task the export takes and the server no
 * longer has (or the old file of a task whose file name changed), and, with endpoints, the file of an endpoint no task
 * file of the folder uses any more. Files of tasks the export does not take, and files that are no task's, are left
 * alone.
 */
final class StaleFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StaleFiles() {
    }

    /**
     * Finds them, on the folder's executor.
     *
     * @param exported each task the export took, with the file it uses
     */
    static List<String> find(ReleaseFolder folder, ExportTasksRequest request, Map<String, ExportedTask> exported, Set<String> endpointsWritten) throws IOException, InterruptedException {
        Set<String> current = new TreeSet<>();
        exported.values().forEach(t -> current.add(t.file()));
        List<String> stale = new ArrayList<>();
        Set<String> used = new TreeSet<>(endpointsWritten);
        for (String name : new TreeSet<>(folder.list(ReleaseFolder.TASKS))) {
            String path = ReleaseFolder.path(ReleaseFolder.TASKS, name);
            if (!name.endsWith(FileNames.EXTENSION)) {
                continue;
            }
            Optional<TaskDefinition> file = current.contains(path) && !request.withEndpoints() ? Optional.empty() : task(folder, path);
            Optional<String> task = FileNames.nameOf(name).or(() -> file.map(TaskDefinition::taskName));
            boolean gone = !current.contains(path) && task.isPresent() && request.tasks().matches(task.get());
            if (gone) {
                stale.add(path);
            } else {
                file.ifPresent(d -> used.addAll(d.usedEndpoints()));
            }
        }
        if (request.withEndpoints()) {
            for (String name : new TreeSet<>(folder.list(ReleaseFolder.ENDPOINTS))) {
                String path = ReleaseFolder.path(ReleaseFolder.ENDPOINTS, name);
                Optional<String> endpoint = FileNames.nameOf(name).or(() -> endpointName(folder, path));
                if (name.endsWith(FileNames.EXTENSION) && endpoint.isPresent() && !used.contains(endpoint.get())) {
                    stale.add(path);
                }
            }
        }
        return stale;
    }

    private static Optional<TaskDefinition> task(ReleaseFolder folder, String path) throws IOException, InterruptedException {
        try {
            return folder.read(path).map(TaskDefinition::parse);
        } catch (AemException notATask) {
            return Optional.empty(); // not a task's file: left alone
        }
    }

    private static Optional<String> endpointName(ReleaseFolder folder, String path) {
        try {
            JsonNode tree = JSON.readTree(folder.read(path).orElse("{}"));
            return Optional.of(tree.path("name").asText("")).filter(n -> !n.isBlank());
        } catch (IOException | InterruptedException | RuntimeException notAnEndpoint) {
            if (notAnEndpoint instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }
    }
}
