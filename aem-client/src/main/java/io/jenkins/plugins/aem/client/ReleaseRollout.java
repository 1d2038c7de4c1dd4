package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Deploys a release's changed tasks, each as its single deploy does, at most {@code parallel} at once. A task that
 * uses an endpoint another task of the release creates starts once that task is deployed; one that uses an endpoint
 * another task changes or rotates (and tests) starts once that task has ended; and of two tasks that stop and run a
 * same task (their own, or one they restart for a rotated secret) the second by name follows the first. When the
 * release is atomic, the first failure stops it: the deploys in flight are cancelled (each puts its task back, as a
 * cancelled deploy does) and, once they have ended, every task already deployed is put back too, the last deployed
 * first, one at a time, so that an endpoint two of them changed ends as the first found it. A cancel of the release
 * does the same, atomic or not for the deploys in flight, and for the deployed tasks only when atomic.
 *
 * <p>A resumed release ({@link AemClient#resumeDeployTasks}) also takes up the tasks the interrupted one had reached
 * ({@link ResumedTask}): each is finished or put back, whatever else happens, and counts in the atomic undo in the
 * order the interrupted release had deployed it.
 */
final class ReleaseRollout {

    /** One task's deploy. */
    private static final class Slot {
        final PlannedTask plan;
        final ResumedTask resumed;
        /** The tasks this one starts after, and those of them it needs deployed (they create an endpoint it uses). */
        final Set<Slot> after = new LinkedHashSet<>();
        final Set<Slot> needs = new LinkedHashSet<>();
        final CompletableFuture<ReleasedTask> done = new CompletableFuture<>();
        volatile DeployExecution execution;
        volatile boolean deployed;
        volatile ReleasedTask undone;
        volatile int order;
        volatile boolean stoppedByRelease;
        /** Where its backup was kept, once it was: a failed task's outcome names it too. */
        volatile String backup;

        Slot(PlannedTask plan, ResumedTask resumed) {
            this.plan = plan;
            this.resumed = resumed;
            this.order = resumed == null ? 0 : resumed.order();
        }

        String name() {
            return plan.task().task();
        }

        /** The tasks its deploy stops and runs: its own, and those it restarts for a rotated secret. */
        Set<String> controls() {
            Set<String> out = new LinkedHashSet<>(plan.restarts());
            out.add(name());
            return out;
        }
    }

    private final ReleaseRun run;
    private final ReleasePlanner planner;
    private final ServerFacts server;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private int started;
    private volatile boolean stopping;
    private volatile String stopReason;
    private volatile boolean cancelled;
    /** The pool closed: nothing is undone, for a resume to take the release up. */
    private volatile boolean suspended;

    /**
     * @param changes the tasks to deploy, by name
     * @param resumed the tasks to take up, by name (none for a fresh release)
     * @param created the endpoints the release creates: a task using one waits for the task that carries it
     */
    ReleaseRollout(ReleaseRun run, ReleasePlanner planner, ServerFacts server, List<PlannedTask> changes,
                   Map<PlannedTask, ResumedTask> resumed, Set<String> created) {
        this.run = run;
        this.planner = planner;
        this.server = server;
        resumed.entrySet().stream().sorted(Comparator.comparingInt(e -> e.getValue().order()))
                .forEach(e -> slots.put(e.getKey().task().task(), new Slot(e.getKey(), e.getValue())));
        List<Slot> takenUp = List.copyOf(slots.values());
        changes.forEach(p -> slots.put(p.task().task(), new Slot(p, null)));
        started = slots.values().stream().mapToInt(s -> s.order).max().orElse(0);
        // The tasks taken up are settled first, at once; the others follow them, and each other as below.
        slots.values().stream().filter(s -> s.resumed == null).forEach(slot -> {
            slot.after.addAll(takenUp);
            order(slot, created);
        });
    }

    /** Who {@code slot} follows. Every such task comes first by name, as an endpoint's owner does: no cycle can form. */
    private void order(Slot slot, Set<String> created) {
        for (String e : run.files().tasks().get(slot.name()).uses()) {
            Slot owner = slots.get(run.files().owner(e));
            if (owner != null && owner != slot && (created.contains(e) || owner.plan.tests().contains(e))) {
                slot.after.add(owner);
                if (created.contains(e)) {
                    slot.needs.add(owner);
                }
            }
        }
        Set<String> mine = slot.controls();
        slots.values().stream().filter(o -> o.resumed == null && o.name().compareTo(slot.name()) < 0
                && o.controls().stream().anyMatch(mine::contains)).forEach(slot.after::add);
    }

    /** Deploys every task; completes, never exceptionally, with each task's end, by name. */
    CompletableFuture<List<ReleasedTask>> start() {
        ReleaseProgress.Counter counter = run.progress().counter("finished", slots.size());
        for (Slot slot : slots.values()) {
            CompletableFuture.allOf(slot.after.stream().map(s -> s.done).toArray(CompletableFuture[]::new))
                    .thenCompose(v -> {
                        Slot missing = slot.needs.stream().filter(s -> !s.deployed).findFirst().orElse(null);
                        return missing != null && slot.resumed == null ? CompletableFuture.completedFuture(notStarted(slot,
                                "it uses an endpoint that task '" + missing.name() + "' of this release was to create, and "
                                        + "that task was not deployed"))
                                : run.limiter().submit(() -> deploy(slot));
                    })
                    .whenComplete((r, e) -> {
                        counter.done();
                        slot.done.complete(e == null ? r : failed(slot, run.reader().transport(e, "the deploy")));
                    });
        }
        return CompletableFuture.allOf(slots.values().stream().map(s -> s.done).toArray(CompletableFuture[]::new))
                .thenCompose(v -> undoIfAtomic())
                .thenApply(v -> slots.values().stream().map(s -> s.undone != null ? s.undone : s.done.join()).toList());
    }

    /** Cancels the release: nothing more starts, and the deploys in flight are cancelled, putting their tasks back. */
    void cancel() {
        cancelled = true;
        stop("the release was cancelled");
    }

    /**
     * The pool closes: the release stops where it is, putting nothing back (no deploy's restore, no atomic undo), for a
     * resume to take it up from its tasks' checkpoints. Nothing more starts, and each deploy under way is suspended.
     */
    void suspend() {
        List<Slot> inFlight;
        synchronized (this) {
            suspended = true;
            stopping = true;
            stopReason = "the AEM client was closed";
            inFlight = slots.values().stream().filter(s -> s.execution != null && !s.execution.result.isDone()).toList();
        }
        inFlight.forEach(s -> s.execution.suspend());
    }

    /** Whether the release was cancelled. */
    boolean cancelled() {
        return cancelled;
    }

    private CompletableFuture<ReleasedTask> deploy(Slot slot) {
        String task = slot.name();
        ReleasedTask ended = slot.resumed == null ? null : slot.resumed.ended(slot.plan);
        if (ended != null) {
            // The deploy had ended before the interruption: nothing is sent, and a failure stops an atomic release.
            slot.deployed = slot.resumed.deployedBefore();
            if (ended.error() != null) {
                stop("task '" + task + "' failed before the interruption");
            }
            return CompletableFuture.completedFuture(ended);
        }
        if (stopping && slot.resumed == null) {
            return CompletableFuture.completedFuture(notStarted(slot, stopReason));
        }
        return run.folder().run("read " + slot.plan.file(), f -> run.files().definition(f, task)).thenCompose(text -> {
            DeployRequest request = planner.request(task, text);
            if (run.request().backups() != null && slot.resumed == null) {
                BackupSink sink = run.request().backups().apply(request.task());
                request = request.withBackupSink(sink == null ? null : kept(slot, sink, run.files().carried(task)));
            }
            synchronized (this) {
                // A task taken up goes on even when the release stops: it is finished or put back, never left. Each
                // deploy starts under the lock, so that a stop cancels every deploy that started.
                if (stopping && slot.resumed == null) {
                    return CompletableFuture.completedFuture(notStarted(slot, stopReason));
                }
                if (slot.resumed != null) {
                    slot.execution = slot.resumed.start(request);
                } else {
                    slot.order = ++started;
                    slot.execution = run.execution(request, new ReleaseSlot(server, slot.plan.lines(), planner.users(task)),
                            DeployExecution.fresh(request.task()).inRelease(slot.order, run.request().atomic()));
                    slot.execution.start();
                }
            }
            return slot.execution.result.handle((outcome, e) -> {
                ReleasedTask end = e == null ? deployed(slot, outcome) : failed(slot, run.reader().transport(e, "the deploy"));
                return slot.resumed == null ? end : end.resumedAs(slot.execution.resumedHow());
            });
        });
    }

    /**
     * The sink, handed the backup with only the endpoints the task carries in the release ({@link RestoredBackup}),
     * and noting where it kept it, so that the task's outcome says it even when its deploy fails.
     */
    private static BackupSink kept(Slot slot, BackupSink sink, Set<String> carried) {
        return new BackupSink() {
            @Override
            public String keep(DeployBackup backup) throws Exception {
                slot.backup = sink.keep(RestoredBackup.keeping(backup, carried));
                return slot.backup;
            }

            @Override
            public String howToRestore() {
                return sink.howToRestore();
            }
        };
    }

    private ReleasedTask deployed(Slot slot, DeployOutcome outcome) {
        slot.deployed = outcome.result() == DeployOutcome.Result.DEPLOYED;
        ReleasedTask.Result result = slot.deployed ? ReleasedTask.Result.DEPLOYED : ReleasedTask.Result.NO_CHANGE;
        return new ReleasedTask(slot.plan, result, outcome.actions(), outcome.backupLocation(), null, null,
                outcome.testedEndpoints(), null);
    }

    private ReleasedTask failed(Slot slot, AemException error) {
        boolean byRelease = slot.stoppedByRelease;
        if (error.kind() == FailureKind.CANCELLED && byRelease) {
            return notStarted(slot, stopReason + "; it was stopped before it changed anything");
        }
        if (!byRelease) {
            stop("task '" + slot.name() + "' failed");
        }
        boolean putBack = error.kind() == FailureKind.DEPLOY_RESTORED || error.kind() == FailureKind.DEPLOY_NOT_RESTORED;
        return new ReleasedTask(slot.plan, byRelease && putBack ? ReleasedTask.Result.UNDONE : ReleasedTask.Result.FAILED,
                List.of(), slot.backup, error, null);
    }

    /** Stops starting deploys when the release is atomic or cancelled, and cancels the deploys in flight. */
    void stop(String why) {
        List<Slot> inFlight;
        synchronized (this) {
            if (stopping || !cancelled && !run.request().atomic()) {
                return;
            }
            stopping = true;
            stopReason = why;
            inFlight = slots.values().stream().filter(s -> s.execution != null && !s.execution.result.isDone()).toList();
            inFlight.forEach(s -> s.stoppedByRelease = true);
        }
        run.progress().journal().warn("The release stops: " + why + (run.request().atomic()
                ? "; the release is atomic, so every task it changed is put back." : "; the deploys under way are put back."));
        inFlight.forEach(s -> s.execution.result.cancel(true));
    }

    /** When the release is atomic and stopped, puts back every task it deployed, the last deployed first, one at a time. */
    private CompletableFuture<Void> undoIfAtomic() {
        if (suspended || !stopping || !run.request().atomic()) {
            return CompletableFuture.completedFuture(null);
        }
        AemException cause = AemException.of(FailureKind.AEM_ERROR, "The release was undone: " + stopReason
                + ", and the release is atomic.").build();
        Duration timeout = Duration.ofMillis((long) (run.request().each().timeout().toMillis() * DeployClock.RESTORE_SHARE));
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Slot slot : slots.values().stream().filter(s -> s.deployed)
                .sorted(Comparator.comparingInt((Slot s) -> s.order).reversed()).toList()) {
            chain = chain.thenCompose(v -> undo(slot, cause, timeout).thenAccept(report -> {
                ReleasedTask was = slot.done.join();
                slot.undone = new ReleasedTask(was.plan(), ReleasedTask.Result.UNDONE, was.actions(), was.backup(), report,
                        null, was.testedEndpoints(), was.resumed());
            }));
        }
        return chain;
    }

    /** Puts one deployed task back: by its deploy, or, deployed before an interruption, from its checkpoint. */
    private CompletableFuture<AemException> undo(Slot slot, AemException cause, Duration timeout) {
        if (slot.execution != null) {
            return slot.execution.undo(cause, timeout);
        }
        return run.folder().run("read " + slot.plan.file(), f -> run.files().definition(f, slot.name()))
                .thenCompose(text -> slot.resumed.undo(planner.request(slot.name(), text), cause))
                .exceptionally(e -> run.reader().transport(e, "the restore"));
    }

    private static ReleasedTask notStarted(Slot slot, String why) {
        return new ReleasedTask(slot.plan, ReleasedTask.Result.NOT_STARTED, List.of(), null, null, "Not started: " + why + ".");
    }
}
