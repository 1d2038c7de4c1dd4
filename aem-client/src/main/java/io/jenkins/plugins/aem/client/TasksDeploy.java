package io.jenkins.plugins.aem.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * One release of a folder's tasks to a server (see {@link AemClient#deployTasks}), in order: read and check the folder
 * (nothing sent yet); read the server once (its facts, its tasks, its endpoints); plan every task, at most
 * {@code parallel} at once, as its single deploy would; print the one plan; then, unless it is a dry run or a task is
 * refused (and the others are not to go anyway), deploy the changed tasks ({@link ReleaseRollout}).
 */
final class TasksDeploy {

    final CompletableFuture<DeployTasksOutcome> result = new Cancellable();

    private final ReleaseRun run;
    private final DeployTasksRequest request;
    /** What an interrupted release left, when this one takes it up; {@code null} for a fresh release. */
    private final ReleaseResume resume;
    private final DeployJournal journal;
    private final Deadline clock = Deadline.after(Timeouts.MAX);
    private volatile ReleaseRollout rollout;
    private volatile boolean cancelled;

    TasksDeploy(ReleaseRun run, ReleaseResume resume) {
        this.run = run;
        this.request = run.request();
        this.resume = resume;
        this.journal = run.progress().journal();
    }

    void start() {
        try {
            if (resume != null) {
                resume.check(request);
            }
        } catch (AemException invalid) {
            result.completeExceptionally(invalid);
            return;
        }
        journal.step((resume == null ? "Releasing " : "Resuming the release of ") + run.folder().describe()
                + " to server '" + request.server() + "'" + (request.dryRun() ? " (dry run: nothing is changed)"
                : request.atomic() ? " (atomic: if a task fails, every task changed is put back)" : ""));
        run.folder().run("read the release folder", f -> ReleaseFiles.scan(f, request.values(), request.tasks()))
                .thenCompose(files -> {
                    run.files(files);
                    if (resume != null) {
                        resume.checkFolder(files.tasks().keySet(), run.folder().describe());
                    }
                    files.unusedValues().forEach(name -> journal.warn("Value '" + name + "' is used by no file of the release."));
                    unusedSecrets(files);
                    journal.step("The release takes " + files.tasks().size() + " task file(s); reading server '"
                            + request.server() + "'");
                    return readServer();
                })
                .thenCompose(this::plan)
                .thenCompose(this::decide)
                .whenComplete((outcome, e) -> {
                    if (e == null) {
                        result.complete(outcome);
                    } else {
                        result.completeExceptionally(cancelled ? DefinitionCalls.cancelled()
                                : run.reader().transport(e, "the release"));
                    }
                });
    }

    private void unusedSecrets(ReleaseFiles files) {
        Set<String> carried = new HashSet<>();
        files.tasks().keySet().forEach(t -> carried.addAll(files.carried(t)));
        List<String> unused = request.each().secrets().keySet().stream()
                .filter(k -> !carried.contains(ReleasePlanner.endpointOf(k))).toList();
        if (request.each().updateSecrets() && !unused.isEmpty()) {
            throw AemException.invalidInput("secrets", "were given to rotate for " + String.join(", ", unused) + ", which "
                    + "no task of the release carries (no endpoint file, or no task using it, in the folder). Give the "
                    + "secrets of the folder's endpoints, or export the tasks with their endpoints. Nothing was sent to AEM.");
        }
        unused.forEach(k -> journal.warn("A secret was given for '" + k + "', which no task of the release carries; it is not used."));
    }

    private CompletableFuture<ReleasePlanner.Server> readServer() {
        DefinitionCalls calls = run.serverCalls();
        Deadline deadline = Deadline.after(request.each().timeout());
        InFlight flight = run.flight();
        return ServerFacts.read(calls, deadline, flight, journal, FailureKind.DEPLOY_REFUSED).thenCompose(facts ->
                calls.tasks(deadline, flight).thenCompose(tasks -> calls.endpoints(deadline, flight)
                        .thenApply(names -> new ReleasePlanner.Server(facts, byName(tasks), Set.copyOf(names), null))
                        .exceptionallyCompose(e -> {
                            AemException error = run.reader().transport(e, "GetEndpointList");
                            return error.errorCode() == null ? CompletableFuture.failedFuture(error)
                                    : CompletableFuture.completedFuture(new ReleasePlanner.Server(facts, byName(tasks), Set.of(), error));
                        })));
    }

    private static Map<String, TaskStatus> byName(List<TaskStatus> tasks) {
        Map<String, TaskStatus> out = new TreeMap<>();
        tasks.forEach(t -> out.put(t.task().task(), t));
        return out;
    }

    /** Plans every task, at most {@code parallel} at once, and prints the plan. */
    private CompletableFuture<Planned> plan(ReleasePlanner.Server server) {
        run.files().onServer(server.tasks().keySet());
        ReleasePlanner planner = new ReleasePlanner(run, server);
        ReleaseProgress.Counter counter = run.progress().counter("planned", run.files().tasks().size());
        Map<String, CompletableFuture<PlannedTask>> plans = new LinkedHashMap<>();
        run.files().tasks().keySet().forEach(task -> plans.put(task,
                run.limiter().submit(() -> planner.plan(task)).whenComplete((p, e) -> counter.done())));
        return CompletableFuture.allOf(plans.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<PlannedTask> planned = refuseOrphans(plans.values().stream().map(CompletableFuture::join).toList(), server);
            List<String> notInFolder = server.tasks().keySet().stream()
                    .filter(t -> request.tasks().matches(t) && !run.files().tasks().containsKey(t)).toList();
            ReleasePlan.print(journal, request, planned, notInFolder);
            return new Planned(planner, server, planned, notInFolder);
        });
    }

    /** The plan of every task, and what the release needs to go on. */
    private record Planned(ReleasePlanner planner, ReleasePlanner.Server server, List<PlannedTask> tasks,
                           List<String> notInFolder) {
    }

    /** The endpoints the release creates: those it carries that the server does not have (or may not have). */
    private Set<String> created(ReleasePlanner.Server server) {
        Set<String> created = new TreeSet<>();
        run.files().tasks().keySet().forEach(t -> run.files().carried(t).stream()
                .filter(e -> server.endpointsRefused() != null || !server.endpoints().contains(e)).forEach(created::add));
        return created;
    }

    /**
     * Refuses, too, the tasks that need an endpoint which a refused task of the release was to create: without it,
     * their import would make a task that cannot run. Repeated until no more fall, as such a task may carry another.
     */
    private List<PlannedTask> refuseOrphans(List<PlannedTask> plans, ReleasePlanner.Server server) {
        Map<String, PlannedTask> byTask = new LinkedHashMap<>();
        plans.forEach(p -> byTask.put(p.task().task(), p));
        Set<String> created = created(server);
        boolean fell = true;
        while (fell) {
            fell = false;
            for (PlannedTask p : new ArrayList<>(byTask.values())) {
                String task = p.task().task();
                for (String e : run.files().tasks().get(task).uses()) {
                    String owner = run.files().owner(e);
                    if (p.verdict() != PlannedTask.Verdict.REFUSED && created.contains(e) && owner != null
                            && !owner.equals(task) && byTask.get(owner).verdict() == PlannedTask.Verdict.REFUSED) {
                        byTask.put(task, p.refused(AemException.of(FailureKind.DEPLOY_REFUSED, p.task() + " uses endpoint '"
                                + e + "', which task '" + owner + "' of this release creates, and that task is refused. "
                                + "Nothing was changed.").build()));
                        fell = true;
                    }
                }
            }
        }
        return List.copyOf(byTask.values());
    }

    private CompletableFuture<DeployTasksOutcome> decide(Planned planned) {
        Map<String, DeployResume> taken = resume == null ? Map.of() : resume.byTask();
        List<PlannedTask> refused = planned.tasks().stream().filter(p -> p.verdict() == PlannedTask.Verdict.REFUSED
                && !taken.containsKey(p.task().task())).toList();
        List<PlannedTask> changes = planned.tasks().stream().filter(p -> p.changes() && !taken.containsKey(p.task().task()))
                .toList();
        boolean held = !refused.isEmpty() && !request.skipRefused();
        if (taken.isEmpty() && (request.dryRun() || changes.isEmpty() || held)) {
            if (!request.dryRun() && !refused.isEmpty() && !changes.isEmpty()) {
                journal.warn(refused.size() + " task(s) of the release are refused, so nothing was changed. Fix what each "
                        + "refusal says, or deploy the others anyway (skipRefused, --skip-refused).");
            }
            return CompletableFuture.completedFuture(outcome(planned, ReleasePlan.withoutDeploy(planned.tasks(), request)));
        }
        Map<PlannedTask, ResumedTask> resumed = new LinkedHashMap<>();
        planned.tasks().stream().filter(p -> taken.containsKey(p.task().task()))
                .forEach(p -> resumed.put(p, new ResumedTask(run, taken.get(p.task().task()))));
        synchronized (this) {
            if (cancelled) {
                return CompletableFuture.failedFuture(DefinitionCalls.cancelled());
            }
            rollout = new ReleaseRollout(run, planned.planner(), planned.server().facts(), held ? List.of() : changes,
                    resumed, created(planned.server()));
        }
        // A resumed atomic release that had failed, or now finds refusals, starts nothing more and puts everything back.
        if (resume != null && resume.failedBefore()) {
            rollout.stop("a task of the release had failed before the interruption");
        } else if (held) {
            rollout.stop(refused.size() + " task(s) of the release are refused");
        }
        return rollout.start().thenApply(deployed -> {
            Map<String, ReleasedTask> byTask = new TreeMap<>();
            ReleasePlan.withoutDeploy(planned.tasks(), request).forEach(t -> byTask.put(t.task().task(), t));
            deployed.forEach(t -> byTask.put(t.task().task(), t));
            return outcome(planned, List.copyOf(byTask.values()));
        });
    }

    private DeployTasksOutcome outcome(Planned planned, List<ReleasedTask> tasks) {
        DeployTasksOutcome outcome = new DeployTasksOutcome(request.server(), run.folder().describe(), tasks,
                planned.notInFolder(), request.atomic(), request.dryRun(), rollout != null && rollout.cancelled(),
                journal.warnings(), clock.elapsed());
        ReleasePlan.summary(journal, outcome);
        return outcome;
    }

    /** Whether the release hands out checkpoints, so that it can be taken up after its process stops. */
    boolean resumable() {
        return request.checkpoints() != null;
    }

    /**
     * Its process stops (the pool closes): the release stops where it is, putting nothing back, for a resume to take it
     * up ({@link ReleaseRollout#suspend()}); its future fails at once.
     */
    void suspend() {
        ReleaseRollout going;
        synchronized (this) {
            cancelled = true;
            going = rollout;
        }
        // Failed first: the tasks' deploys, once suspended, would otherwise end the release with an outcome.
        result.completeExceptionally(DeployLedger.suspended());
        run.cancelReads();
        if (going != null) {
            going.suspend();
        }
    }

    /** A release's future: cancelling it before anything changed ends it at once; after, it ends once put back. */
    private final class Cancellable extends CompletableFuture<DeployTasksOutcome> {
        @Override
        public boolean cancel(boolean mayInterrupt) {
            if (isDone()) {
                return false;
            }
            ReleaseRollout going;
            synchronized (TasksDeploy.this) {
                cancelled = true;
                going = rollout;
            }
            if (going == null) {
                boolean done = super.cancel(mayInterrupt);
                run.cancelReads();
                return done;
            }
            going.cancel();
            return true;
        }
    }
}
