package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Stops and runs the task for a deploy with the client's own run and stop, which wait until the task is there. A task
 * already where it should be is fine.
 *
 * <p>A cancel keeps a stop or run from being sent, but does not abort one already sent: AEM carries out a command it
 * has received even when the caller goes away, so an aborted one could land after a restore and undo it. The command's
 * own deadline bounds the wait.
 */
final class TaskControl {

    private final AemClient client;
    private final TaskRef task;
    private final DeployJournal journal;
    private final InFlight flight;
    private final ResponseReader reader;

    TaskControl(AemClient client, TaskRef task, DeployJournal journal, InFlight flight, ResponseReader reader) {
        this.reader = reader;
        this.client = client;
        this.task = task;
        this.journal = journal;
        this.flight = flight;
    }

    /** {@code true} for a state a definition may be imported under: STOPPED, or ERROR (stopped on an error). */
    static boolean stopped(TaskStatus status) {
        return status.state() == TaskState.STOPPED || status.state() == TaskState.ERROR;
    }

    CompletableFuture<Void> stop(Deadline deadline) {
        return within(deadline, "stop").thenCompose(timeout -> client.stop(new StopRequest(task, timeout), journal.inner()))
                .handle((outcome, e) -> already(e, AemErrorCode.AEM_TASK_ALREADY_STOPPED, "StopTask"));
    }

    CompletableFuture<Void> run(RunOption option, String cdcPosition, Deadline deadline) {
        return within(deadline, "run").thenCompose(timeout -> client.run(new RunRequest(task, option, cdcPosition, false,
                        timeout), journal.inner()))
                .handle((outcome, e) -> already(e, AemErrorCode.AEM_TASK_ALREADY_RUNNING, "RunTask"));
    }

    private CompletableFuture<Duration> within(Deadline deadline, String what) {
        if (flight.cancelled()) {
            return CompletableFuture.failedFuture(DefinitionCalls.cancelled());
        }
        Duration left = deadline.remaining();
        if (left.compareTo(Duration.ofSeconds(1)) < 0) {
            return CompletableFuture.failedFuture(AemException.of(FailureKind.TIMED_OUT, "No time was left to "
                    + what + " " + task + ".").build());
        }
        return CompletableFuture.completedFuture(left);
    }

    private Void already(Throwable e, AemErrorCode fine, String call) {
        if (e == null) {
            return null;
        }
        AemException error = reader.transport(e, call);
        if (fine.name().equals(error.errorCode())) {
            return null;
        }
        throw error;
    }
}
