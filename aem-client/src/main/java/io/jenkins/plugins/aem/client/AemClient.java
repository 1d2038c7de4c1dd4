package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Talks to one AEM as one user. Obtain it from {@link AemClientPool#client(ConnectionSettings)}; it is cheap, shares
 * its session and threads with every other client of the pool, and needs no closing.
 *
 * <p>Every method returns at once. No thread is held while a task is waited on. A returned future completes
 * exceptionally with an {@link AemException} on any failure; cancelling it stops every further request of that
 * operation at once (a command already sent is not undone: the task is left as AEM has it).
 */
public interface AemClient {

    /** The settings this client was made for. */
    ConnectionSettings settings();

    /**
     * Runs a task and waits until it is running, or until its load completed when the request says so. The deadline is
     * the request's timeout and covers login, the server lookup, the command and every poll.
     */
    CompletableFuture<TaskOutcome> run(RunRequest request, ProgressListener listener);

    /** Stops a task and waits until it is stopped, within the request's timeout. */
    CompletableFuture<TaskOutcome> stop(StopRequest request, ProgressListener listener);

    /** Waits again for a command sent earlier, without sending it again; see {@link WaitRequest}. */
    CompletableFuture<TaskOutcome> await(WaitRequest request, ProgressListener listener);

    /** Reads a task's current status. */
    CompletableFuture<TaskStatus> taskStatus(TaskRef task, Duration timeout);

    /** Lists the servers AEM manages; also the cheapest way to test a connection and login. */
    CompletableFuture<List<ServerInfo>> servers(Duration timeout);

    /** Reads one server's details: kind, state, license and a summary of its tasks. */
    CompletableFuture<ServerDetails> serverDetails(String server, Duration timeout);

    /** Lists a server's tasks with their states; Compose tasks are named {@code task__project}. */
    CompletableFuture<List<TaskStatus>> tasks(String server, Duration timeout);

    /**
     * Exports a Replicate task's definition in the form kept under version control: keys sorted, volatile fields
     * dropped, every secret a placeholder <code>${secret:ENDPOINT/FIELD}</code>. Two exports of an unchanged task
     * give the same text. Needs Operator on the task and on All Endpoints. Compose servers are refused: AEM exports
     * no Compose definitions.
     */
    CompletableFuture<ExportedDefinition> exportTask(ExportRequest request, ProgressListener listener);

    /**
     * Makes a Replicate task match a definition file: reads the target, backs the task up (handing the backup to the
     * request's sink before anything changes), plans, and, unless it is a dry run or nothing changes, stops the task
     * if allowed, imports, reads the task back until it matches, and runs it again if it was running.
     *
     * <p>The future fails with an {@link AemException}: {@link FailureKind#INVALID_INPUT} or
     * {@link FailureKind#DEPLOY_REFUSED} (and the kinds of run and stop) when nothing was changed;
     * {@link FailureKind#DEPLOY_RESTORED} when a step after a change failed and the task was restored to what it was;
     * {@link FailureKind#DEPLOY_NOT_RESTORED} when the restore failed too (the message says what state the task is in
     * and where the backup is). Needs Designer on All Tasks, and on All Endpoints when the file carries endpoints: give
     * the deploy its own {@link ConnectionSettings} if run and stop use a less privileged account. Secrets never show
     * in an event, a message or the outcome.
     *
     * <p>Cancelling the future stops the steps forward. Before the task was changed it is cancelled at once; after, the
     * task is restored first (an ImportTask or DeleteTask already sent is waited for, since AEM carries it out anyway),
     * and the future then fails with the restore's report ({@code DEPLOY_RESTORED} or {@code DEPLOY_NOT_RESTORED}), so
     * an aborted deploy never leaves a task stopped or deleted.
     */
    CompletableFuture<DeployOutcome> deploy(DeployRequest request, ProgressListener listener);
}
