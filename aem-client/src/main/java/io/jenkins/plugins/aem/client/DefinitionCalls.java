package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The AEM calls of one export or deploy, on one task. Reads are tried again after transport failures within their
 * deadline, as every read of the client is; ImportTask and DeleteTask never are: after a lost answer only reading the
 * task back tells what happened. Reads in flight are tracked by the caller's {@link InFlight}, so cancelling it stops
 * every further request; an ImportTask or DeleteTask already sent is waited for.
 */
final class DefinitionCalls {

    /** How long an export may take to arrive: it carries every table of the task. */
    private static final Duration EXPORT_READ = Duration.ofSeconds(60);

    /** How much longer than its own timeout a TestEndpoint answer may take to arrive. */
    private static final Duration TEST_SLACK = Duration.ofSeconds(15);

    private final Connection connection;
    private final ScheduledExecutorService scheduler;
    private final PollSchedule schedule;
    private final DeployJournal journal;
    private final TaskRef task;

    DefinitionCalls(Connection connection, ScheduledExecutorService scheduler, PollSchedule schedule, DeployJournal journal,
                    TaskRef task) {
        this.connection = connection;
        this.scheduler = scheduler;
        this.schedule = schedule;
        this.journal = journal;
        this.task = task;
    }

    TaskRef task() {
        return task;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    PollSchedule schedule() {
        return schedule;
    }

    ResponseReader reader() {
        return connection.api().reader();
    }

    /** ExportTask; empty when AEM says the task does not exist. */
    CompletableFuture<Optional<TaskDefinition>> export(boolean withEndpoints, Deadline deadline, InFlight flight) {
        return absentIfNotFound(read("ExportTask", () -> connection.api().exportTask(task, withEndpoints,
                DeployClock.within(deadline, EXPORT_READ), journal.inner(), deadline), deadline, flight)
                .thenApply(json -> {
                    try {
                        return TaskDefinition.of(json);
                    } catch (AemException notATask) {
                        throw reader().notAem("ExportTask", "JSON that is not one task's definition ("
                                + notATask.getMessage() + ")", false);
                    }
                }));
    }

    /** GetTaskDetails; empty when AEM says the task does not exist. */
    CompletableFuture<Optional<TaskStatus>> status(Deadline deadline, InFlight flight) {
        return absentIfNotFound(read("GetTaskDetails", () -> connection.api().taskStatus(task,
                DeployClock.within(deadline, Timeouts.STATUS_READ), journal.inner(), deadline), deadline, flight));
    }

    /** GetEndpointList of the task's server, shared with the connection's callers reading it at the same moment. */
    CompletableFuture<List<String>> endpoints(Deadline deadline, InFlight flight) {
        return read("GetEndpointList", () -> connection.endpointNames(task.server(),
                DeployClock.within(deadline, EXPORT_READ), journal.inner(), deadline), deadline, flight);
    }

    /** GetServerDetails of the task's server, shared with the connection's callers reading it at the same moment. */
    CompletableFuture<ServerDetails> serverDetails(Deadline deadline, InFlight flight) {
        return read("GetServerDetails", () -> connection.serverDetails(task.server(),
                DeployClock.within(deadline, Timeouts.STATUS_READ), deadline), deadline, flight);
    }

    /**
     * GetTaskList of the task's server: every task with its state, read whole. A server with hundreds of tasks in error
     * with long messages answers megabytes, so the bound is a definition's, not a shared status read's.
     */
    CompletableFuture<List<TaskStatus>> tasks(Deadline deadline, InFlight flight) {
        return read("GetTaskList", () -> connection.api().taskList(task.server(), DeployClock.within(deadline, EXPORT_READ),
                journal.inner(), CappedBodyConsumer.MAX_DEFINITION), deadline, flight)
                .thenApply(answer -> TaskDetailsParser.list(answer.body(), task.server(), reader()));
    }

    /** GetServerList, shared by the connection's callers. */
    CompletableFuture<List<ServerInfo>> servers(Deadline deadline, InFlight flight) {
        return read("GetServerList", () -> connection.servers(DeployClock.within(deadline, Timeouts.STATUS_READ),
                journal.inner(), deadline), deadline, flight);
    }

    /**
     * ImportTask, sent once. Once sent it is not aborted by a cancel, only by its own timeout: AEM carries out an import
     * it has received even when the caller goes away, so an aborted one could land after a restore and undo it. A cancel
     * takes effect at the next step, when the import's outcome is known.
     */
    CompletableFuture<Void> importTask(String body, String what, Deadline deadline, InFlight flight) {
        if (flight.cancelled()) {
            return CompletableFuture.failedFuture(cancelled());
        }
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        return connection.api().importTask(task, body, DeployClock.within(deadline, deadline.remaining()),
                journal.inner(), deadline, () -> journal.step("Sending ImportTask for " + task + " (" + what + ", " + bytes + " bytes)"))
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(reader().transport(e, "ImportTask")));
    }

    /** DeleteTask, sent once; like ImportTask, not aborted by a cancel once sent. */
    CompletableFuture<Void> deleteTask(Deadline deadline, InFlight flight) {
        if (flight.cancelled()) {
            return CompletableFuture.failedFuture(cancelled());
        }
        return connection.api().deleteTask(task, DeployClock.within(deadline, deadline.remaining()),
                journal.inner(), deadline, () -> journal.step("Sending DeleteTask for " + task + " (its logs are kept)"))
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(reader().transport(e, "DeleteTask")));
    }

    /**
     * TestEndpoint of an endpoint of the task's server, AEM waiting at most {@code seconds} for the connection. A
     * test changes nothing, so a lost answer is asked again, as any read.
     */
    CompletableFuture<EndpointApi.EndpointTest> testEndpoint(String endpoint, int seconds, Deadline deadline,
                                                             InFlight flight) {
        return read("TestEndpoint", () -> connection.endpoints().test(task.server(), endpoint, seconds,
                DeployClock.within(deadline, Duration.ofSeconds(seconds).plus(TEST_SLACK)), journal.inner(), deadline),
                deadline, flight);
    }

    /** Whether TestEndpoint was lately found unavailable on the task's server to this connection. */
    EndpointTestMemory endpointTests() {
        return connection.endpointTests(task.server());
    }

    /** PatchEndpoint of an endpoint of the task's server, sent once; like ImportTask, not aborted once sent. */
    CompletableFuture<Void> patchEndpoint(String endpoint, String body, Deadline deadline, InFlight flight) {
        if (flight.cancelled()) {
            return CompletableFuture.failedFuture(cancelled());
        }
        return connection.endpoints().patch(task.server(), endpoint, body, DeployClock.within(deadline, Timeouts.STATUS_READ),
                journal.inner(), deadline, () -> journal.step("Sending PatchEndpoint for endpoint '" + endpoint
                        + "' (its secret fields only)"))
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(reader().transport(e, "PatchEndpoint")));
    }

    /** GetTaskList of the task's server: every task's name and state. */
    CompletableFuture<List<TaskStatus>> taskList(Deadline deadline, InFlight flight) {
        return read("GetTaskList", () -> {
            CompletableFuture<AemApi.ListAnswer> list = connection.api().taskList(task.server(),
                    DeployClock.within(deadline, EXPORT_READ), journal.inner(), CappedBodyConsumer.MAX_BODY);
            return InFlight.derived(list, list.thenApply(answer -> {
                List<TaskStatus> tasks = new java.util.ArrayList<>();
                for (com.fasterxml.jackson.databind.JsonNode t : answer.body().path("taskList")) {
                    tasks.add(TaskDetailsParser.parse(t, new TaskRef(task.server(), t.path("name").asText()), reader()));
                }
                return tasks;
            }));
        }, deadline, flight);
    }

    /** The endpoints GetTaskDetails names for a task of the same server (its source and target). */
    CompletableFuture<List<String>> endpointsOf(TaskRef other, Deadline deadline, InFlight flight) {
        return read("GetTaskDetails", () -> connection.endpoints().taskEndpoints(other,
                DeployClock.within(deadline, Timeouts.STATUS_READ), journal.inner(), deadline), deadline, flight);
    }

    /** Waits {@code delay}, unless the call is cancelled first. */
    CompletableFuture<Void> pause(Duration delay, InFlight flight) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        var timer = scheduler.schedule(() -> done.complete(null), Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
        done.whenComplete((r, e) -> timer.cancel(false));
        return flight.track(done);
    }

    private <T> CompletableFuture<Optional<T>> absentIfNotFound(CompletableFuture<T> read) {
        return read.handle((value, e) -> {
            if (e == null) {
                return Optional.of(value);
            }
            AemException error = reader().transport(e, "");
            if (AemErrorCode.AEM_TASK_NOT_FOUND.name().equals(error.errorCode())) {
                return Optional.<T>empty();
            }
            throw error;
        });
    }

    private <T> CompletableFuture<T> read(String call, Supplier<CompletableFuture<T>> request, Deadline deadline, InFlight flight) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(call, request, deadline, flight, 0, result);
        return result;
    }

    private <T> void attempt(String call, Supplier<CompletableFuture<T>> request, Deadline deadline, InFlight flight, int tries,
                             CompletableFuture<T> result) {
        if (flight.cancelled()) {
            result.completeExceptionally(cancelled());
            return;
        }
        flight.track(request.get()).whenComplete((value, e) -> {
            if (e == null) {
                result.complete(value);
                return;
            }
            AemException error = reader().transport(e, call);
            if (!error.retryable() || flight.cancelled()) {
                result.completeExceptionally(error);
            } else if (deadline.expired()) {
                result.completeExceptionally(AemException.of(FailureKind.TIMED_OUT, "Timed out after "
                        + deadline.elapsed().toSeconds() + " s: " + call + " kept failing (" + error.getMessage() + ").")
                        .cause(error.getCause()).build());
            } else {
                Duration delay = schedule.interval(tries + 1);
                journal.retry(call + " failed (" + error.getMessage() + "); trying again in " + delay.toMillis() + " ms.");
                scheduler.schedule(() -> attempt(call, request, deadline, flight, tries + 1, result),
                        Math.max(1, Math.min(delay.toMillis(), deadline.remaining().toMillis())), TimeUnit.MILLISECONDS);
            }
        });
    }

    static AemException cancelled() {
        return AemException.of(FailureKind.CANCELLED, "The deploy was cancelled.").build();
    }
}
