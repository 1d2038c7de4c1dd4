package io.jenkins.plugins.aem.bench.soak.deploy;

import io.jenkins.plugins.aem.bench.soak.OutputCapture;
import io.jenkins.plugins.aem.bench.soak.SecretScanner;
import io.jenkins.plugins.aem.bench.soak.TempTree;
import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseLane.JudgedRelease;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The release soak of issue 22: releases of 5 to 20 tasks drawn at random ({@link ReleaseCasePlanner}), half of them
 * atomic, most struck by a fault at one of their steps ({@link ReleaseFaults}), run in {@code lanes} side by side
 * through the {@code aem} command or the client, each judged against its simulator's ground truth
 * ({@link ReleaseJudge}); then everything the releases showed and every file they wrote is scanned for secrets.
 */
public final class ReleaseSoakRunner {

    private final ReleaseSoakSettings settings;
    private final PrintStream out;
    private volatile String captured = "";

    public ReleaseSoakRunner(ReleaseSoakSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public ReleaseSoakReport run() throws Exception {
        Path root = TempTree.create("aem-release-soak-");
        List<ReleaseLane> lanes = new ArrayList<>();
        try (OutputCapture capture = new OutputCapture()) {
            for (int i = 0; i < settings.lanes(); i++) {
                lanes.add(new ReleaseLane(i, settings.seed(), root.resolve("lane-" + i), capture));
            }
            return report(drive(lanes), lanes, capture);
        } finally {
            lanes.forEach(ReleaseLane::close);
            TempTree.delete(root);
        }
    }

    /** Runs releases 0..n-1, release i on lane i modulo the lanes, the lanes side by side. */
    private List<JudgedRelease> drive(List<ReleaseLane> lanes) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(lanes.size(), r -> new Thread(r, "bench-release-lane"));
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<List<JudgedRelease>>> running = new ArrayList<>();
            for (int l = 0; l < lanes.size(); l++) {
                ReleaseLane lane = lanes.get(l);
                int first = l;
                running.add(threads.submit(() -> {
                    List<JudgedRelease> mine = new ArrayList<>();
                    for (int id = first; id < settings.releases(); id += lanes.size()) {
                        mine.add(lane.release(id));
                        if (done.incrementAndGet() % 20 == 0) {
                            out.printf(Locale.ROOT, "release soak: %d releases done%n", done.get());
                        }
                    }
                    return mine;
                }));
            }
            List<JudgedRelease> all = new ArrayList<>();
            for (Future<List<JudgedRelease>> lane : running) {
                all.addAll(lane.get());
            }
            all.sort(Comparator.comparingInt(r -> r.release().id()));
            return all;
        } finally {
            threads.shutdownNow();
        }
    }

    ReleaseSoakReport report(List<JudgedRelease> results, List<ReleaseLane> lanes, OutputCapture capture) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        Map<Integer, Integer> exits = new HashMap<>();
        int atomic = 0;
        int faulted = 0;
        int wrong = 0;
        int mixed = 0;
        int lost = 0;
        for (JudgedRelease r : results) {
            ReleaseCase c = r.release();
            int exit = r.end().exit();
            exits.merge(exit, 1, Integer::sum);
            atomic += c.atomic() ? 1 : 0;
            faulted += r.struck() ? 1 : 0;
            count(counts, "by exit code, atomic or not", exit + (c.atomic() ? " atomic" : " alone"));
            count(counts, "by way", c.viaCli() ? "aem deploy-tasks" : "client deployTasks");
            if (r.struck()) {
                count(counts, "faults that struck, by step", c.fault().step + " " + c.fault());
            } else if (c.fault() != null) {
                count(counts, "faults armed that did not strike (the release ended first)", c.fault().name());
            }
            ReleaseVerdict v = r.verdict();
            if (!v.right() || v.mixed() || v.lost() > 0) {
                wrong += v.right() ? 0 : 1;
                mixed += v.mixed() ? 1 : 0;
                lost += v.lost();
                problems.add(c.describe() + " exit " + exit + (c.fault() != null && !r.struck() ? " (fault did not strike)" : "")
                        + ": " + v.why());
            }
        }
        List<String> leaked = leaks(lanes, capture, problems);
        leaked.stream().distinct().forEach(s -> problems.add("secret shown: " + SecretScanner.redact(s)));
        ReleaseSoakReport report = new ReleaseSoakReport(results.size(), atomic, faulted, exits, wrong, mixed, lost,
                (int) leaked.stream().distinct().count(), counts, problems);
        out.println();
        report.print(out);
        return report;
    }

    /**
     * The secrets shown: in everything captured, in every file of every release folder (an export holds no secret, not
     * even ciphertext), and as clear text in any backup (which holds the endpoints' ciphertext by design, so it must be
     * readable by its owner only).
     */
    private List<String> leaks(List<ReleaseLane> lanes, OutputCapture capture, List<String> problems) throws IOException {
        List<String> secrets = new ArrayList<>();
        lanes.forEach(l -> secrets.addAll(l.secrets()));
        SecretScanner scanner = new SecretScanner(secrets);
        String text = capture.text();
        captured = text;
        List<String> leaked = new ArrayList<>(scanner.find(text));
        leaked.addAll(SecretScanner.ciphertexts(text));
        for (ReleaseLane lane : lanes) {
            for (String file : lane.folderTexts()) {
                leaked.addAll(scanner.find(file));
                leaked.addAll(SecretScanner.ciphertexts(file));
            }
            lane.memoryBackups().forEach(b -> leaked.addAll(scanner.find(b)));
            try (Stream<Path> files = Files.walk(lane.dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (f.getParent().getFileName().toString().startsWith(ReleaseCliDriver.BACKUP_PREFIX)) {
                        leaked.addAll(DeploySoakRunner.checkBackup(f, scanner, problems));
                    }
                }
            }
        }
        return leaked;
    }

    private static void count(Map<String, Map<String, Integer>> counts, String heading, String key) {
        counts.computeIfAbsent(heading, h -> new HashMap<>()).merge(key, 1, Integer::sum);
    }

    /** Everything the last run captured, for a test's own secret scan. */
    String captured() {
        return captured;
    }
}
