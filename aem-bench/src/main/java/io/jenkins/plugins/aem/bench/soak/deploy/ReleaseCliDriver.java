package io.jenkins.plugins.aem.bench.soak.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseEnd.TaskEnd;
import io.jenkins.plugins.aem.cli.LocalFolder;
import io.jenkins.plugins.aem.client.release.ReleaseFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        AemRun run = aem(args);
        if (run.exit() != 0) {
            throw new IllegalStateException("aem export-tasks ended with " + run.exit() + ": " + run.err());
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
        AemRun.flag(args, c.stopIfRunning(), "--stop-if-running");
        AemRun.flag(args, c.atomic(), "--atomic");
        AemRun.flag(args, c.dryRun(), "--dry-run");
        if (!c.dryRun()) {
            args.addAll(List.of("--backup-dir", dir.resolve(BACKUP_PREFIX + c.id()).toString()));
        }
        return end(aem(args));
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
                "--stop-if-running", "--replace", "--backup", backup.toString(), "--timeout", "60")).exit();
    }

    @Override
    public String backup(String location) throws IOException {
        Path file = Path.of(location);
        return Files.exists(file) ? Files.readString(file) : null;
    }

    private AemRun aem(List<String> command) {
        return AemRun.of(lane.url(), ReleaseLaneSim.RELEASER, lane.password, command);
    }

    @Override
    public void close() {
        // Each run of the command opened and closed its own client pool.
    }

    /** The release's end, from the JSON object {@code --json} prints last. */
    private static ReleaseEnd end(AemRun run) {
        JsonNode json = run.lastJson();
        Map<String, TaskEnd> tasks = new TreeMap<>();
        String message = run.err();
        if (json != null) {
            json.path("tasks").forEach(t -> tasks.put(t.path("task").asText(), new TaskEnd(t.path("result").asText(),
                    t.path("error").path("kind").asText(null), t.path("error").path("message").asText(""),
                    t.path("backup").asText(null))));
            message = json.has("message") ? json.get("message").asText() : "";
        }
        return new ReleaseEnd(run.exit(), tasks, message, run.out() + run.err(), run.took());
    }
}
