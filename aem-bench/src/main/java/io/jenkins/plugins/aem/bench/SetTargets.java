package io.jenkins.plugins.aem.bench;

import java.util.List;
import java.util.Locale;

/** Judges the client's figures of the set benchmarks against the targets of issue 22. */
final class SetTargets {

    private SetTargets() {
    }

    /** How many times faster the client was than the naive script. */
    static double speedup(SetFigures client, SetFigures baseline) {
        return client.wall().isZero() ? 0 : (double) baseline.wall().toMillis() / Math.max(1, client.wall().toMillis());
    }

    /**
     * Every task exported to its file; at most 1.1 requests per task beyond a constant (the login and the server's
     * reads); one login; at least 3x faster than one export after another; never more requests at once than the
     * client was told; and the heap of a bounded number of exports in flight, not of the whole server.
     */
    static List<Target> export(SetFigures client, SetFigures baseline, SetBenchConfig config) {
        long allowed = Math.round(SetBenchConfig.MAX_EXPORT_REQUESTS_PER_TASK * config.tasks()) + SetBenchConfig.REQUESTS_CONSTANT;
        double speedup = speedup(client, baseline);
        return List.of(
                new Target("export: every task written to its file, each endpoint once",
                        client.correct() + "/" + client.tasks(), client.correct() == client.tasks() && client.failures().isEmpty()),
                new Target("export: requests <= " + SetBenchConfig.MAX_EXPORT_REQUESTS_PER_TASK + " x tasks + "
                        + SetBenchConfig.REQUESTS_CONSTANT, client.requests() + " <= " + allowed + " ("
                        + Targets.fmt(client.requestsPerTask()) + "/task)", client.requests() <= allowed),
                new Target("export: one login", String.valueOf(client.logins()), client.logins() == 1),
                new Target("export: >= " + SetBenchConfig.MIN_SPEEDUP + "x faster than one export after another",
                        String.format(Locale.ROOT, "%.2fx (%.1f s vs %.1f s)", speedup, client.seconds(), baseline.seconds()),
                        speedup >= SetBenchConfig.MIN_SPEEDUP),
                inFlight("export", client, config),
                new Target("export: heap <= " + Math.round(SetBenchConfig.MAX_HEAP_MIB) + " MiB",
                        Targets.fmt(client.heapMib()) + " MiB", client.heapMib() <= SetBenchConfig.MAX_HEAP_MIB));
    }

    /** Every task's verdict right, and at most 2 requests per task, never more at once than the client was told. */
    static List<Target> plan(SetFigures client, SetBenchConfig config) {
        double perTask = client.requestsPerTask();
        return List.of(
                new Target("plan: every task's verdict as the folder and the server say",
                        client.correct() + "/" + client.tasks(), client.correct() == client.tasks() && client.failures().isEmpty()),
                new Target("plan: <= " + SetBenchConfig.MAX_PLAN_REQUESTS_PER_TASK + " requests per task",
                        Targets.fmt(perTask), perTask <= SetBenchConfig.MAX_PLAN_REQUESTS_PER_TASK),
                new Target("plan: one login", String.valueOf(client.logins()), client.logins() == 1),
                inFlight("plan", client, config));
    }

    private static Target inFlight(String what, SetFigures client, SetBenchConfig config) {
        return new Target(what + ": <= " + config.clientParallel() + " requests at once (the simulator's peak)",
                String.valueOf(client.peakInFlight()), client.peakInFlight() <= config.clientParallel());
    }
}
