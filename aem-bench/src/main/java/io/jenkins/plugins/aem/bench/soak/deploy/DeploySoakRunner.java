package io.jenkins.plugins.aem.bench.soak.deploy;

import io.jenkins.plugins.aem.bench.soak.OutputCapture;
import io.jenkins.plugins.aem.bench.soak.SecretScanner;
import io.jenkins.plugins.aem.bench.soak.TempTree;
import io.jenkins.plugins.aem.bench.soak.deploy.SoakLane.JudgedDeploy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The rollback soak of issue 15: deploys drawn at random ({@link CasePlanner}), a share of them hit by a fault at one
 * of their steps ({@link FaultInjector}), run in {@code lanes} side by side through the {@code aem} command or the
 * client, each judged against its simulator's ground truth ({@link DeployJudge}); then everything the deploys showed
 * (captured logs and streams, their outputs and messages) and every file the command wrote is scanned for secrets.
 */
public final class DeploySoakRunner {

    private final DeploySoakSettings settings;
    private final PrintStream out;
    private volatile String captured = "";

    public DeploySoakRunner(DeploySoakSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public DeploySoakReport run() throws Exception {
        Path root = TempTree.create("aem-deploy-soak-");
        List<SoakLane> lanes = new ArrayList<>();
        try (OutputCapture capture = new OutputCapture()) {
            for (int i = 0; i < settings.lanes(); i++) {
                lanes.add(new SoakLane(i, settings.seed(), root.resolve("lane-" + i), capture));
            }
            List<JudgedDeploy> results = drive(lanes, (lane, id) -> lane.deploy(id));
            return report(results, lanes, capture);
        } finally {
            lanes.forEach(SoakLane::close);
            TempTree.delete(root);
        }
    }

    /** One step of a lane: the deploy with this id. */
    @FunctionalInterface
    interface LaneStep {
        JudgedDeploy deploy(SoakLane lane, int id) throws Exception;
    }

    /** Runs deploys 0..n-1, deploy i on lane i modulo the lanes, the lanes side by side. */
    List<JudgedDeploy> drive(List<SoakLane> lanes, LaneStep step) throws InterruptedException {
        List<JudgedDeploy> results = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int l = 0; l < lanes.size(); l++) {
            SoakLane lane = lanes.get(l);
            int first = l;
            Thread t = new Thread(() -> {
                try {
                    for (int id = first; id < settings.deploys(); id += lanes.size()) {
                        results.add(step.deploy(lane, id));
                        int n = done.incrementAndGet();
                        if (n % 50 == 0) {
                            out.printf(Locale.ROOT, "deploy soak: %d deploys done%n", n);
                        }
                    }
                } catch (Exception | Error e) {
                    failures.add(e);
                }
            }, "bench-deploy-lane-" + l);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("a lane of the deploy soak stopped", failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
        List<JudgedDeploy> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingInt(r -> r.deploy().id()));
        return sorted;
    }

    DeploySoakReport report(List<JudgedDeploy> results, List<SoakLane> lanes, OutputCapture capture) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        int succeeded = 0;
        int restored = 0;
        int wrong = 0;
        int lost = 0;
        int faulted = 0;
        for (JudgedDeploy r : results) {
            int exit = r.run().exit();
            succeeded += exit == 0 ? 1 : 0;
            restored += exit == 5 ? 1 : 0;
            faulted += r.struck() ? 1 : 0;
            count(counts, "by exit code", exit + (r.run().result() == null ? "" : " " + r.run().result()));
            count(counts, "by scenario", r.deploy().scenario().name());
            count(counts, "by way", r.deploy().viaCli() ? "aem deploy-task" : "client deploy");
            if (r.struck()) {
                count(counts, "faults that struck, by step", r.deploy().fault().step + " " + r.deploy().fault());
            } else if (r.deploy().fault() != null) {
                count(counts, "faults armed that did not strike (the deploy ended first)", r.deploy().fault().name());
            }
            if (!r.verdict().right()) {
                wrong++;
                lost += r.verdict().lost() ? 1 : 0;
                problems.add(r.deploy().describe() + " exit " + exit + (r.struck() ? "" : " (fault did not strike)")
                        + ": " + r.verdict().why());
            }
        }
        List<String> secrets = new ArrayList<>();
        lanes.forEach(l -> secrets.addAll(l.secrets()));
        SecretScanner scanner = new SecretScanner(secrets);
        String text = capture.text();
        captured = text;
        List<String> leaked = new ArrayList<>(scanner.find(text));
        leaked.addAll(SecretScanner.ciphertexts(text));
        for (SoakLane lane : lanes) {
            leaked.addAll(scanFiles(lane.dir, scanner, problems));
        }
        leaked.stream().distinct().forEach(s -> problems.add("secret shown: " + SecretScanner.redact(s)));
        DeploySoakReport report = new DeploySoakReport(results.size(), succeeded, restored, wrong, lost,
                (int) leaked.stream().distinct().count(), faulted, counts, problems);
        out.println();
        report.print(out);
        return report;
    }

    /**
     * The files the command wrote: an export must hold no secret at all, not even ciphertext; a backup holds the
     * endpoints' ciphertext by design (it restores the task on its own server), so it must be readable by its owner
     * only and hold no clear secret.
     */
    private static List<String> scanFiles(Path dir, SecretScanner scanner, List<String> problems) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(CliDriver.EXPORT_PREFIX)) {
                    String text = Files.readString(f);
                    found.addAll(scanner.find(text));
                    found.addAll(SecretScanner.ciphertexts(text));
                } else if (name.startsWith(CliDriver.BACKUP_PREFIX)) {
                    found.addAll(checkBackup(f, scanner, problems));
                }
            }
        }
        return found;
    }

    /**
     * A backup file the command wrote: the secrets found in it, and a problem when others than its owner can read it
     * (the command writes backups owner-only, as they may hold ciphertext). Both soaks check their backups so.
     */
    static List<String> checkBackup(Path f, SecretScanner scanner, List<String> problems) throws IOException {
        if (!Files.getPosixFilePermissions(f).equals(PosixFilePermissions.fromString("rw-------"))) {
            problems.add("backup " + f + " is readable by others: " + Files.getPosixFilePermissions(f));
        }
        return scanner.find(Files.readString(f));
    }

    private static void count(Map<String, Map<String, Integer>> counts, String heading, String key) {
        counts.computeIfAbsent(heading, h -> new HashMap<>()).merge(key, 1, Integer::sum);
    }

    /** Everything the last run captured, for a test's own secret scan. */
    String captured() {
        return captured;
    }
}
