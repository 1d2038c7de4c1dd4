package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import io.jenkins.plugins.aem.client.release.FileNames;
import io.jenkins.plugins.aem.client.release.ReleaseFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

/**
 * One export of a server's tasks into a release folder (see {@link AemClient#exportTasks}): the server read once (its
 * facts, its task list, and with endpoints its endpoint list, for their file names), then one ExportTask per task, at
 * most {@code parallel} at once, each written as it arrives; at the end, the files of tasks no longer on the server
 * listed, or deleted with {@code prune}. A task AEM refuses to export is reported and the others go on; a failure that
 * is no task's (AEM out of reach, a deadline, a cancel) starts no more.
 */
final class TasksExport {

    final CompletableFuture<ExportTasksOutcome> result;

    private final Connection connection;
    private final ScheduledExecutorService scheduler;
    private final PollSchedule schedule;
    private final ExportTasksRequest request;
    private final FolderCalls folder;
    private final ReleaseProgress progress;
    private final DeployJournal journal;
    private final ExportWriter writer;
    private final HostLimiter limiter;
    private final InFlight flight = new InFlight();
    private final Set<InFlight> exports = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Deadline clock = Deadline.after(Timeouts.MAX);
    private final Map<String, ExportedTask> done = new TreeMap<>();
    private volatile boolean stopped;

    TasksExport(ExportTasksRequest request, FolderCalls folder, Connection connection, ScheduledExecutorService scheduler,
                PollSchedule schedule, ProgressListener listener) {
        this.request = request;
        this.folder = folder;
        this.connection = connection;
        this.scheduler = scheduler;
        this.schedule = schedule;
        this.progress = new ReleaseProgress(listener);
        this.journal = progress.journal();
        this.writer = new ExportWriter(request.values(), journal);
        this.limiter = new HostLimiter(request.parallel());
        this.result = flight.cancelledWith(new CompletableFuture<>());
        result.whenComplete((r, e) -> {
            stopped = true;
            if (result.isCancelled()) {
                exports.forEach(InFlight::cancel);
            }
        });
    }

    void start() {
        journal.step("Exporting the tasks of server '" + request.server() + "' to " + folder.describe()
                + (request.withEndpoints() ? ", with their endpoints" : ""));
        DefinitionCalls server = calls(new TaskRef(request.server(), "*")); // server-wide reads; the stand-in is never sent
        Deadline deadline = Deadline.after(request.timeout());
        ServerFacts.read(server, deadline, flight, journal, FailureKind.INVALID_INPUT)
                .thenCompose(facts -> server.tasks(deadline, flight))
                .thenCompose(tasks -> endpointFiles(server, deadline).thenCompose(endpoints -> exportAll(tasks, endpoints)))
                .thenCompose(v -> folder.run("list the stale files", f -> StaleFiles.find(f, request, done,
                        writer.endpoints())).thenCompose(this::prune))
                .whenComplete((stale, e) -> {
                    if (e != null) {
                        result.completeExceptionally(connection.api().reader().transport(e, "the export"));
                        return;
                    }
                    ExportTasksOutcome outcome = new ExportTasksOutcome(request.server(), folder.describe(),
                            List.copyOf(done.values()), stale, request.prune(), journal.warnings(), clock.elapsed());
                    journal.step("Export done: " + outcome.tasks().size() + " task(s), " + outcome.count(ExportedTask.Status.WRITTEN)
                            + " written, " + outcome.count(ExportedTask.Status.UNCHANGED) + " unchanged, "
                            + outcome.count(ExportedTask.Status.FAILED) + " failed, in " + outcome.elapsed().toSeconds() + " s");
                    result.complete(outcome);
                });
    }

    /** The file names of the server's endpoints: GetEndpointList, so that names differing by case get files of their own. */
    private CompletableFuture<Map<String, String>> endpointFiles(DefinitionCalls server, Deadline deadline) {
        if (!request.withEndpoints()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return server.endpoints(deadline, flight).thenApply(FileNames::of).exceptionallyCompose(e -> {
            AemException error = connection.api().reader().transport(e, "GetEndpointList");
            return error.errorCode() == null ? CompletableFuture.failedFuture(error) : CompletableFuture.completedFuture(Map.of());
        });
    }

    /** Exports every task taken, at most {@code parallel} at once. */
    private CompletableFuture<Void> exportAll(List<TaskStatus> tasks, Map<String, String> endpointFiles) {
        Set<String> names = tasks.stream().map(t -> t.task().task()).collect(Collectors.toCollection(java.util.TreeSet::new));
        List<String> none = request.tasks().unmatched(names);
        if (!none.isEmpty()) {
            throw AemException.invalidInput("task", none.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "))
                    + " matches no task on server '" + request.server() + "'. Check the name (names and patterns are "
                    + "matched with case). Nothing was written.");
        }
        Map<String, String> taskFiles = FileNames.of(names);
        List<String> taken = names.stream().filter(request.tasks()::matches).toList();
        journal.step("Server '" + request.server() + "' has " + names.size() + " task(s); exporting " + taken.size());
        ReleaseProgress.Counter counter = progress.counter("exported", taken.size());
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (String task : taken) {
            String file = ReleaseFolder.path(ReleaseFolder.TASKS, taskFiles.get(task));
            all.add(limiter.submit(() -> exportOne(new TaskRef(request.server(), task), file, endpointFiles))
                    .thenAccept(t -> {
                        synchronized (done) {
                            done.put(task, t);
                        }
                        counter.done();
                    }));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<ExportedTask> exportOne(TaskRef task, String path, Map<String, String> endpointFiles) {
        if (stopped) {
            return CompletableFuture.completedFuture(new ExportedTask(task, path, ExportedTask.Status.NOT_STARTED, List.of(), null));
        }
        InFlight mine = new InFlight();
        exports.add(mine);
        if (stopped) {
            mine.cancel();
        }
        return calls(task).export(request.withEndpoints(), Deadline.after(request.timeout()), mine)
                .thenApply(found -> ExportedDefinition.of(task, found))
                .thenCompose(exported -> {
                    TaskDefinition file = TaskDefinition.parse(exported.text());
                    return folder.run("write " + path, f -> writer.write(f, path, file, request.withEndpoints(),
                                    files(file, endpointFiles)))
                            .thenApply(written -> new ExportedTask(task, path, written ? ExportedTask.Status.WRITTEN
                                    : ExportedTask.Status.UNCHANGED, exported.placeholders(), null));
                })
                .exceptionally(e -> {
                    AemException error = connection.api().reader().transport(e, "ExportTask");
                    if (error.errorCode() == null && error.kind() != FailureKind.INVALID_INPUT) {
                        stopped = true; // not this task's failure: the next would meet it too
                    }
                    journal.warn("The export of " + task + " failed: " + error.getMessage());
                    return new ExportedTask(task, path, ExportedTask.Status.FAILED, List.of(), error);
                });
    }

    /** The file of each endpoint the export carries: the server's list's, or, when AEM refused it, the name's own. */
    private static Map<String, String> files(TaskDefinition exported, Map<String, String> endpointFiles) {
        Map<String, String> out = new TreeMap<>();
        exported.endpointNames().forEach(name -> out.put(name, ReleaseFolder.path(
                ReleaseFolder.ENDPOINTS, endpointFiles.getOrDefault(name, FileNames.of(name)))));
        return out;
    }

    private CompletableFuture<List<String>> prune(List<String> stale) {
        if (stale.isEmpty()) {
            return CompletableFuture.completedFuture(stale);
        }
        if (!request.prune()) {
            journal.step("Not on the server any more, kept (prune removes them): " + String.join(", ", stale));
            return CompletableFuture.completedFuture(stale);
        }
        return folder.run("delete the stale files", f -> {
            for (String path : stale) {
                f.delete(path);
                journal.action("deleted " + path + " (no longer on server '" + request.server() + "')");
            }
            return stale;
        });
    }

    private DefinitionCalls calls(TaskRef task) {
        return new DefinitionCalls(connection, scheduler, schedule, journal, task);
    }
}
