package io.jenkins.plugins.aem.load;

import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What AEM saw, read from the simulator's journal: status reads per server, logins, and the calls that name a task.
 * Paths are {@code /attunityenterprisemanager/api/v1/servers/{server}/tasks[/{task}]}, decoded.
 */
final class JournalFigures {

    private final List<JournalEntry> entries;

    JournalFigures(List<JournalEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** GetTaskList and GetTaskDetails, the reads a wait makes, per server, that arrived in {@code [from, to]}. */
    Map<String, Long> statusReadsPerServer(Instant from, Instant to) {
        Map<String, Long> counts = new TreeMap<>();
        for (JournalEntry e : entries) {
            String[] s = segments(e);
            if (e.kind() == RequestKind.READ && s.length >= 3 && "tasks".equals(s[2]) && !e.at().isBefore(from) && !e.at().isAfter(to)) {
                counts.merge(s[1], 1L, Long::sum);
            }
        }
        return counts;
    }

    /** The highest, over servers, of status reads per second in {@code [from, to]}. */
    double maxStatusReadsPerSecond(Instant from, Instant to) {
        double seconds = Math.max(1e-3, (to.toEpochMilli() - from.toEpochMilli()) / 1000.0);
        return statusReadsPerServer(from, to).values().stream().mapToDouble(n -> n / seconds).max().orElse(0);
    }

    long logins() {
        return entries.stream().filter(JournalEntry::isLogin).count();
    }

    long loginsAfter(Instant from) {
        return entries.stream().filter(e -> e.isLogin() && e.at().isAfter(from)).count();
    }

    /** Calls naming one of these tasks (details, run, stop) on this server that arrived after {@code from}. */
    List<JournalEntry> taskCallsAfter(String server, Set<String> tasks, Instant from) {
        return entries.stream().filter(e -> {
            String[] s = segments(e);
            return s.length >= 4 && server.equals(s[1]) && tasks.contains(s[3]) && e.at().isAfter(from);
        }).toList();
    }

    /** Status reads of any server after {@code from}: none once every wait has ended. */
    long statusReadsAfter(Instant from) {
        return statusReadsPerServer(from, Instant.MAX).values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many runs (or stops) reached this task. */
    long commands(String server, String task, boolean run) {
        return entries.stream().filter(e -> run ? e.isRun() : e.isStop()).filter(e -> {
            String[] s = segments(e);
            return s.length >= 4 && server.equals(s[1]) && task.equals(s[3]);
        }).count();
    }

    /** How many ImportTask calls reached this task with a body holding {@code marker}: a deploy's own import. */
    long imports(String server, String task, String marker) {
        return entries.stream().filter(JournalEntry::isImport).filter(e -> {
            String[] s = segments(e);
            return s.length >= 4 && server.equals(s[1]) && task.equals(s[3]) && e.body().contains(marker);
        }).count();
    }

    /** {@code servers, S, tasks, T, ...} after the API base, or an empty array for other paths. */
    private static String[] segments(JournalEntry e) {
        String path = e.path();
        int at = path.indexOf("/servers");
        if (at < 0) {
            return new String[0];
        }
        return path.substring(at + 1).split("/");
    }
}
