package io.jenkins.plugins.aem.bench.soak.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseEnd.TaskEnd;
import io.jenkins.plugins.aem.cli.AemCommand;
import io.jenkins.plugins.aem.cli.LocalFolder;
import io.jenkins.plugins.aem.client.release.ReleaseFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Releases through the {@code aem} command, run in process with streams of its own, exactly as a release script runs
 * it: {@code aem export-tasks --with-endpoints} into a folder, then {@code aem deploy-tasks --json} with the secrets in
 * files, the password in the environment and {@code --backup-dir}. The exit code is the command's. Every file is in the
 * lane's folder: the release folders ({@value #RELEASE_PREFIX}N), the backups ({@value #BACKUP_PREFIX}N) and the
 * soak's secret files, which the soak scans.
 */
final class ReleaseCliDriver implements ReleaseDriver {

    static final String RELEASE_PREFIX = "release-";
    static final String BACKUP_PREFIX = "backups-";
    private static final String SECRET_PREFIX = "secret-";

    private final ReleaseLaneSim lane;
    private final Path dir;

    ReleaseCliDriver(ReleaseLaneSim lane, Path dir) {
        this.lane = lane;
        this.dir = dir;
    }

    @Override
    public ReleaseFolder export(int id, List<String> tasks) {
        Path folder = dir.resolve(RELEASE_PREFIX + id);
        List<String> args = new ArrayList<>(List.of("export-tasks", "--server", ReleaseLaneSim.SERVER, "--dir",
                folder.toString(), "--with-endpoints"));
        tasks.forEach(t -> args.addAll(List.of("--task", t)));
        Run run = aem(args);
        if (run.exit != 0) {
            throw new IllegalStateException("aem export-tasks ended with " + run.exit + ": " + run.err);
        }
        return new LocalFolder(folder);
    }

    @Override
    public ReleaseEnd release(ReleaseCase c, ReleaseFolder folder, Map<String, String> secrets,
                              Consumer<CompletableFuture<?>> started) throws IOException {
        List<String> args = new ArrayList<>(List.of("deploy-tasks", "--server", ReleaseLaneSim.SERVER, "--dir",
                dir.resolve(RELEASE_PREFIX + c.id()).toString(), "--parallel", String.valueOf(c.parallel()),
                "--timeout", String.valueOf(ReleaseLane.TIMEOUT.toSeconds()), "--json"));
        for (Map.Entry<String, String> s : new TreeMap<>(secrets).entrySet()) {
            Path file = dir.resolve(SECRET_PREFIX + c.id() + "-" + s.getKey());
            Files.writeString(file, s.getValue() + "\n");
            args.addAll(List.of("--secret", s.getKey() + "=" + file));
        }
        flag(args, c.stopIfRunning(), "--stop-if-running");
        flag(args, c.atomic(), "--atomic");
        flag(args, c.dryRun(), "--dry-run");
        if (!c.dryRun()) {
            args.addAll(List.of("--backup-dir", dir.resolve(BACKUP_PREFIX + c.id()).toString()));
        }
        return aem(args).end();
    }

    @Override
    public int restore(String task, String location, int id) {
        Path backup = dir.resolve(BACKUP_PREFIX + "restore").resolve(id + "-" + task + ".json");
        try {
            Files.createDirectories(backup.getParent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return aem(List.of("restore-task", "--server", ReleaseLaneSim.SERVER, "--task", task, "--from", location,
                "--stop-if-running", "--replace", "--backup", backup.toString(), "--timeout", "60")).exit;
    }

    @Override
    public String backup(String location) throws IOException {
        Path file = Path.of(location);
        return Files.exists(file) ? Files.readString(file) : null;
    }

    private Run aem(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.addAll(1, List.of("--url", lane.url()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Instant start = Instant.now();
        int exit = AemCommand.commandLine(Map.of("AEM_USERNAME", ReleaseLaneSim.RELEASER, "AEM_PASSWORD", lane.password),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                Duration.between(start, Instant.now()));
    }

    private static void flag(List<String> args, boolean on, String flag) {
        if (on) {
            args.add(flag);
        }
    }

    @Override
    public void close() {
        // Each run of the command opened and closed its own client pool.
    }

    /** One run of the command. */
    private record Run(int exit, String out, String err, Duration took) {

        /** The release's end, from the JSON object {@code --json} prints last. */
        ReleaseEnd end() {
            JsonNode json = lastJson();
            Map<String, TaskEnd> tasks = new TreeMap<>();
            String message = err;
            if (json != null) {
                json.path("tasks").forEach(t -> tasks.put(t.path("task").asText(), new TaskEnd(t.path("result").asText(),
                        t.path("error").path("kind").asText(null), t.path("error").path("message").asText(""),
                        t.path("backup").asText(null))));
                message = json.has("message") ? json.get("message").asText() : "";
            }
            return new ReleaseEnd(exit, tasks, message, out + err, took);
        }

        private JsonNode lastJson() {
            String[] lines = out.strip().split("\n");
            String last = lines[lines.length - 1];
            if (!last.startsWith("{")) {
                return null;
            }
            try {
                return DefinitionTree.JSON.readTree(last);
            } catch (IOException notJson) {
                return null;
            }
        }
    }
}
