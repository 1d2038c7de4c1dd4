package io.jenkins.plugins.aem.bench.soak.deploy;

import io.jenkins.plugins.aem.bench.soak.OutputCapture;
import io.jenkins.plugins.aem.simulator.ImportRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One lane of the deploy soak: its own simulator ({@link LaneSim}), deploys to its tasks one at a time, each through
 * the {@code aem} command or the client at random, each planned, faulted, run, watched settle and judged. Lanes run side
 * by side, so the soak also exercises many deploys at once; within a lane a fault hits only the deploy it was armed for.
 */
final class SoakLane implements AutoCloseable {

    /** How long a deploy's task is watched after it ended, every fault gone: longer than any delayed request. */
    static final Duration SETTLE = Duration.ofMillis(1600);

    private static final Pattern CIPHERTEXT = Pattern.compile("\\{Z[0-9A-F]{16,}}");

    final LaneSim sim;
    final Path dir;
    private final CliDriver cli;
    private final ApiDriver api;
    private final FaultInjector faults;
    private final CasePlanner planner;
    private final Random random;
    private final OutputCapture capture;
    private final List<String> rotation;
    private final Map<String, SeenExport> seen = new HashMap<>();
    private String ciphertext;

    /** The last export of a task: two exports of an unchanged task must be the same text. */
    private record SeenExport(String truth, boolean withEndpoints, String text) {
    }

    SoakLane(int lane, long seed, Path dir, OutputCapture capture) throws IOException {
        this.sim = new LaneSim(lane, seed);
        this.dir = Files.createDirectories(dir);
        this.cli = new CliDriver(sim, dir);
        this.api = new ApiDriver(sim);
        this.faults = new FaultInjector(sim, seed * 7 + lane);
        this.random = new Random(seed * 13 + lane);
        this.planner = new CasePlanner(sim, random);
        this.capture = capture;
        this.rotation = new ArrayList<>(sim.tasks);
    }

    /** One deploy drawn at random. */
    JudgedDeploy deploy(int id) throws Exception {
        return deploy(id, planner::plan);
    }

    /** One deploy of the scenario given, with the fault given, through the command or not: for the smoke test. */
    JudgedDeploy deploy(int id, String task, boolean viaCli, DeployScenario scenario, DeployFault fault) throws Exception {
        return deploy(id, task, viaCli, start -> planner.plan(start, scenario, fault));
    }

    private JudgedDeploy deploy(int id, Function<CasePlanner.Start, DeployCase> plan) throws Exception {
        return deploy(id, rotation.get(random.nextInt(rotation.size())), random.nextBoolean(), plan);
    }

    private JudgedDeploy deploy(int id, String task, boolean viaCli, Function<CasePlanner.Start, DeployCase> plan)
            throws Exception {
        DeployDriver driver = viaCli ? cli : api;
        boolean withEndpoints = random.nextDouble() < 0.75;
        TaskTruth current = sim.truth(task);
        String exported = driver.export(task, withEndpoints);
        capture.add(exported);
        String unstable = unstableExport(task, current, withEndpoints, exported);
        DeployCase c = plan.apply(new CasePlanner.Start(id, task, current, exported, withEndpoints, viaCli, ciphertext));

        sim.sim.journal().clear();
        Instant start = Instant.now();
        FaultInjector.Armed armed = faults.arm(c.fault(), c.task());
        DeployRun run = driver.deploy(c.input(), id, armed::started);
        boolean struck = armed.finish();
        boolean outage = armed.outageNow();
        Instant end = Instant.now();
        TaskTruth after = sim.truth(c.task());
        sim.calm(c.task());
        Thread.sleep((struck ? c.fault().settle() : SETTLE).toMillis());
        TaskTruth settled = sim.truth(c.task());
        List<ImportRecord> imports = sim.repo().imports().stream().filter(r -> r.task().equals(c.task())
                && !r.at().isBefore(start) && !r.at().isAfter(end)).toList();
        capture.add(run.output());
        capture.add(run.message());
        DeployAttempt.Repair repair = run.exit() == 6 ? repair(c, run, driver) : null;
        DeployAttempt attempt = new DeployAttempt(c, run, struck, outage, after, settled, imports, repair);
        DeployVerdict verdict = unstable != null ? DeployVerdict.wrong(unstable) : DeployJudge.judge(attempt, sim.repo());
        keep(c, run, verdict);
        return new JudgedDeploy(c, run, struck, verdict);
    }

    /** Why the export differs from the last one of the unchanged task, or null. */
    private String unstableExport(String task, TaskTruth current, boolean withEndpoints, String exported) {
        SeenExport last = seen.put(task, new SeenExport(current.definition(), withEndpoints, exported));
        if (last != null && last.withEndpoints == withEndpoints && last.truth.equals(current.definition())
                && !last.text.equals(exported)) {
            return "two exports of the unchanged task " + task + " differ";
        }
        return null;
    }

    /** What the lane learns from a deploy: secrets set, a ciphertext for a later refusal, a task lost. */
    private void keep(DeployCase c, DeployRun run, DeployVerdict verdict) throws Exception {
        if (run.exit() == 0 && "DEPLOYED".equals(run.result())) {
            c.expectation().newSecrets().forEach(sim::endpointSecret);
        }
        if (run.backupLocation() != null) {
            String backup = (c.viaCli() ? cli : api).backup(run.backupLocation());
            Matcher m = backup == null ? null : CIPHERTEXT.matcher(backup);
            if (m != null && m.find()) {
                ciphertext = m.group();
            }
        }
        if (verdict.lost()) {
            rotation.remove(c.task());
        }
    }

    /**
     * After exit 6: the engineer's restore from the backup the failure named, then the task's state as it was. Proves
     * the backup is real and restores the task exactly; it also gives the next deploy a task as it was.
     */
    private DeployAttempt.Repair repair(DeployCase c, DeployRun run, DeployDriver driver) throws Exception {
        String task = c.task();
        if (!c.before().exists()) {
            return new DeployAttempt.Repair(false, "the task did not exist before: there is no backup");
        }
        String location = run.backupLocation();
        if (location == null || driver.backup(location) == null) {
            return new DeployAttempt.Repair(false, "no backup at " + location);
        }
        api.hands.unstick(task);
        DeployRun restore = driver.restore(task, location, c.id());
        capture.add(restore.output());
        capture.add(restore.message());
        api.hands.awaitSettled(task);
        api.hands.bringTo(task, c.before().state());
        TaskTruth now = sim.truth(task);
        return now.sameAs(c.before())
                ? new DeployAttempt.Repair(true, "restored from " + location + " (restore exit " + restore.exit() + ")")
                : new DeployAttempt.Repair(false, "restore exit " + restore.exit() + " " + restore.message() + "; "
                + now.differenceFrom(c.before()));
    }

    List<String> secrets() {
        return sim.secrets();
    }

    @Override
    public void close() {
        faults.close();
        cli.close();
        api.close();
        sim.close();
    }

    /**
     * A deploy and the judge's word on it.
     *
     * @param deploy  the planned deploy
     * @param run     how it ended
     * @param struck  whether its fault struck
     * @param verdict the judge's word
     */
    record JudgedDeploy(DeployCase deploy, DeployRun run, boolean struck, DeployVerdict verdict) {
    }
}
