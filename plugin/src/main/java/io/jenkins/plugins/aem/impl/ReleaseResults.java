package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.aem.client.DeployTasksOutcome;
import io.jenkins.plugins.aem.client.ReleasedTask;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How a release's end is told: the step's result map, and the console's lines about its tasks when it fails. */
final class ReleaseResults {

    private ReleaseResults() {
    }

    static List<String> names(List<ReleasedTask> tasks) {
        return tasks.stream().map(t -> t.task().task()).toList();
    }

    /** The step's result: plain maps and lists, which sandboxed scripts read with no approvals. */
    static Map<String, Object> map(DeployTasksOutcome outcome, String dir, @CheckForNull String page) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (ReleasedTask t : outcome.tasks()) {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("task", t.task().task());
            task.put("file", t.plan().file());
            task.put("verdict", t.plan().verdict().name());
            task.put("result", t.result().name());
            task.put("plan", new ArrayList<>(t.plan().lines()));
            task.put("actions", new ArrayList<>(t.actions()));
            task.put("backup", t.backup());
            task.put("warnings", new ArrayList<>(t.plan().warnings()));
            task.put("error", t.error() == null ? null : t.error().getMessage());
            task.put("note", t.note());
            tasks.add(task);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("server", outcome.server());
        map.put("dir", dir);
        map.put("tasks", tasks);
        map.put("deployed", new ArrayList<>(names(outcome.with(ReleasedTask.Result.DEPLOYED))));
        map.put("drift", new ArrayList<>(names(outcome.with(ReleasedTask.Result.DRIFT))));
        map.put("notInFolder", new ArrayList<>(outcome.notInFolder()));
        map.put("warnings", new ArrayList<>(outcome.warnings()));
        map.put("elapsedSeconds", outcome.elapsed().toMillis() / 1000.0);
        map.put("page", page);
        return map;
    }

    /** Says, for each task that did not go as asked, how it ended and why, as a single deploy's failure is said. */
    static void report(PrintStream console, DeployTasksOutcome outcome) {
        outcome.tasks().forEach(t -> Outcomes.report(console, t.task().task(), t.result().name(), t.error(), t.note()));
    }

    /** Why the step fails: what became of the tasks, and what is left to do. */
    static String failure(DeployTasksOutcome outcome, String dir) {
        String release = "The release of " + dir + " to server '" + outcome.server() + "'";
        List<String> notBack = names(outcome.notBack());
        if (!notBack.isEmpty()) {
            return release + " failed, and " + notBack.size() + " task(s) are not back as they were: "
                    + Outcomes.names(notBack) + ". The lines above say each one's state and where its backup is: "
                    + "someone must look at each.";
        }
        Map<ReleasedTask.Result, List<String>> by = byResult(outcome);
        String tally = by.entrySet().stream().filter(e -> e.getKey() != ReleasedTask.Result.NO_CHANGE)
                .map(e -> e.getValue().size() + " " + e.getKey() + " (" + Outcomes.names(e.getValue()) + ")")
                .collect(Collectors.joining(", "));
        boolean deployed = by.containsKey(ReleasedTask.Result.DEPLOYED);
        return release + (outcome.cancelled() ? " was cancelled: " : " did not go as asked: ") + tally + ". "
                + (deployed ? "The tasks DEPLOYED stay so; every other task is as it was." : "Every task is as it was.")
                + " The lines above say why each task ended so.";
    }

    /** How many tasks ended each way, in one line: {@code 2 DEPLOYED (A, B), 1 NO_CHANGE (C)}. */
    static String tally(DeployTasksOutcome outcome) {
        return byResult(outcome).entrySet().stream().map(e -> e.getValue().size() + " " + e.getKey() + " ("
                + Outcomes.names(e.getValue()) + ")").collect(Collectors.joining(", "));
    }

    private static Map<ReleasedTask.Result, List<String>> byResult(DeployTasksOutcome outcome) {
        Map<ReleasedTask.Result, List<String>> by = new EnumMap<>(ReleasedTask.Result.class);
        outcome.tasks().forEach(t -> by.computeIfAbsent(t.result(), r -> new ArrayList<>()).add(t.task().task()));
        return by;
    }
}
