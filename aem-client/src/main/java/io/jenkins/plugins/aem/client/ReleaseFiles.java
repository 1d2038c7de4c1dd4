package io.jenkins.plugins.aem.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.client.definition.Substitutions;
import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import io.jenkins.plugins.aem.client.release.FileNames;
import io.jenkins.plugins.aem.client.release.ReleaseFolder;
import io.jenkins.plugins.aem.client.release.TaskPatterns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A release folder as a deploy reads it, checked whole before anything is sent: every task file of the release
 * parsed and named after its task, every placeholder given a value, and every endpoint defined once (in
 * {@code endpoints/}, or in a task file's own {@code databases}, but never two ways). Each endpoint goes with one task
 * of the release, its owner: the first by name of the tasks that use it and that the server has, else the first by
 * name; the others leave it out, so that it is created or changed once. A task the server has backs the endpoint up
 * with itself, so that putting the task back puts the endpoint back; a new task has no backup, and putting it back
 * deletes it and leaves the endpoint as it made it. Only summaries are kept: a task's definition is read again when it is planned and when it
 * is deployed, so a large folder never sits in memory whole.
 */
final class ReleaseFiles {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    /** A task file of the release: where it is, what it was, and the endpoints its task uses. */
    record TaskFile(String task, String path, String digest, Set<String> uses) {
    }

    /** An endpoint's definition and the file it came from. */
    private record Defined(String path, ObjectNode endpoint) {
    }

    private final Substitutions values;
    private final TaskPatterns patterns;
    private final Map<String, TaskFile> tasks = new TreeMap<>();
    private final Map<String, List<Defined>> endpoints = new TreeMap<>();
    private final Map<String, Set<String>> missing = new TreeMap<>();
    private final Set<String> used = new TreeSet<>();
    /** The release's tasks the server has, once it was read: they carry the endpoints first. */
    private volatile Set<String> onServer = Set.of();

    private ReleaseFiles(Map<String, String> values, TaskPatterns patterns) {
        this.values = Substitutions.of(values);
        this.patterns = patterns;
    }

    /**
     * Reads and checks the folder, on the folder's executor.
     *
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) naming the files at fault, before anything is sent
     */
    static ReleaseFiles scan(ReleaseFolder folder, Map<String, String> values, TaskPatterns patterns)
            throws IOException, InterruptedException {
        ReleaseFiles files = new ReleaseFiles(values, patterns);
        for (String name : new TreeSet<>(folder.list(ReleaseFolder.ENDPOINTS))) {
            if (name.endsWith(FileNames.EXTENSION)) {
                files.endpointFile(folder, ReleaseFolder.path(ReleaseFolder.ENDPOINTS, name), name);
            }
        }
        for (String name : new TreeSet<>(folder.list(ReleaseFolder.TASKS))) {
            boolean ours = FileNames.nameOf(name).map(patterns::matches).orElse(true);
            if (name.endsWith(FileNames.EXTENSION) && ours) {
                files.taskFile(folder, ReleaseFolder.path(ReleaseFolder.TASKS, name), name);
            }
        }
        files.check(folder.describe());
        return files;
    }

    private void endpointFile(ReleaseFolder folder, String path, String fileName) throws IOException, InterruptedException {
        JsonNode tree;
        try {
            tree = JSON.readTree(FolderCalls.read(folder, path));
        } catch (JsonProcessingException e) {
            throw AemException.invalidInput(path, "is not valid JSON" + (e.getLocation() == null ? "" : " at line "
                    + e.getLocation().getLineNr()) + ". Give one endpoint, as 'aem export-tasks --with-endpoints' writes it.");
        }
        String name = tree.path("name").asText("");
        if (!tree.isObject() || name.isBlank()) {
            throw AemException.invalidInput(path, "is not an endpoint: it has no name. Give one endpoint, as "
                    + "'aem export-tasks --with-endpoints' writes it.");
        }
        if (!FileNames.fits(fileName, name)) {
            throw misnamed(path, "endpoint", name, ReleaseFolder.ENDPOINTS);
        }
        define(name, path, substituted((ObjectNode) tree, path));
    }

    private void taskFile(ReleaseFolder folder, String path, String fileName) throws IOException, InterruptedException {
        String text = FolderCalls.read(folder, path);
        TaskDefinition file = parse(text, path);
        String task = file.taskName();
        if (!FileNames.fits(fileName, task)) {
            throw misnamed(path, "task", task, ReleaseFolder.TASKS);
        }
        if (!patterns.matches(task)) {
            return;
        }
        if (tasks.containsKey(task)) {
            throw AemException.invalidInput(path, "holds task '" + task + "', as " + tasks.get(task).path() + " does. Keep "
                    + "one file per task.");
        }
        TaskDefinition done = TaskDefinition.of(substituted(file.json(), path));
        for (String name : done.endpointNames()) {
            define(name, path + " (its databases)", done.endpoint(name).orElseThrow());
        }
        tasks.put(task, new TaskFile(task, path, digest(text), done.usedEndpoints()));
    }

    private ObjectNode substituted(ObjectNode tree, String path) {
        Substitutions.Partial partial = values.substitute(tree);
        used.addAll(partial.used());
        partial.missing().forEach(name -> missing.computeIfAbsent(name, n -> new TreeSet<>()).add(path));
        return partial.tree();
    }

    private void define(String name, String path, ObjectNode endpoint) {
        endpoints.computeIfAbsent(name, n -> new ArrayList<>()).add(new Defined(path, endpoint));
    }

    private void check(String folder) {
        if (tasks.isEmpty() && patterns.patterns().isEmpty()) {
            throw AemException.invalidInput("folder", folder + "/" + ReleaseFolder.TASKS + " holds no task file. Give the "
                    + "release folder 'aem export-tasks' wrote, with one file per task in " + ReleaseFolder.TASKS + "/.");
        }
        List<String> none = patterns.unmatched(tasks.keySet());
        if (!none.isEmpty()) {
            throw AemException.invalidInput("task", none.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "))
                    + " matches no task file in " + folder + "/" + ReleaseFolder.TASKS + ". Check the name (names and "
                    + "patterns are matched with case), or export the task into the folder first.");
        }
        if (!missing.isEmpty()) {
            throw AemException.invalidInput("values", "placeholders without a value: " + missing.entrySet().stream()
                    .map(e -> "${" + e.getKey() + "} (" + String.join(", ", e.getValue()) + ")")
                    .collect(Collectors.joining(", ")) + ". Give a value for each (aem: --values FILE or --set NAME=VALUE), "
                    + "or write '$${' for a literal '${'. Nothing was sent to AEM.");
        }
        List<String> twice = new ArrayList<>();
        endpoints.forEach((name, defined) -> {
            if (defined.stream().map(Defined::endpoint).distinct().count() > 1) {
                twice.add("'" + name + "' (" + defined.stream().map(Defined::path).collect(Collectors.joining(", ")) + ")");
            }
        });
        if (!twice.isEmpty()) {
            throw AemException.invalidInput("folder", "defines endpoint" + (twice.size() == 1 ? " " : "s ")
                    + String.join(", ", twice) + " in different ways. Keep one definition of each endpoint: "
                    + "'aem export-tasks --with-endpoints' writes each once, to " + ReleaseFolder.ENDPOINTS + "/. Nothing was sent to AEM.");
        }
    }

    /** The release's tasks, by name. */
    Map<String, TaskFile> tasks() {
        return tasks;
    }

    /** The names of the values that no file of the release uses. */
    Set<String> unusedValues() {
        Set<String> unused = new TreeSet<>(values.names());
        unused.removeAll(used);
        return unused;
    }

    /** Notes which of the release's tasks the server has, as read before the plan: they carry the endpoints first. */
    void onServer(Set<String> tasks) {
        onServer = Set.copyOf(tasks);
    }

    /** The task that carries endpoint {@code name} in the release, or {@code null} when the folder does not define it. */
    String owner(String name) {
        if (!endpoints.containsKey(name)) {
            return null;
        }
        List<String> users = tasks.values().stream().filter(t -> t.uses().contains(name)).map(TaskFile::task).toList();
        return users.stream().filter(onServer::contains).findFirst().orElse(users.isEmpty() ? null : users.get(0));
    }

    /** The endpoints {@code task} carries: those it uses, defined in the folder, and not carried by another task. */
    Set<String> carried(String task) {
        Set<String> out = new LinkedHashSet<>();
        tasks.get(task).uses().stream().filter(e -> task.equals(owner(e))).forEach(out::add);
        return out;
    }

    /**
     * The task's definition as its deploy takes it, on the folder's executor: its file read again, its placeholders
     * filled, and the endpoints it carries, and no other.
     *
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) when the file changed since the release read it
     */
    String definition(ReleaseFolder folder, String task) throws IOException, InterruptedException {
        TaskFile file = tasks.get(task);
        String text = FolderCalls.read(folder, file.path());
        if (!digest(text).equals(file.digest())) {
            throw AemException.invalidInput(file.path(), "changed while the release ran. Run the release again on a "
                    + "folder that stays as it is (a checkout, not a working copy being edited).");
        }
        TaskDefinition done = TaskDefinition.of(values.substitute(parse(text, file.path()).json()).tree());
        List<ObjectNode> carried = new ArrayList<>();
        carried(task).forEach(e -> carried.add(endpoints.get(e).get(0).endpoint()));
        return done.withEndpoints(carried).toJson();
    }

    private static TaskDefinition parse(String text, String path) {
        try {
            return TaskDefinition.parse(text);
        } catch (AemException invalid) {
            // The single deploy's words name the field 'definition'; here the file is named instead.
            String problemAndFix = invalid.getMessage().substring(invalid.getMessage().indexOf(':') + 2);
            throw AemException.invalidInput(path, problemAndFix);
        }
    }

    private static AemException misnamed(String path, String what, String name, String dir) {
        return AemException.invalidInput(path, "holds " + what + " '" + name + "', whose file is "
                + ReleaseFolder.path(dir, FileNames.of(name)) + ". Name each file after what it holds (or change the name "
                + "inside it): a file's name and its content must agree, so that an export finds it again.");
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
