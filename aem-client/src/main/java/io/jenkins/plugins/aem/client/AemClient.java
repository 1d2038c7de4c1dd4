package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.release.ReleaseFolder;
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

    /**
     * Waits until a task is healthy as the request's conditions say, without commanding it: it reads the task's details
     * (GetTaskDetails; Viewer on the task suffices) and, where several waits share a server, the server's task list
     * between those reads, as run and stop waits do (a list AEM refuses this account is remembered and done without).
     * It sends no command and never reads the server list. Waits on the same task share their reads.
     *
     * <p>The future completes with the read that met every condition. It completes exceptionally with an
     * {@link AemException} whose {@link AemException#lastStatus()} holds the last values read:
     * <ul>
     *   <li>{@link FailureKind#TASK_FAILED} at once when the task is in ERROR or has a fatal stop reason (with AEM's
     *       message for it), or when the conditions need the task running ({@link HealthConditions#needsRunning()})
     *       and a task seen RUNNING or in RECOVERY during this wait is then seen STOPPED. A task that is STOPPED from
     *       the first read on is waited for, as someone else or AEM's scheduler may start it; the progress says so.
     *       A resumed wait knows nothing of the reads before the restart, so for it the first read is the first.</li>
     *   <li>{@link FailureKind#TIMED_OUT} when the deadline passes, naming the conditions that did not hold.</li>
     *   <li>{@link FailureKind#AEM_ERROR} at once when AEM refuses the read (for example, no such task); network
     *       failures and proxy error pages are read again within the deadline, and when no read ever succeeded the
     *       wait ends at the deadline with the last such failure ({@link FailureKind#UNREACHABLE}).</li>
     * </ul>
     * Cancelling the future ends the wait at once; nothing more is sent.
     *
     * <p>Reads follow {@link HealthSchedule}: where the latency's trend says it will be low enough, at most the
     * schedule's {@code max} apart (30 s by default). So a failure is seen at most {@link
     * HealthSchedule#worstDetectionDelay()} (33 s by default) after AEM shows it, plus the read's own time; where
     * waits share the server's task list, within {@link HealthSchedule#watchedDetectionDelay()} (11 s). The listener
     * hears at most one line per read, and only when a value changed; see {@link ProgressEvent.Kind}.
     */
    CompletableFuture<HealthOutcome> awaitHealth(HealthWaitRequest request, ProgressListener listener);

    /**
     * Reads a task's current status with every health value GetTaskDetails carries (full-load progress, CDC latency,
     * data errors); see {@link TaskStatus}. Sends nothing but GetTaskDetails.
     */
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
     * <p>After an import that created or changed an endpoint (or sent its secret), and before the task runs again,
     * each such endpoint is tested with TestEndpoint: one that does not connect fails the deploy with AEM's words, and
     * the task is restored ({@link DeployRequest#skipEndpointTest()} turns the test off). An AEM without TestEndpoint,
     * or one that refuses it to this account, is said once and the deploy goes on. Before each change, and once AEM
     * answered it, the request's {@link DeployCheckpoints} hears where the deploy is: {@link #resumeDeploy} takes it up
     * from there after a restart.
     *
     * <p>Cancelling the future stops the steps forward. Before the task was changed it is cancelled at once; after, the
     * task is restored first (an ImportTask or DeleteTask already sent is waited for, since AEM carries it out anyway),
     * and the future then fails with the restore's report ({@code DEPLOY_RESTORED} or {@code DEPLOY_NOT_RESTORED}), so
     * an aborted deploy never leaves a task stopped or deleted.
     */
    CompletableFuture<DeployOutcome> deploy(DeployRequest request, ProgressListener listener);

    /**
     * Exports a Replicate server's tasks (or those the request names) into a release folder, one file per task in the
     * form {@link #exportTask} gives, named by {@link io.jenkins.plugins.aem.client.release.FileNames}; with endpoints,
     * each endpoint once in a file of its own. Where a file is there already, its <code>${NAME}</code> placeholders stay
     * wherever the request's values give the server's value, so an unchanged server changes no byte of the folder; a
     * differing value is written and named in a warning. The server is read once; one ExportTask per task follows, at
     * most {@link ExportTasksRequest#parallel()} at once, each file written as its export arrives. Files of tasks the
     * server no longer has are listed, and deleted only with {@link ExportTasksRequest#prune()}.
     *
     * <p>The future completes with every task's end, also when some failed ({@link ExportTasksOutcome#exitCode()}); it
     * fails with an {@link AemException} when the export could not start (the server unknown or a Compose server, a
     * task name that matches nothing, the folder unreadable). Cancelling it stops every further request; files
     * already written stay.
     *
     * @param folderCalls where the folder's calls run, one at a time: never the client's threads, as a workspace on an
     *                    agent blocks (the plugin passes Jenkins' remoting pool, the {@code aem} command a thread of its own)
     */
    CompletableFuture<ExportTasksOutcome> exportTasks(ExportTasksRequest request, ReleaseFolder folder,
                                                      java.util.concurrent.Executor folderCalls, ProgressListener listener);

    /**
     * Releases a folder's tasks to a Replicate server as one unit. First, before anything is sent, the folder is read
     * and checked whole: every placeholder must have a value and every endpoint one definition, or the release is
     * refused naming the files. Then the server is read once, and every task planned as {@link #deploy} plans it (its
     * backup read, its plan lines, its refusals), at most {@link DeployTasksRequest#parallel()} at once, and the one plan
     * is printed: each task created, changed (with its plan lines), unchanged or refused (and why), and the server's
     * tasks the folder does not hold, which are never touched. Any refusal stops the release before anything changes,
     * unless {@link DeployTasksRequest#skipRefused()}; a dry run stops after the plan.
     *
     * <p>Then only the changed tasks are deployed, each exactly as {@link #deploy} does it (backup, stop, import, check,
     * run), at most {@code parallel} at once. An endpoint several tasks use goes with one of them (the first by name),
     * so it is created or changed once, and a task that needs an endpoint the release creates follows the task that
     * creates it. Each deploy checks that its plan is still the one printed, and is refused otherwise. When the release
     * is {@link DeployTasksRequest#atomic()} and a task fails, the deploys under way are cancelled (each puts its task
     * back) and every task already deployed is put back from its backup with the single deploy's restore; without it,
     * each task stands alone.
     *
     * <p>The future completes with every task's end ({@link DeployTasksOutcome#exitCode()}: 0, the worst failure, or
     * {@link DeployTasksOutcome#DRIFT_EXIT_CODE} for a dry run that found a difference); it fails with an
     * {@link AemException} when the release could not be planned (the folder refused, AEM out of reach, a Compose
     * server). Cancelling it before any deploy started ends it at once; after, the deploys under way put their tasks back
     * (and, when atomic, every deployed task too), and then it completes with the outcome, marked cancelled.
     *
     * @param folderCalls where the folder's calls run, one at a time (see {@link #exportTasks})
     */
    CompletableFuture<DeployTasksOutcome> deployTasks(DeployTasksRequest request, ReleaseFolder folder,
                                                      java.util.concurrent.Executor folderCalls, ProgressListener listener);

    /**
     * Takes up a release that could not finish because the process running it stopped (a restart, a {@code kill -9}):
     * {@code request} and {@code folder} as the release had them (secrets given again; its checkpoint sink hears the
     * resumed deploys), and {@code resume} what each task it had reached left behind: its backup and its last
     * checkpoint ({@link DeployTasksRequest#checkpoints()}). It reads the folder and the server, plans every task
     * afresh, then:
     * <ul>
     *   <li>a task whose deploy had ended needs nothing more (one that could not be put back is put back now);</li>
     *   <li>every other task it had reached is taken up as {@link #resumeDeploy} takes up a single deploy: finished
     *       when safe, or put back; its import is <b>never sent twice</b>;</li>
     *   <li>the tasks it had not reached are deployed as {@link #deployTasks} deploys them (unless refusals hold them,
     *       as there);</li>
     *   <li>when the release is atomic and a task failed, before the interruption or now, nothing more starts and every
     *       task the release changed is put back, those deployed before the interruption from their backups, the last
     *       deployed first.</li>
     * </ul>
     * The outcome says, for each task it took up, what it finished or put back ({@link ReleasedTask#resumed()}).
     *
     * @param folderCalls where the folder's calls run, one at a time (see {@link #exportTasks})
     */
    CompletableFuture<DeployTasksOutcome> resumeDeployTasks(DeployTasksRequest request, ReleaseResume resume,
                                                            ReleaseFolder folder, java.util.concurrent.Executor folderCalls,
                                                            ProgressListener listener);

    /**
     * Rotates the secrets of a task's endpoints: exports the task's own definition and deploys it with
     * {@link DeployRequest#updateSecrets()}, so a rotation is a deploy in every way (plan, backup, checkpoints, restore).
     * Each endpoint of the task whose secret is given gets it through PatchEndpoint, on its secret fields alone (an
     * import would send the whole task again), and is then tested with TestEndpoint; one that does not connect puts
     * every old secret back, by importing the backup (it carries their ciphertext, valid on this server), and the
     * future fails with {@link FailureKind#DEPLOY_RESTORED} (or {@code DEPLOY_NOT_RESTORED}). The plan names the other
     * tasks that use a rotated endpoint: they keep the old secret until they run again; with
     * {@link RotateRequest#stopIfRunning()} the running ones are restarted. A running task is refused without it.
     * Needs Designer on All Endpoints (PatchEndpoint) besides what a deploy needs.
     */
    CompletableFuture<DeployOutcome> rotateSecrets(RotateRequest request, ProgressListener listener);

    /**
     * Takes up a deploy that could not finish because the process running it stopped (a restart, a {@code kill -9}):
     * {@code request} is the same request (secrets given again; its checkpoint sink hears the resumed deploy), and
     * {@code resume} holds the backup and the last checkpoint the interrupted deploy handed out. It reads the task (and
     * exports it), then finishes what is safe to finish, or restores, and says which in its events and in
     * {@link DeployOutcome#resumed()} (or in the failure). The rules:
     * <ul>
     *   <li>nothing was sent (or AEM refused all that was): the deploy runs again from the start;</li>
     *   <li>an import was sent, whether or not its answer came: it is <b>never sent again</b>. If the task shows it
     *       (read back for a while, as an import may show late), the deploy goes on: its check, the endpoint test, and
     *       the run of the task if it was running before. If the task shows the old definition, or anything else, it
     *       is restored from the backup ({@link FailureKind#DEPLOY_RESTORED});</li>
     *   <li>changes were sent but no import (a stop, a delete to import afresh, a patch of secrets): the deploy goes on
     *       from where the task is, and runs it again if it was running before;</li>
     *   <li>the deploy was restoring: the restore goes on, reading the task first. A backup import it had sent is
     *       waited for; only when the task does not show it is the backup imported again (the restore's own import:
     *       twice is as once).</li>
     * </ul>
     */
    CompletableFuture<DeployOutcome> resumeDeploy(DeployRequest request, DeployResume resume, ProgressListener listener);
}
