package io.jenkins.plugins.aem.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** How a release's plan and its end are told, and what becomes of the tasks a release does not deploy. */
final class ReleasePlan {

    /** How many names a line lists before it only counts the rest. */
    private static final int NAMES = 20;

    private ReleasePlan() {
    }

    /** Prints the one plan of the release: each task's verdict and its single-deploy plan lines. */
    static void print(DeployJournal journal, DeployTasksRequest request, List<PlannedTask> plans, List<String> notInFolder) {
        journal.step("Plan for " + plans.size() + " task(s) on server '" + request.server() + "':");
        if (request.each().skipEndpointTest()) {
            journal.step("  endpoint test: off (skipEndpointTest): the endpoints the release creates, changes or rotates "
                    + "are not tested; a wrong secret or host shows only when a task runs");
        }
        List<String> same = new ArrayList<>();
        Set<String> restarts = new TreeSet<>();
        for (PlannedTask p : plans) {
            switch (p.verdict()) {
                case NO_CHANGE -> same.add(p.task().task());
                case REFUSED -> journal.step("  task '" + p.task().task() + "' (" + p.file() + "): refused: "
                        + p.refusal().getMessage());
                default -> {
                    journal.step("  task '" + p.task().task() + "' (" + p.file() + "): "
                            + (p.verdict() == PlannedTask.Verdict.CREATE ? "create" : "change"));
                    p.lines().forEach(line -> journal.step("    " + line));
                    restarts.addAll(p.restarts());
                }
            }
        }
        if (!same.isEmpty()) {
            journal.step("  no change: " + names(same));
        }
        if (!restarts.isEmpty()) {
            journal.step("  restarted to take the rotated secrets: " + names(List.copyOf(restarts)));
        }
        if (!notInFolder.isEmpty()) {
            journal.step("  on the server but not in the folder, never touched: " + names(notInFolder));
        }
    }

    /**
     * What each task comes to when nothing is deployed (a dry run, a release stopped by refusals, or nothing to
     * change), or before the deploys say otherwise.
     */
    static List<ReleasedTask> withoutDeploy(List<PlannedTask> plans, DeployTasksRequest request) {
        long refused = plans.stream().filter(p -> p.verdict() == PlannedTask.Verdict.REFUSED).count();
        List<ReleasedTask> out = new ArrayList<>();
        for (PlannedTask p : plans) {
            out.add(switch (p.verdict()) {
                case REFUSED -> new ReleasedTask(p, ReleasedTask.Result.REFUSED, List.of(), null, p.refusal(), null);
                case NO_CHANGE -> new ReleasedTask(p, ReleasedTask.Result.NO_CHANGE, List.of(), null, null, null);
                default -> request.dryRun() ? new ReleasedTask(p, ReleasedTask.Result.DRIFT, List.of(), null, null, null)
                        : new ReleasedTask(p, ReleasedTask.Result.NOT_STARTED, List.of(), null, null, "Not started: "
                        + refused + " task(s) of the release are refused, and the release changes nothing then.");
            });
        }
        return out;
    }

    /** Says how the release ended, in one line. */
    static void summary(DeployJournal journal, DeployTasksOutcome outcome) {
        Map<ReleasedTask.Result, Integer> counts = new TreeMap<>();
        outcome.tasks().forEach(t -> counts.merge(t.result(), 1, Integer::sum));
        String tally = counts.entrySet().stream().map(e -> e.getValue() + " " + word(e.getKey()))
                .collect(Collectors.joining(", "));
        if (outcome.dryRun()) {
            // A refused task could not be compared, and would not be deployed: the server cannot be said to match.
            int refused = outcome.with(ReleasedTask.Result.REFUSED).size();
            journal.step("Dry run: " + tally + (refused > 0 ? "; " + refused + " refused: the release would not go as it "
                    + "stands" : outcome.with(ReleasedTask.Result.DRIFT).isEmpty()
                    ? "; server '" + outcome.server() + "' matches the folder" : "; server '" + outcome.server()
                    + "' differs from the folder") + ". Nothing was changed.");
        } else {
            journal.step("Release " + (outcome.cancelled() ? "cancelled" : "done") + " in " + outcome.elapsed().toSeconds()
                    + " s: " + (tally.isEmpty() ? "no task" : tally) + ".");
        }
    }

    private static String word(ReleasedTask.Result result) {
        return switch (result) {
            case DEPLOYED -> "deployed";
            case NO_CHANGE -> "unchanged";
            case DRIFT -> "to create or change";
            case REFUSED -> "refused";
            case NOT_STARTED -> "not started";
            case FAILED -> "failed";
            case UNDONE -> "put back";
        };
    }

    private static String names(List<String> names) {
        return names.size() <= NAMES ? String.join(", ", names) : String.join(", ", names.subList(0, NAMES))
                + " and " + (names.size() - NAMES) + " more";
    }
}
