package io.jenkins.plugins.aem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.client.TaskRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The reference a set's export and a folder's dry run are measured against: what teams run today to back up a server
 * or to see whether it still matches git. One login, GetTaskList, then one ExportTask per task, one after another,
 * on the caller's thread ({@link NaiveHttp}, session kept). It is a fair script, not a straw man: one login, not one
 * per call, and its comparison is of the tasks themselves, not of texts that differ by their key order.
 */
final class NaiveSetScript {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFINITION = "cmd.replication_definition";

    private final NaiveHttp http;

    NaiveSetScript(String baseUrl, String user, String password) {
        this.http = new NaiveHttp(baseUrl, user, password);
    }

    /** Exports every task of the server into {@code dir}, one file per task, as AEM sent it (endpoints inside); returns how many. */
    int export(String server, Path dir, boolean withEndpoints) throws IOException {
        String session = http.login();
        int n = 0;
        for (String task : http.taskNames(server, session)) {
            String text = http.exportText(new TaskRef(server, task), withEndpoints, session);
            Files.writeString(dir.resolve(task + ".json"), text, StandardCharsets.UTF_8);
            n++;
        }
        return n;
    }

    /**
     * The tasks of a release folder that differ from the server: each task file's task exported (without endpoints) and
     * its definition compared with the file's, the identity AEM gives a task on its own server left out.
     */
    List<String> drift(String server, Path folder) throws IOException {
        String session = http.login();
        List<String> onServer = http.taskNames(server, session);
        List<String> differ = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder.resolve("tasks"))) {
            files = listed.sorted().toList();
        }
        for (Path file : files) {
            JsonNode mine = task(JSON.readTree(file.toFile()));
            String name = mine.path("task").path("name").asText();
            if (!onServer.contains(name)
                    || !mine.equals(task(JSON.readTree(http.exportText(new TaskRef(server, name), false, session))))) {
                differ.add(name);
            }
        }
        return differ;
    }

    private static JsonNode task(JsonNode definition) {
        ObjectNode task = ((ObjectNode) definition.path(DEFINITION).path("tasks").path(0)).deepCopy();
        JsonNode common = task.path("task_settings").path("common_settings");
        if (common instanceof ObjectNode c) {
            c.remove("task_uuid");
        }
        return task;
    }
}
