package io.jenkins.plugins.aem.bench.soak;

import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.CommandRecord;
import io.jenkins.plugins.aem.simulator.JournalEntry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the soak's operations and the simulator's records into a {@link SoakReport}: the ground truth of each
 * operation's window, the checker's verdicts, and the secret scan.
 */
final class Judge {

    private Judge() {
    }

    static SoakReport judge(List<SoakOp> ops, AemSimulator sim, String server, Instant end, OutputCapture capture) {
        List<JournalEntry> journal = sim.journal().entries();
        Map<String, List<SoakOp>> byTask = new HashMap<>();
        ops.forEach(op -> byTask.computeIfAbsent(op.task().task(), k -> new ArrayList<>()).add(op));
        byTask.values().forEach(l -> l.sort(Comparator.comparing(SoakOp::started)));
        int correct = 0;
        int late = 0;
        int duplicates = 0;
        Map<String, Integer> byResult = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (List<SoakOp> taskOps : byTask.values()) {
            for (int i = 0; i < taskOps.size(); i++) {
                SoakOp op = taskOps.get(i);
                // The operation's commands may land until the next operation on the task starts.
                Instant windowEnd = i + 1 < taskOps.size() ? taskOps.get(i + 1).started() : end;
                Verdict v = OutcomeChecker.check(op, truth(op, sim, server, journal, windowEnd));
                byResult.merge(op.action() + " " + op.resultClass(), 1, Integer::sum);
                correct += v.correct() ? 1 : 0;
                late += v.late() ? 1 : 0;
                duplicates += v.duplicates();
                if (!v.correct() || v.late() || v.duplicates() > 0) {
                    problems.add(String.format(Locale.ROOT, "#%d %s %s timeout=%ds took=%dms injected=[%s]: %s%s%s",
                            op.id(), op.action(), op.task().task(), op.timeout().toSeconds(),
                            java.time.Duration.between(op.started(), op.ended()).toMillis(), op.injected(), v.why(),
                            v.late() ? " (LATE)" : "", v.duplicates() > 0 ? " (DUPLICATE x" + v.duplicates() + ")" : ""));
                }
            }
        }
        List<String> secrets = new ArrayList<>(sim.secrets());
        secrets.addAll(sim.issuedSessionIds());
        String basic = Base64.getEncoder().encodeToString((SoakRunner.USER + ":" + SoakRunner.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        secrets.add(basic);
        secrets.add(SoakRunner.PASSWORD);
        List<String> leaked = new SecretScanner(secrets).find(capture.text());
        leaked.forEach(s -> problems.add("secret in output: " + SecretScanner.redact(s)));
        return new SoakReport(ops.size(), correct, ops.size() - correct, late, duplicates, leaked.size(), byResult,
                problems);
    }

    /** The ground truth of one operation: commands and requests in [started, ended], POSTs up to windowEnd. */
    private static GroundTruth truth(SoakOp op, AemSimulator sim, String server, List<JournalEntry> journal,
                                     Instant windowEnd) {
        String name = op.task().task();
        List<CommandRecord> commands = sim.task(server, name).commands().stream()
                .filter(c -> within(c.at(), op.started(), op.ended())).toList();
        List<JournalEntry> requests = journal.stream()
                .filter(e -> within(e.at(), op.started(), op.ended()) && concerns(e, name)).toList();
        long posts = journal.stream().filter(e -> (e.isRun() || e.isStop()) && e.status() != 401
                && name.equals(taskOf(e)) && !e.at().isBefore(op.started()) && e.at().isBefore(windowEnd)).count();
        return new GroundTruth(sim.task(server, name).history(), commands, requests, posts);
    }

    /** Requests of this task, and the shared ones any operation may have made: logins and server lists. */
    private static boolean concerns(JournalEntry e, String task) {
        String t = taskOf(e);
        // GetTaskList (".../tasks") is shared by every wait on the server, so it concerns each of them.
        return t == null ? e.isLogin() || e.path() != null && (e.path().endsWith("/servers") || e.path().endsWith("/tasks"))
                : t.equals(task);
    }

    private static String taskOf(JournalEntry e) {
        String path = e.path();
        int i = path == null ? -1 : path.lastIndexOf("/tasks/");
        return i < 0 ? null : path.substring(i + "/tasks/".length());
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && !t.isAfter(to);
    }
}
