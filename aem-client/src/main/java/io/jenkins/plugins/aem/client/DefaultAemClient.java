package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.jenkins.plugins.aem.client.release.ReleaseFolder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/** The {@link AemClient} the pool hands out: starts {@link Operation}s on a shared {@link Connection}. */
final class DefaultAemClient implements AemClient {

    private final Connection connection;
    private final ScheduledExecutorService scheduler;
    private final PollSchedule schedule;
    private final Duration grace;
    private final LiveCalls live;
    private final HealthSchedule healthSchedule;

    DefaultAemClient(Connection connection, ScheduledExecutorService scheduler, PollSchedule schedule, Duration grace,
                     HealthSchedule healthSchedule, LiveCalls live) {
        this.live = live;
        this.healthSchedule = healthSchedule;
        this.connection = connection;
        this.scheduler = scheduler;
        this.schedule = schedule;
        this.grace = grace;
    }

    @Override
    public ConnectionSettings settings() {
        return connection.settings();
    }

    @Override
    public CompletableFuture<TaskOutcome> run(RunRequest request, ProgressListener listener) {
        WaitGoal goal = request.waitForCompletion() ? WaitGoal.LOAD_COMPLETED : WaitGoal.RUNNING;
        Operation op = start(request.task(), goal, Deadline.after(request.timeout()), listener);
        op.withServer(kind -> {
            RunOption option = request.option();
            if (option == null && kind == ServerKind.REPLICATE) {
                option = RunOption.RESUME_PROCESSING;
                op.step("No run option given; using RESUME_PROCESSING, AEM's default for Replicate tasks");
            } else if (option == null && kind == ServerKind.UNKNOWN) {
                op.step("No run option given and the server's kind is not known; sending none, so AEM decides");
            }
            String query = "action=run" + (option == null ? "" : "&option=" + option.name());
            op.command("RunTask", query, request.cdcPosition(), "RunTask" + (option == null ? "" : " option=" + option.name()));
        });
        return live.add(op.result);
    }

    @Override
    public CompletableFuture<TaskOutcome> stop(StopRequest request, ProgressListener listener) {
        Operation op = start(request.task(), WaitGoal.STOPPED, Deadline.after(request.timeout()), listener);
        op.withServer(kind -> op.command("StopTask", "action=stop", null, "StopTask"));
        return live.add(op.result);
    }

    @Override
    public CompletableFuture<TaskOutcome> await(WaitRequest request, ProgressListener listener) {
        Instant now = Instant.now();
        Operation op = start(request.task(), request.goal(), Deadline.at(request.deadline(), request.commandSentAt()), listener);
        op.resume(System.nanoTime() - Duration.between(request.commandSentAt(), now).toNanos(),
                "resumed wait for " + request.goal());
        return live.add(op.result);
    }

    @Override
    public CompletableFuture<HealthOutcome> awaitHealth(HealthWaitRequest request, ProgressListener listener) {
        HealthWait wait = new HealthWait(connection, scheduler, healthSchedule, listener(listener), request);
        live.add(wait.result);
        wait.start();
        return wait.result;
    }

    @Override
    public CompletableFuture<TaskStatus> taskStatus(TaskRef task, Duration timeout) {
        Deadline deadline = Deadline.after(Timeouts.check(timeout));
        return read(connection.api().taskStatus(task, deadline.remaining(), ProgressListener.NONE, deadline), "GetTaskDetails");
    }

    @Override
    public CompletableFuture<List<ServerInfo>> servers(Duration timeout) {
        Deadline deadline = Deadline.after(Timeouts.check(timeout));
        return read(connection.api().servers(deadline.remaining(), ProgressListener.NONE, deadline), "GetServerList");
    }

    @Override
    public CompletableFuture<ServerDetails> serverDetails(String server, Duration timeout) {
        Deadline deadline = Deadline.after(Timeouts.check(timeout));
        String name = TaskRef.requireName("server", server, "the server's name as AEM shows it");
        return read(connection.api().serverDetails(name, deadline.remaining(), deadline), "GetServerDetails");
    }

    @Override
    public CompletableFuture<List<TaskStatus>> tasks(String server, Duration timeout) {
        Deadline deadline = Deadline.after(Timeouts.check(timeout));
        String name = TaskRef.requireName("server", server, "the server's name as AEM shows it");
        CompletableFuture<AemApi.ListAnswer> list = connection.api().taskList(name, deadline.remaining(),
                ProgressListener.NONE, CappedBodyConsumer.MAX_BODY);
        return read(InFlight.derived(list, list.thenApply(answer -> TaskDetailsParser.list(answer.body(), name,
                connection.api().reader()))), "GetTaskList");
    }

    @Override
    public CompletableFuture<ExportedDefinition> exportTask(ExportRequest request, ProgressListener listener) {
        Deadline deadline = Deadline.after(request.timeout());
        DeployJournal journal = new DeployJournal(listener, deadline);
        InFlight flight = new InFlight();
        TaskRef task = request.task();
        DefinitionCalls calls = new DefinitionCalls(connection, scheduler, schedule, journal, task);
        journal.step("Exporting " + task + (request.withEndpoints() ? " with its endpoints" : ""));
        CompletableFuture<ExportedDefinition> done = ServerFacts.read(calls, deadline, flight, journal, FailureKind.INVALID_INPUT)
                .thenCompose(server -> calls.export(request.withEndpoints(), deadline, flight))
                .thenApply(found -> {
                    ExportedDefinition exported = ExportedDefinition.of(task, found);
                    journal.step("Exported " + task + (exported.placeholders().isEmpty() ? "" : "; secrets replaced by "
                            + String.join(", ", exported.placeholders())));
                    return exported;
                });
        return read(flight.cancelledWith(done), "ExportTask");
    }

    @Override
    public CompletableFuture<DeployOutcome> deploy(DeployRequest request, ProgressListener listener) {
        DeployExecution execution = new DeployExecution(request, connection, scheduler, schedule, listener(listener), this,
                ReleaseSlot.NONE, DeployExecution.fresh(request.task()));
        execution.start();
        return track(execution);
    }

    @Override
    public CompletableFuture<ExportTasksOutcome> exportTasks(ExportTasksRequest request, ReleaseFolder folder,
                                                             Executor folderCalls, ProgressListener listener) {
        TasksExport export = new TasksExport(request, new FolderCalls(folder, folderCalls), connection, scheduler, schedule,
                listener(listener));
        export.start();
        return live.add(export.result);
    }

    @Override
    public CompletableFuture<DeployTasksOutcome> deployTasks(DeployTasksRequest request, ReleaseFolder folder,
                                                             Executor folderCalls, ProgressListener listener) {
        return release(request, null, folder, folderCalls, listener);
    }

    @Override
    public CompletableFuture<DeployTasksOutcome> resumeDeployTasks(DeployTasksRequest request, ReleaseResume resume,
                                                                   ReleaseFolder folder, Executor folderCalls,
                                                                   ProgressListener listener) {
        return release(request, java.util.Objects.requireNonNull(resume, "resume"), folder, folderCalls, listener);
    }

    private CompletableFuture<DeployTasksOutcome> release(DeployTasksRequest request, ReleaseResume resume,
                                                          ReleaseFolder folder, Executor folderCalls,
                                                          ProgressListener listener) {
        TasksDeploy release = new TasksDeploy(new ReleaseRun(connection, scheduler, schedule, this, request,
                new FolderCalls(folder, folderCalls), new ReleaseProgress(listener(listener))), resume);
        release.start();
        // As a deploy's: a release with checkpoints stops where it is when the pool closes, for a resume.
        return release.resumable() ? live.addSuspendable(release.result, release::suspend) : live.addUndoable(release.result);
    }

    @Override
    public CompletableFuture<DeployOutcome> rotateSecrets(RotateRequest request, ProgressListener listener) {
        Deadline deadline = Deadline.after(request.timeout());
        ProgressListener l = listener(listener);
        CompletableFuture<ExportedDefinition> exported = exportTask(new ExportRequest(request.task(), true,
                request.timeout()), l);
        AtomicReference<CompletableFuture<DeployOutcome>> deploy = new AtomicReference<>();
        // Cancelling the rotation cancels the export, or the deploy under way, which restores what it changed first.
        CompletableFuture<DeployOutcome> result = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterrupt) {
                CompletableFuture<DeployOutcome> d = deploy.get();
                return d != null ? d.cancel(mayInterrupt) : exported.cancel(mayInterrupt) && super.cancel(mayInterrupt);
            }
        };
        exported.whenComplete((file, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else if (deadline.remaining().compareTo(Duration.ofSeconds(1)) < 0) {
                result.completeExceptionally(AemException.of(FailureKind.TIMED_OUT, "No time was left to rotate the "
                        + "secrets of " + request.task() + " after exporting its definition.").build());
            } else {
                CompletableFuture<DeployOutcome> d = deploy(request.toDeployRequest(file.text())
                        .withTimeout(deadline.remaining()), l);
                deploy.set(d);
                d.whenComplete((o, x) -> {
                    if (x == null) {
                        result.complete(o);
                    } else if (x instanceof java.util.concurrent.CancellationException) {
                        result.completeExceptionally(x); // a CancellationException: the result reads cancelled
                    } else {
                        result.completeExceptionally(x);
                    }
                });
            }
        });
        return result;
    }

    @Override
    public CompletableFuture<DeployOutcome> resumeDeploy(DeployRequest request, DeployResume resume, ProgressListener listener) {
        DeployExecution execution = new DeployExecution(request, connection, scheduler, schedule, listener(listener), this,
                ReleaseSlot.NONE, resume.checkpoint());
        new DeployResumption(execution, resume).start();
        return track(execution);
    }

    /**
     * A deploy with checkpoints can be taken up after the process stops: closing the pool stops it where it is. One
     * without is cancelled by the close, and so restores what it changed first.
     */
    private CompletableFuture<DeployOutcome> track(DeployExecution execution) {
        return execution.resumable() ? live.addSuspendable(execution.result, execution::suspend)
                : live.addUndoable(execution.result);
    }

    /** {@code read} with its failures said as AEM's or the network's, tracked by the pool; cancelling it aborts the read. */
    private <T> CompletableFuture<T> read(CompletableFuture<T> read, String call) {
        return live.add(InFlight.derived(read, read.exceptionallyCompose(
                e -> CompletableFuture.failedFuture(connection.api().reader().transport(e, call)))));
    }

    private Operation start(TaskRef task, WaitGoal goal, Deadline deadline, ProgressListener listener) {
        return new Operation(connection, scheduler, schedule, grace, listener(listener), task, goal, deadline);
    }

    private static ProgressListener listener(ProgressListener l) {
        return l == null ? ProgressListener.NONE : l;
    }
}
