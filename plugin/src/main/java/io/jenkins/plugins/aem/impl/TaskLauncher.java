package io.jenkins.plugins.aem.impl;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.ProgressEvent;
import io.jenkins.plugins.aem.client.ProgressListener;
import io.jenkins.plugins.aem.client.RunRequest;
import io.jenkins.plugins.aem.client.StopRequest;
import io.jenkins.plugins.aem.client.TaskOutcome;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.client.WaitRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The one code path of both pipeline and freestyle steps: check the input, resolve the connection, say in the console
 * what is done, and start the client's operation. Nothing here waits; the caller decides how to.
 */
public final class TaskLauncher {

    private TaskLauncher() {
    }

    /**
     * A started operation.
     *
     * @param outcome  completes when the task reached the state asked for, or with the {@link AemException} that ended it
     * @param task     the task
     * @param deadline when the operation ends at the latest, kept by a pipeline step across a restart
     * @param sent     set once the run or stop has left for AEM; until then, cancelling means nothing was sent
     */
    public record Launched(CompletableFuture<TaskOutcome> outcome, TaskRef task, Instant deadline, BooleanSupplier sent) {

        /** Whether the run or stop has left for AEM. */
        public boolean commandSent() {
            return sent.getAsBoolean();
        }
    }

    /**
     * Checks everything, then sends the run or stop.
     *
     * @param also told of every progress event after it is printed
     * @throws AbortException for invalid input or an unusable connection; nothing was sent to AEM
     */
    public static Launched launch(TaskInvocation invocation, Run<?, ?> run, TaskListener listener, ProgressListener also)
            throws AbortException {
        try {
            TaskRef task = invocation.taskRef();
            ResolvedConnection connection = ConnectionResolver.forBuild(invocation, run);
            Duration timeout = invocation.timeout(connection.defaultTimeout());
            AtomicBoolean sent = new AtomicBoolean();
            ConsoleProgress console = new ConsoleProgress(listener.getLogger(), event -> {
                if (event.kind() == ProgressEvent.Kind.COMMAND_SENT) {
                    sent.set(true);
                }
                also.onProgress(event);
            });
            AemClient client = ClientPoolHolder.get().client(connection.settings());
            Instant deadline = Instant.now().plus(timeout);
            CompletableFuture<TaskOutcome> outcome;
            if (invocation.action() == TaskInvocation.Action.RUN) {
                RunRequest request = invocation.runRequest(timeout);
                console.say("Using " + connection.label());
                console.say(invocation.describe(request));
                outcome = client.run(request, console);
            } else {
                StopRequest request = invocation.stopRequest(timeout);
                console.say("Using " + connection.label());
                console.say(invocation.describe(request));
                outcome = client.stop(request, console);
            }
            return new Launched(outcome, task, deadline, sent::get);
        } catch (AemException e) {
            throw FailureReporter.toAbort(e);
        }
    }

    /**
     * Waits again, after a controller restart, for a run or stop sent before it. Only status reads go to AEM.
     *
     * @throws AbortException when the connection can no longer be used (for example its credentials were removed)
     */
    public static CompletableFuture<TaskOutcome> resume(TaskInvocation invocation, Run<?, ?> run, TaskListener listener,
                                                        Instant deadline, Instant commandSentAt) throws AbortException {
        try {
            ResolvedConnection connection = ConnectionResolver.forBuild(invocation, run);
            ConsoleProgress console = new ConsoleProgress(listener.getLogger(), ProgressListener.NONE);
            console.say("Jenkins restarted: waiting again for " + invocation.taskRef() + " to be " + invocation.goal()
                    + " until " + deadline + ", using " + connection.label() + "; nothing is sent to AEM again.");
            WaitRequest request = new WaitRequest(invocation.taskRef(), invocation.goal(), deadline, commandSentAt);
            return ClientPoolHolder.get().client(connection.settings()).await(request, console);
        } catch (AemException e) {
            throw FailureReporter.toAbort(e);
        }
    }

    /** Sends a stop for a run whose build was aborted, when the step asked for it with {@code stopTaskOnAbort}. */
    public static CompletableFuture<TaskOutcome> stopAfterAbort(TaskInvocation invocation, Run<?, ?> run,
                                                                TaskListener listener) {
        try {
            ResolvedConnection connection = ConnectionResolver.forBuild(invocation, run);
            ConsoleProgress console = new ConsoleProgress(listener.getLogger(), ProgressListener.NONE);
            StopRequest request = invocation.stopRequest(invocation.timeout(connection.defaultTimeout()));
            console.say("stopTaskOnAbort is set: " + invocation.describe(request));
            return ClientPoolHolder.get().client(connection.settings()).stop(request, console);
        } catch (AemException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Says in the console that the wait ended because the build was aborted, and what became of the task.
     *
     * @param sent     whether the run or stop had left for AEM
     * @param stopping whether a stop follows (stopTaskOnAbort)
     */
    public static void reportAborted(TaskListener listener, TaskRef task, boolean sent, boolean stopping) {
        String what;
        if (!sent) {
            what = "Nothing had been sent to AEM yet, so the task is as it was.";
        } else if (stopping) {
            what = "A stop is being sent because stopTaskOnAbort is set.";
        } else {
            what = "The task itself was left as AEM has it; check its state in AEM (the last state seen is above).";
        }
        listener.getLogger().println(ConsoleProgress.PREFIX + "The build was aborted: the wait for " + task + " was "
                + "cancelled. " + what);
    }

    /**
     * Adds to the console what the client's own "reached STATE in N s" line does not say: AEM's last message about the
     * task, when it has one.
     */
    public static void reportSuccess(TaskListener listener, TaskOutcome outcome) {
        if (!outcome.message().isBlank()) {
            listener.getLogger().println(ConsoleProgress.PREFIX + "AEM's message about " + outcome.task() + ": "
                    + outcome.message());
        }
    }
}
