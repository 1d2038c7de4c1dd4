package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.HealthConditions;
import io.jenkins.plugins.aem.client.HealthOutcome;
import io.jenkins.plugins.aem.client.HealthWaitRequest;
import io.jenkins.plugins.aem.client.ProgressListener;
import io.jenkins.plugins.aem.report.HealthRecord;
import io.jenkins.plugins.aem.report.StepRecord;
import io.jenkins.plugins.aem.report.StepRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;

/**
 * Waits until a task is healthy, without sending it any command. The start and deadline are kept with the step, so
 * after a controller restart it waits again for the same conditions until the same deadline.
 */
public final class HealthWaitCall extends StepCall<HealthOutcome> {

    private static final long serialVersionUID = 1L;

    private final TaskTarget target;
    private final String state;
    private final boolean fullLoadCompleted;
    private final Integer maxLatencySeconds;
    private final Integer latencyHeldForSeconds;
    private final boolean noTableErrors;
    private volatile long startedAtMillis;
    private volatile long deadlineMillis;

    /**
     * @param state                 RUNNING, STOPPED, or {@code null} for no state condition
     * @param maxLatencySeconds     the highest total CDC latency, or {@code null} for no latency condition
     * @param latencyHeldForSeconds how long the latency must stay that low, or {@code null} for once
     */
    public HealthWaitCall(TaskTarget target, @CheckForNull String state, boolean fullLoadCompleted,
                          @CheckForNull Integer maxLatencySeconds, @CheckForNull Integer latencyHeldForSeconds,
                          boolean noTableErrors) {
        this.target = target;
        this.state = TaskTarget.blankToNull(state);
        this.fullLoadCompleted = fullLoadCompleted;
        this.maxLatencySeconds = maxLatencySeconds;
        this.latencyHeldForSeconds = latencyHeldForSeconds;
        this.noTableErrors = noTableErrors;
    }

    /** The conditions, checked by the client's own rules. @throws AemException for conditions that cannot be waited for */
    public HealthConditions conditions() {
        return new HealthConditions(HealthConditions.state(state), fullLoadCompleted, seconds(maxLatencySeconds),
                seconds(latencyHeldForSeconds), noTableErrors);
    }

    @CheckForNull
    private static Duration seconds(@CheckForNull Integer value) {
        return value == null ? null : Duration.ofSeconds(value);
    }

    @Override
    public CompletableFuture<HealthOutcome> start(StepEnvironment env) throws AbortException {
        try {
            HealthConditions conditions = conditions();
            StepClient aem = StepClient.open(target, env, ConnectionResolver.Purpose.OPERATE, recorder(),
                    ProgressListener.NONE);
            HealthWaitRequest request = HealthWaitRequest.of(target.taskRef(), conditions, aem.timeout());
            startedAtMillis = request.startedAt().toEpochMilli();
            deadlineMillis = request.deadline().toEpochMilli();
            env.saveState().run();
            return aem.client().awaitHealth(request, aem.console());
        } catch (AemException e) {
            throw FailureReporter.toAbort(e);
        }
    }

    @Override
    public Object pipelineResult(HealthOutcome outcome) {
        return new LinkedHashMap<>(outcome.toMap());
    }

    @Override
    public CompletableFuture<?> aborted(StepEnvironment env) {
        env.listener().getLogger().println(ConsoleProgress.PREFIX + "The build was aborted: the wait for "
                + target.taskRef() + " to be healthy was cancelled. This wait sends no command, so the task is as AEM "
                + "has it.");
        return null;
    }

    /** The record of a wait whose conditions cannot be waited for still names the step; the step then fails. */
    @Override
    protected StepRecord newRecord() {
        try {
            return HealthRecord.of(target.connectionText(), target.serverText(), target.taskText(), conditions());
        } catch (AemException e) {
            return HealthRecord.unchecked(target.connectionText(), target.serverText(), target.taskText());
        }
    }

    @Override
    protected void recordSuccess(StepRecorder recorder, HealthOutcome outcome) {
        recorder.update(HealthRecord.class, r -> r.met(outcome));
    }

    /** Waits again, to the same deadline; a wait whose deadline was not yet recorded starts afresh. */
    @Override
    public CompletableFuture<HealthOutcome> resume(StepEnvironment env) throws AbortException {
        if (deadlineMillis == 0) {
            return start(env);
        }
        try {
            StepClient aem = StepClient.open(target, env, ConnectionResolver.Purpose.OPERATE, recorder(),
                    ProgressListener.NONE);
            Instant deadline = Instant.ofEpochMilli(deadlineMillis);
            aem.console().say("Jenkins restarted: waiting again for " + target.taskRef() + " to be healthy until "
                    + deadline + "; what the task did while Jenkins was down is not known, so it is judged afresh.");
            return aem.client().awaitHealth(new HealthWaitRequest(target.taskRef(), conditions(),
                    Instant.ofEpochMilli(startedAtMillis), deadline), aem.console());
        } catch (AemException e) {
            throw FailureReporter.toAbort(e);
        }
    }

    @Override
    public String describe() {
        return "the health of " + target.taskRef() + (deadlineMillis == 0 ? "" : ", until " + Instant.ofEpochMilli(deadlineMillis));
    }
}
