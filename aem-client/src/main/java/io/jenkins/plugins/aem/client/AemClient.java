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
}
