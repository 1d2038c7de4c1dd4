package io.jenkins.plugins.aem.steps;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.FailureKind;
import io.jenkins.plugins.aem.client.ProgressEvent;
import io.jenkins.plugins.aem.client.TaskOutcome;
import io.jenkins.plugins.aem.impl.ClientPoolHolder;
import io.jenkins.plugins.aem.impl.ConsoleProgress;
import io.jenkins.plugins.aem.impl.FailureReporter;
import io.jenkins.plugins.aem.impl.OutcomeMap;
import io.jenkins.plugins.aem.impl.TaskInvocation;
import io.jenkins.plugins.aem.impl.TaskLauncher;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Runs either step without holding a thread: the client's asynchronous operation completes the step from its callback.
 * The deadline and the moment the command was sent are kept with the program, so after a controller restart the step
 * waits again for the same deadline, sending nothing twice.
 */
final class AemTaskExecution extends StepExecution {

    private static final long serialVersionUID = 1L;

    private final TaskInvocation invocation;
    private volatile long startedAtMillis;
    private volatile long deadlineMillis;
    private volatile long commandSentAtMillis;

    private transient volatile CompletableFuture<TaskOutcome> pending;
    private transient volatile boolean aborted;

    AemTaskExecution(StepContext context, TaskInvocation invocation) {
        super(context);
        this.invocation = invocation;
    }

    @Override
    public boolean start() throws Exception {
        TaskListener listener = getContext().get(TaskListener.class);
        startedAtMillis = System.currentTimeMillis();
        TaskLauncher.Launched launched = TaskLauncher.launch(invocation, getContext().get(Run.class), listener, this::recordSent);
        deadlineMillis = launched.deadline().toEpochMilli();
        follow(launched.outcome(), listener);
        return false;
    }

    private void recordSent(ProgressEvent event) {
        if (event.kind() == ProgressEvent.Kind.COMMAND_SENT) {
            commandSentAtMillis = System.currentTimeMillis();
            getContext().saveState(); // so that a restart from here on only waits and never sends the command again
        }
    }

    private void follow(CompletableFuture<TaskOutcome> outcome, TaskListener listener) {
        pending = outcome;
        outcome.whenComplete((result, failure) -> {
            if (aborted) {
                return; // stop() ends the step
            }
            if (failure == null) {
                TaskLauncher.reportSuccess(listener, result);
                getContext().onSuccess(OutcomeMap.of(result));
                return;
            }
            AemException error = FailureReporter.unwrap(failure);
            if (error.kind() == FailureKind.CANCELLED && ClientPoolHolder.get().isShuttingDown()) {
                return; // Jenkins is stopping; onResume() picks the wait up again
            }
            getContext().onFailure(new AbortException(FailureReporter.describe(error)));
        });
    }

    /** The build was aborted: end the wait at once, and stop the task only when the step asked for it. */
    @Override
    public void stop(Throwable cause) throws Exception {
        aborted = true;
        CompletableFuture<TaskOutcome> outcome = pending;
        if (outcome != null) {
            outcome.cancel(true);
        }
        TaskListener listener = getContext().get(TaskListener.class);
        boolean sent = commandSentAtMillis != 0;
        boolean stopTask = invocation.stopTaskOnAbort() && sent;
        TaskLauncher.reportAborted(listener, invocation.taskRef(), sent, stopTask);
        if (!stopTask) {
            getContext().onFailure(cause);
            return;
        }
        TaskLauncher.stopAfterAbort(invocation, getContext().get(Run.class), listener).whenComplete((stopped, failure) -> {
            if (failure != null) {
                listener.getLogger().println(FailureReporter.describe(FailureReporter.unwrap(failure)));
            } else {
                TaskLauncher.reportSuccess(listener, stopped);
            }
            getContext().onFailure(cause);
        });
    }

    @Override
    public void onResume() {
        try {
            TaskListener listener = getContext().get(TaskListener.class);
            if (deadlineMillis == 0) {
                throw new AbortException("AEM: Jenkins restarted before the " + invocation.action().name()
                        + " of " + invocation.taskRef() + " was sent; nothing was sent to AEM. Run the step again.");
            }
            long sentAt = commandSentAtMillis;
            if (sentAt == 0) {
                // Assume it went out at the start, so the wait allows AEM its full status lag; say that it is unknown.
                sentAt = startedAtMillis;
                commandSentAtMillis = sentAt; // from here on it is treated as sent, also by stopTaskOnAbort
                listener.getLogger().println(ConsoleProgress.PREFIX + "Jenkins restarted before it recorded whether the "
                        + invocation.action().name() + " command reached AEM; waiting for the state anyway. If the task "
                        + "never gets there, the step fails at its deadline with the last state seen.");
            }
            follow(TaskLauncher.resume(invocation, getContext().get(Run.class), listener,
                    Instant.ofEpochMilli(deadlineMillis), Instant.ofEpochMilli(sentAt)), listener);
        } catch (Exception e) {
            getContext().onFailure(e);
        }
    }

    @Override
    public String getStatus() {
        String what = invocation.action() == TaskInvocation.Action.RUN ? "run" : "stop";
        return "waiting for the " + what + " of " + invocation.taskRef() + " until " + Instant.ofEpochMilli(deadlineMillis);
    }
}
