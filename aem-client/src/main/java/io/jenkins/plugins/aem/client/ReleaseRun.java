package io.jenkins.plugins.aem.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every part of one release shares: the request, the folder, the progress, the connection's pieces to make a
 * task's calls and deploy, and the reads in flight, which a cancel stops all at once.
 */
final class ReleaseRun {

    private final Connection connection;
    private final ScheduledExecutorService scheduler;
    private final PollSchedule schedule;
    private final AemClient client;
    private final DeployTasksRequest request;
    private final FolderCalls folder;
    private final ReleaseProgress progress;
    private final HostLimiter limiter;
    private final Set<InFlight> flights = ConcurrentHashMap.newKeySet();
    private volatile ReleaseFiles files;
    private volatile boolean cancelled;

    ReleaseRun(Connection connection, ScheduledExecutorService scheduler, PollSchedule schedule, AemClient client,
               DeployTasksRequest request, FolderCalls folder, ReleaseProgress progress) {
        this.connection = connection;
        this.scheduler = scheduler;
        this.schedule = schedule;
        this.client = client;
        this.request = request;
        this.folder = folder;
        this.progress = progress;
        this.limiter = new HostLimiter(request.parallel());
    }

    DeployTasksRequest request() {
        return request;
    }

    FolderCalls folder() {
        return folder;
    }

    ReleaseProgress progress() {
        return progress;
    }

    /** At most {@link DeployTasksRequest#parallel()} tasks planned or deployed at once; the others wait, holding no thread. */
    HostLimiter limiter() {
        return limiter;
    }

    ReleaseFiles files() {
        return files;
    }

    void files(ReleaseFiles read) {
        files = read;
    }

    ResponseReader reader() {
        return connection.api().reader();
    }

    /** The calls of one task of the release. */
    DefinitionCalls calls(TaskRef task, DeployJournal journal) {
        return new DefinitionCalls(connection, scheduler, schedule, journal, task);
    }

    /** The reads of the release's server itself: no task's (the stand-in task is never sent). */
    DefinitionCalls serverCalls() {
        return calls(new TaskRef(request.server(), "*"), progress.journal());
    }

    /**
     * One task's deploy, as {@link AemClient#deploy} runs it, with what the release knows, from {@code start} (a fresh
     * deploy's first checkpoint, or the last one of a deploy to take up), its checkpoints going to the release's sink.
     */
    DeployExecution execution(DeployRequest task, ReleaseSlot slot, DeployCheckpoint start) {
        DeployRequest told = request.checkpoints() == null ? task
                : task.withCheckpoints(request.checkpoints().apply(task.task()));
        return new DeployExecution(told, connection, scheduler, schedule, progress.forTask(task.task().task()), client,
                slot, start);
    }

    /** A new track of reads, stopped with every other by {@link #cancelReads()}. */
    InFlight flight() {
        InFlight flight = new InFlight();
        flights.add(flight);
        if (cancelled) {
            flight.cancel();
        }
        return flight;
    }

    /** Stops every read of the release in flight, and every later one. */
    void cancelReads() {
        cancelled = true;
        flights.forEach(InFlight::cancel);
    }
}
