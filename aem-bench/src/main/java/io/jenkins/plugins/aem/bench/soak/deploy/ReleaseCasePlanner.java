package io.jenkins.plugins.aem.bench.soak.deploy;

import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseCase.EndpointChange;
import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseCase.Kind;
import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseCase.TaskChange;
import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseFault.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Draws each release of a lane from its seeded random: 5 to 20 of its tasks, each left as exported, with a setting
 * changed or with a table added; at times a task created (a copy of another renamed) or an endpoint's host changed;
 * through the command or the API; 1 to 4 tasks at once; the endpoints' passwords given or not (an endpoint is changed
 * only with them); a few dry runs; and, for most releases that change something, one fault at one step. Half the
 * releases are atomic, by their number.
 */
final class ReleaseCasePlanner {

    /** Share of the releases that change something which meet a fault. */
    static final double FAULT_SHARE = 0.7;
    static final double DRY_RUN_SHARE = 0.06;

    private final ReleaseLaneSim lane;
    private final Random random;

    ReleaseCasePlanner(ReleaseLaneSim lane, Random random) {
        this.lane = lane;
        this.random = random;
    }

    ReleaseCase draw(int id) {
        List<String> pool = new ArrayList<>(lane.tasks);
        Collections.shuffle(pool, random);
        List<String> tasks = new ArrayList<>(pool.subList(0, 5 + random.nextInt(16)));
        Collections.sort(tasks);
        boolean viaCli = random.nextBoolean();
        // Half the releases are atomic, by their number: every 8 in a row hold 4, and each of 4 lanes alternates.
        boolean atomic = id % 2 != id / 4 % 2;
        boolean dryRun = random.nextDouble() < DRY_RUN_SHARE;
        Map<String, TaskChange> changes = new TreeMap<>();
        for (String task : tasks) {
            double r = random.nextDouble();
            changes.put(task, r < 0.3 ? new TaskChange(Kind.NONE, DefinitionEdit.NONE, null)
                    : new TaskChange(Kind.CHANGE, r < 0.75 ? DefinitionEdit.threads(threads(task))
                    : DefinitionEdit.addTable("REL_" + id + "_" + task.replace("-", "_"), id), null));
        }
        if (random.nextDouble() < 0.25) {
            String source = tasks.get(random.nextInt(tasks.size()));
            changes.put(String.format(Locale.ROOT, "L%d-N%03d", lane.lane, id),
                    new TaskChange(Kind.CREATE, DefinitionEdit.threads(2), source));
        }
        // An endpoint is changed only with its password given: without it a deploy keeps the endpoint as the target has
        // it (it cannot send an endpoint without its secret), and says so in the plan.
        boolean withSecrets = random.nextBoolean();
        EndpointChange endpoint = null;
        if (withSecrets && random.nextDouble() < 0.35) {
            List<String> used = new ArrayList<>(new java.util.TreeSet<>(tasks.stream()
                    .flatMap(t -> ReleaseTruth.endpointsOf(lane.truth(t).definition()).stream()).toList()));
            endpoint = new EndpointChange(used.get(random.nextInt(used.size())), "moved-" + id + ".lane" + lane.lane + ".internal");
        }
        if (endpoint != null) {
            // The task that carries the endpoint (as the release decides: the first by name the server has) changes.
            String name = endpoint.name();
            String owner = tasks.stream().filter(t -> ReleaseTruth.endpointsOf(lane.truth(t).definition()).contains(name))
                    .findFirst().orElseThrow();
            if (changes.get(owner).kind() == Kind.NONE) {
                changes.put(owner, new TaskChange(Kind.CHANGE, DefinitionEdit.NONE, null));
            }
        }
        boolean changesSomething = endpoint != null || changes.values().stream().anyMatch(c -> c.kind() != Kind.NONE);
        ReleaseFault fault = dryRun || !changesSomething || random.nextDouble() >= FAULT_SHARE ? null
                : fault(viaCli, tasks, changes);
        String refusal = null;
        boolean stopIfRunning = true;
        if (fault == ReleaseFault.TASK_REFUSED) {
            String task = tasks.get(random.nextInt(tasks.size()));
            TaskChange was = changes.get(task);
            DefinitionEdit base = was.kind() == Kind.NONE ? DefinitionEdit.threads(threads(task)) : was.edit();
            int kind = random.nextInt(4);
            if (kind == 3 && lane.truth(task).isRunning()) {
                stopIfRunning = false;
                refusal = task + " is RUNNING, without stop-if-running";
                changes.put(task, new TaskChange(Kind.CHANGE, base, null));
            } else {
                DefinitionEdit refused = switch (kind) {
                    case 0 -> DefinitionEdit.version(2099, 1, 1);
                    case 1 -> DefinitionEdit.missingTarget("Nowhere-DB");
                    default -> DefinitionEdit.removeLastTable();
                };
                refusal = task + (kind == 0 ? " from Replicate 2099" : kind == 1 ? " names endpoint Nowhere-DB"
                        : " drops a table without replace");
                // The refused change first: a table dropped after one is added would drop only the one added.
                changes.put(task, new TaskChange(Kind.CHANGE, refused.then(base), null));
            }
        }
        return new ReleaseCase(id, viaCli, atomic, dryRun, stopIfRunning, withSecrets, 1 + random.nextInt(4),
                List.copyOf(tasks), Collections.unmodifiableMap(new LinkedHashMap<>(changes)), endpoint, fault, refusal);
    }

    /** A fault at one of the steps this release takes: a run fault only when a changed task runs, a cancel only by API. */
    private ReleaseFault fault(boolean viaCli, List<String> tasks, Map<String, TaskChange> changes) {
        Set<Step> steps = EnumSet.of(Step.REFUSAL, Step.IMPORT, Step.CHECK, Step.AEM_GONE);
        if (tasks.stream().anyMatch(t -> changes.get(t).kind() == Kind.CHANGE && lane.truth(t).isRunning())) {
            steps.add(Step.RUN);
        }
        if (!viaCli) {
            steps.add(Step.CANCEL);
        }
        List<Step> drawn = new ArrayList<>(steps);
        Step step = drawn.get(random.nextInt(drawn.size()));
        List<ReleaseFault> faults = new ArrayList<>();
        for (ReleaseFault f : ReleaseFault.values()) {
            if (f.step == step) {
                faults.add(f);
            }
        }
        return faults.get(random.nextInt(faults.size()));
    }

    /** A number of load threads the task does not have now. */
    private int threads(String task) {
        int now = DefinitionTree.task(DefinitionTree.parse(lane.truth(task).definition())).path("task_settings")
                .path("target_settings").path("ftm_settings").path("parallel_load_threads").asInt();
        int n;
        do {
            n = 1 + random.nextInt(32);
        } while (n == now || n == 2);
        return n;
    }
}
