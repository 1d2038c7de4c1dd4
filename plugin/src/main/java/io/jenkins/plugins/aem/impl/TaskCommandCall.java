package io.jenkins.plugins.aem.impl;

import hudson.AbortException;
import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.ProgressEvent;
import io.jenkins.plugins.aem.client.ProgressListener;
import io.jenkins.plugins.aem.client.RunRequest;
import io.jenkins.plugins.aem.client.StopRequest;
import io.jenkins.plugins.aem.client.TaskOutcome;
import io.jenkins.plugins.aem.client.WaitRequest;
import io.jenkins.plugins.aem.report.CommandRecord;
import io.jenkins.plugins.aem.report.StepRecord;
import io.jenkins.plugins.aem.report.StepRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A run or a stop: sends the command and waits for the state. It records the deadline and the moment the command left
 * for AEM, so that after a controller restart it waits again for the same deadline and never sends the command twice,
 * and so that an abort can say whether anything reached AEM.
 */
public final class TaskCommandCall extends StepCall<TaskOutcome> {

    private static final long serialVersionUID = 1L;

    private final TaskInvocation invocation;
    private volatile long startedAtMillis;
    private volatile long deadlineMillis;
    private volatile long commandSentAtMillis;

    public TaskCommandCall(TaskInvocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public CompletableFuture<TaskOutcome> start(StepEnvironment env) throws AbortException {
        startedAtMillis = System.currentTimeMillis();
        try {
            ResolvedConnection connection = ConnectionResolver.forBuild(invocation.target(), env.run(), ConnectionResolver.Purpose.OPERATE);
            Duration timeout = invocation.timeout(connection.defaultTimeout());
            ConsoleProgress console = new ConsoleProgress(env.listener().getLogger(),
                    recorder().and(event -> recordSent(event, env)));
            recorder().connection(connection.label());
            AemClient client = ClientPoolHolder.get().client(connection.settings());
            CompletableFuture<TaskOutcome> outcome;
            if (invocation.action() == TaskInvocation.Action.RUN) {
                RunRequest request = invocation.runRequest(timeout);
                console.say("Using " + connection.label());
                console.say(invocation.describe(request));
                deadlineMillis = Instant.now().plus(timeout).toEpochMilli();
                outcome = client.run(request, console);
            } else {
                StopRequest request = invocation.stopRequest(timeout);
                console.say("Using " + connection.label());
                console.say(invocation.describe(request));
                deadlineMillis = Instant.now().plus(timeout).toEpochMilli();
                outcome = client.stop(request, console);
            }
            return outcome;
        } catch (AemException e) {
            throw FailureReporter.toAbort(e);
        }
    }

    private void recordSent(ProgressEvent event, StepEnvironment env) {
        if (event.kind() == ProgressEvent.Kind.COMMAND_SENT) {
            commandSentAtMillis = System.currentTimeMillis();
            env.saveState().run(); // so that a restart from here on only waits and never sends the command again
        }
    }

    @Override
    public Object pipelineResult(TaskOutcome result) {
        return OutcomeMap.of(result);
    }

    /** Adds what the client's own "reached STATE in N s" line does not say: AEM's last message about the task. */
    @Override
    public void reportSuccess(StepEnvironment env, TaskOutcome outcome) {
        if (!outcome.message().isBlank()) {
            env.listener().getLogger().println(ConsoleProgress.PREFIX + "AEM's message about " + outcome.task() + ": "
                    + outcome.message());
        }
    }

    /** Says what became of the task, and sends the stop that {@code stopTaskOnAbort} asks for. */
    @Override
    public CompletableFuture<?> aborted(StepEnvironment env) {
        boolean sent = commandSentAtMillis != 0;
        boolean stopping = invocation.stopTaskOnAbort() && sent;
        String what;
        if (!sent) {
            what = "Nothing had been sent to AEM yet, so the task is as it was.";
        } else if (stopping) {
            what = "A stop is being sent because stopTaskOnAbort is set.";
        } else {
            what = "The task itself was left as AEM has it; check its state in AEM (the last state seen is above).";
        }
        env.listener().getLogger().println(ConsoleProgress.PREFIX + "The build was aborted: the wait for "
                + invocation.taskRef() + " was cancelled. " + what);
        if (!stopping) {
            return null;
        }
        CompletableFuture<TaskOutcome> stop;
        try {
            ResolvedConnection connection = ConnectionResolver.forBuild(invocation.target(), env.run(), ConnectionResolver.Purpose.OPERATE);
            ConsoleProgress console = new ConsoleProgress(env.listener().getLogger(), ProgressListener.NONE);
            StopRequest request = invocation.stopRequest(invocation.timeout(connection.defaultTimeout()));
            console.say("stopTaskOnAbort is set: " + invocation.describe(request));
            stop = ClientPoolHolder.get().client(connection.settings()).stop(request, console);
        } catch (AemException e) {
            stop = CompletableFuture.failedFuture(e);
        }
        return stop.handle((stopped, failure) -> {
            if (failure != null) {
                env.listener().getLogger().println(FailureReporter.describe(FailureReporter.unwrap(failure)));
            } else {
                reportSuccess(env, stopped);
            }
            return null;
        });
    }

    @Override
    protected StepRecord newRecord() {
        TaskTarget t = invocation.target();
        return new CommandRecord(invocation.action() == TaskInvocation.Action.STOP, t.connectionText(), t.serverText(),
                t.taskText(), invocation.asked());
    }

    @Override
    protected void recordSuccess(StepRecorder recorder, TaskOutcome outcome) {
        recorder.update(CommandRecord.class, r -> r.reached(outcome));
    }

    /** Waits again for the command sent before the restart, to the same deadline; only status reads go to AEM. */
    @Override
    public CompletableFuture<TaskOutcome> resume(StepEnvironment env) throws AbortException {
        if (deadlineMillis == 0) {
            throw new AbortException("AEM: Jenkins restarted before the " + invocation.action().name()
                    + " of " + invocation.taskRef() + " was sent; nothing was sent to AEM. Run the step again.");
        }
        long sentAt = commandSentAtMillis;
        if (sentAt == 0) {
            // Assume it went out at the start, so the wait allows AEM its full status lag; say that it is unknown.
            sentAt = startedAtMillis;
            commandSentAtMillis = sentAt; // from here on it is treated as sent, also by stopTaskOnAbort
            env.listener().getLogger().println(ConsoleProgress.PREFIX + "Jenkins restarted before it recorded whether "
                    + "the " + invocation.action().name() + " command reached AEM; waiting for the state anyway. If the "
                    + "task never gets there, the step fails at its deadline with the last state seen.");
        }
        try {
            ResolvedConnection connection = ConnectionResolver.forBuild(invocation.target(), env.run(), ConnectionResolver.Purpose.OPERATE);
            ConsoleProgress console = new ConsoleProgress(env.listener().getLogger(), recorder());
            Instant deadline = Instant.ofEpochMilli(deadlineMillis);
            console.say("Jenkins restarted: waiting again for " + invocation.taskRef() + " to be " + invocation.goal()
                    + " until " + deadline + ", using " + connection.label() + "; nothing is sent to AEM again.");
            WaitRequest request = new WaitRequest(invocation.taskRef(), invocation.goal(), deadline,
                    Instant.ofEpochMilli(sentAt));
            return ClientPoolHolder.get().client(connection.settings()).await(request, console);
        } catch (AemException e) {
            throw FailureReporter.toAbort(e);
        }
    }

    @Override
    public String describe() {
        String what = invocation.action() == TaskInvocation.Action.RUN ? "run" : "stop";
        return "the " + what + " of " + invocation.taskRef()
                + (deadlineMillis == 0 ? "" : ", until " + Instant.ofEpochMilli(deadlineMillis));
    }
}
