package io.jenkins.plugins.aem.bench.soak.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Deploys through the {@code aem} command, run in process with streams of its own, exactly as a release script runs
 * it: a definition file, secrets in files, the password in the environment, {@code --backup FILE}, {@code --json}. The
 * exit code is the command's. Every file it works with is in the lane's folder: the soak's inputs ({@code deploy-*},
 * {@code secret-*}) and what the command wrote ({@code export-*}, {@code backup-*}), which the soak scans.
 */
final class CliDriver implements DeployDriver {

    static final String EXPORT_PREFIX = "export-";
    static final String BACKUP_PREFIX = "backup-";
    static final String SECRET_PREFIX = "secret-";

    private final LaneSim lane;
    private final Path dir;
    private final AtomicInteger exports = new AtomicInteger();

    CliDriver(LaneSim lane, Path dir) {
        this.lane = lane;
        this.dir = dir;
    }

    @Override
    public String export(String task, boolean withEndpoints) throws IOException {
        Path file = dir.resolve(EXPORT_PREFIX + exports.incrementAndGet() + ".json");
        List<String> args = new ArrayList<>(List.of("export-task", "--server", LaneSim.SERVER, "--task", task,
                "--output", file.toString()));
        if (withEndpoints) {
            args.add("--with-endpoints");
        }
        AemRun run = aem(LaneSim.DEPLOYER, args);
        if (run.exit() != 0) {
            throw new IllegalStateException("aem export-task of " + task + " ended with " + run.exit() + ": " + run.err());
        }
        return Files.readString(file);
    }

    @Override
    public DeployRun deploy(DeployInput in, int id, Consumer<CompletableFuture<?>> started) throws IOException {
        Path definition = dir.resolve("deploy-" + id + ".json");
        Files.writeString(definition, in.file());
        List<String> args = new ArrayList<>(List.of("deploy-task", "--server", LaneSim.SERVER, "--task", in.task(),
                "--definition", definition.toString()));
        for (Map.Entry<String, String> s : new TreeMap<>(in.secrets()).entrySet()) {
            Path file = dir.resolve(SECRET_PREFIX + id + "-" + s.getKey());
            Files.writeString(file, s.getValue() + "\n");
            args.addAll(List.of("--secret", s.getKey() + "=" + file));
        }
        new TreeMap<>(in.substitutions()).forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
        AemRun.flag(args, in.stopIfRunning(), "--stop-if-running");
        AemRun.flag(args, in.replace(), "--replace");
        AemRun.flag(args, in.dryRun(), "--dry-run");
        AemRun.flag(args, in.allowNewer(), "--allow-newer-version");
        String backup = null;
        if (in.withBackup()) {
            backup = dir.resolve(BACKUP_PREFIX + id + ".json").toAbsolutePath().toString();
            args.addAll(List.of("--backup", backup));
        }
        args.addAll(List.of("--timeout", String.valueOf(in.timeout().toSeconds())));
        return result(aem(in.user(), args), backup);
    }

    @Override
    public DeployRun restore(String task, String location, int id) {
        String backup = dir.resolve(BACKUP_PREFIX + "restore-" + id + ".json").toAbsolutePath().toString();
        return result(aem(LaneSim.DEPLOYER, List.of("restore-task", "--server", LaneSim.SERVER, "--task", task, "--from",
                location, "--stop-if-running", "--replace", "--backup", backup, "--timeout", "60")), backup);
    }

    @Override
    public String backup(String location) throws IOException {
        Path file = Path.of(location);
        return Files.exists(file) ? Files.readString(file) : null;
    }

    private AemRun aem(String user, List<String> command) {
        List<String> args = new ArrayList<>(command);
        if (args.get(0).endsWith("-task") && !args.get(0).equals("export-task")) {
            args.add("--json");
        }
        return AemRun.of(lane.url(), user, lane.password(user), args);
    }

    @Override
    public void close() {
        // Each run of the command opened and closed its own client pool.
    }

    /** The deploy's result: its word and message from the JSON line {@code --json} prints last. */
    private static DeployRun result(AemRun run, String backup) {
        JsonNode json = run.lastJson();
        String result = run.exit() == 0 && json != null ? json.path("result").asText(null) : null;
        String message = run.exit() == 0 ? "" : json != null && json.has("message") ? json.get("message").asText() : run.err();
        return new DeployRun(run.exit(), result, message, run.out() + run.err(), backup, run.took());
    }
}
