package io.jenkins.plugins.aem.bench.soak.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.bench.soak.OutputCapture;
import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseCase.Kind;
import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseCase.TaskChange;
import io.jenkins.plugins.aem.client.release.FileNames;
import io.jenkins.plugins.aem.client.release.ReleaseFolder;
import io.jenkins.plugins.aem.simulator.ImportRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * One lane of the release soak: its own simulator ({@link ReleaseLaneSim}), releases to it one at a time, each through
 * the {@code aem} command or the client at random: the release's tasks exported into a folder, the folder edited, the
 * release faulted, run, watched settle, the tasks it names as not back restored from their backups, and judged. Lanes
 * run side by side; within a lane a fault hits only the release it was armed for.
 */
final class ReleaseLane implements AutoCloseable {

    /** Each task's deadline: far above what a deploy takes on the simulator, short enough for AEM gone for good. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** How long the tasks are watched after a release ended, every fault gone: longer than any delayed request. */
    static final Duration SETTLE = Duration.ofMillis(1600);

    final ReleaseLaneSim sim;
    final Path dir;
    private final ReleaseCliDriver cli;
    private final ReleaseApiDriver api;
    private final ReleaseFaults faults;
    private final ReleaseCasePlanner planner;
    private final OutputCapture capture;
    /** Every file a release folder held: an export must hold no secret at all, not even ciphertext. */
    private final List<String> folderTexts = new ArrayList<>();

    ReleaseLane(int lane, long seed, Path dir, OutputCapture capture) throws IOException {
        this.sim = new ReleaseLaneSim(lane, seed);
        this.dir = Files.createDirectories(dir);
        this.cli = new ReleaseCliDriver(sim, dir);
        this.api = new ReleaseApiDriver(sim);
        this.faults = new ReleaseFaults(sim, seed * 7 + lane);
        this.planner = new ReleaseCasePlanner(sim, new Random(seed * 13 + lane));
        this.capture = capture;
    }

    /** One release drawn at random. */
    JudgedRelease release(int id) throws Exception {
        return release(planner.draw(id));
    }

    /** One release as given. */
    JudgedRelease release(ReleaseCase c) throws Exception {
        ReleaseDriver driver = c.viaCli() ? cli : api;
        ReleaseFolder folder = driver.export(c.id(), c.tasks());
        edit(folder, c);
        Map<String, String> secrets = c.withSecrets() ? carried(folder) : Map.of();
        ReleaseTruth before = ReleaseTruth.of(sim);

        sim.sim.journal().clear();
        Instant start = Instant.now();
        ReleaseFaults.Armed armed = faults.arm(c);
        ReleaseEnd end = driver.release(c, folder, secrets, armed::started);
        boolean struck = armed.finish();
        boolean outage = armed.outageNow();
        Instant ended = Instant.now();
        ReleaseTruth after = ReleaseTruth.of(sim);
        sim.calm();
        Thread.sleep(SETTLE.toMillis());
        ReleaseTruth settled = ReleaseTruth.of(sim);
        List<ImportRecord> imports = sim.repo().imports().stream()
                .filter(r -> !r.at().isBefore(start) && !r.at().isAfter(ended)).toList();
        capture.add(end.output());
        capture.add(end.message());
        keepFolder(folder);

        Map<String, DeployAttempt.Repair> repairs = new TreeMap<>();
        for (String task : end.notBack()) {
            repairs.put(task, repair(c, task, end.task(task).backup(), before.task(task), driver));
        }
        ReleaseTruth last = repairs.isEmpty() ? settled : ReleaseTruth.of(sim);
        List<String> broken = sim.endpointSecrets().entrySet().stream()
                .filter(e -> !sim.repo().secretMatches(e.getKey(), "password", e.getValue())).map(Map.Entry::getKey).toList();
        ReleaseAttempt attempt = new ReleaseAttempt(c, end, struck, outage, before, after, settled, imports, repairs, last,
                broken);
        ReleaseVerdict verdict = ReleaseJudge.judge(attempt);
        tidy(c);
        return new JudgedRelease(c, end, struck, verdict);
    }

    /** Makes the folder what the release deploys: each file changed, copied or left as the case says. */
    private static void edit(ReleaseFolder folder, ReleaseCase c) throws IOException, InterruptedException {
        for (Map.Entry<String, TaskChange> e : c.changes().entrySet()) {
            TaskChange change = e.getValue();
            if (change.kind() == Kind.NONE || change.edit() == DefinitionEdit.NONE) {
                continue;
            }
            String source = change.kind() == Kind.CREATE ? change.source() : e.getKey();
            ObjectNode root = DefinitionTree.parse(folder.read(taskFile(source)).orElseThrow());
            if (change.kind() == Kind.CREATE) {
                DefinitionEdit.rename(e.getKey()).apply(root);
            }
            change.edit().apply(root);
            folder.write(taskFile(e.getKey()), DefinitionTree.pretty(root));
        }
        if (c.endpoint() != null) {
            String path = ReleaseFolder.path(ReleaseFolder.ENDPOINTS, FileNames.of(c.endpoint().name()));
            ObjectNode endpoint = DefinitionTree.parse(folder.read(path).orElseThrow());
            ((ObjectNode) endpoint.get("db_settings")).put("server", c.endpoint().host());
            folder.write(path, DefinitionTree.pretty(endpoint));
        }
    }

    private static String taskFile(String task) {
        return ReleaseFolder.path(ReleaseFolder.TASKS, FileNames.of(task));
    }

    /** The password of each endpoint the folder carries, as a release script gives them. */
    private Map<String, String> carried(ReleaseFolder folder) throws IOException, InterruptedException {
        Map<String, String> secrets = new TreeMap<>();
        for (String file : folder.list(ReleaseFolder.ENDPOINTS)) {
            String name = DefinitionTree.parse(folder.read(ReleaseFolder.path(ReleaseFolder.ENDPOINTS, file)).orElseThrow())
                    .path("name").asText();
            secrets.put(name, sim.endpointSecrets().get(name));
        }
        return secrets;
    }

    /** Keeps every file of the folder for the scan. */
    private void keepFolder(ReleaseFolder folder) throws IOException, InterruptedException {
        for (String sub : List.of(ReleaseFolder.TASKS, ReleaseFolder.ENDPOINTS)) {
            for (String file : folder.list(sub)) {
                folderTexts.add(folder.read(ReleaseFolder.path(sub, file)).orElse(""));
            }
        }
    }

    /**
     * After a task was named as not back: the engineer's restore from the backup it named, then the task's state as it
     * was. Proves the backup is real and puts the task back exactly.
     */
    private DeployAttempt.Repair repair(ReleaseCase c, String task, String location, TaskTruth was, ReleaseDriver driver)
            throws Exception {
        if (!was.exists()) {
            return new DeployAttempt.Repair(false, "the task did not exist before: there is no backup");
        }
        if (location == null || driver.backup(location) == null) {
            return new DeployAttempt.Repair(false, "no backup at " + location);
        }
        api.hands.unstick(task);
        int exit = driver.restore(task, location, c.id());
        api.hands.awaitSettled(task);
        api.hands.bringTo(task, was.state());
        TaskTruth now = sim.truth(task);
        boolean back = now.exists() && DefinitionTree.sameTask(now.definition(), was.definition())
                && java.util.Objects.equals(now.state(), was.state());
        return new DeployAttempt.Repair(back, (back ? "restored from " : "not restored from ") + location
                + " (restore exit " + exit + ")" + (back ? "" : ": " + now.differenceFrom(was)));
    }

    /** Takes a task a release left in ERROR out of it, so that the next release finds it as a user would leave it. */
    private void tidy(ReleaseCase c) throws Exception {
        for (String task : c.changes().keySet()) {
            api.hands.unstick(task);
        }
    }

    /** Every secret of the lane, for the scan. */
    List<String> secrets() {
        return sim.secrets();
    }

    /** The files of every release folder so far. */
    List<String> folderTexts() {
        return List.copyOf(folderTexts);
    }

    /** The backups the API kept in memory. */
    List<String> memoryBackups() {
        return api.backups();
    }

    @Override
    public void close() {
        faults.close();
        cli.close();
        api.close();
        sim.close();
    }

    /**
     * A release and the judge's word on it.
     *
     * @param release the release drawn
     * @param end     how it ended
     * @param struck  whether its fault struck
     * @param verdict the judge's word
     */
    record JudgedRelease(ReleaseCase release, ReleaseEnd end, boolean struck, ReleaseVerdict verdict) {
    }
}
