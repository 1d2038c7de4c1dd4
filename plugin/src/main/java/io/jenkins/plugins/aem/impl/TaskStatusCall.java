package io.jenkins.plugins.aem.impl;

import hudson.AbortException;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.ProgressListener;
import io.jenkins.plugins.aem.client.TaskStatus;
import io.jenkins.plugins.aem.report.StatusRecord;
import io.jenkins.plugins.aem.report.StepRecord;
import io.jenkins.plugins.aem.report.StepRecorder;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;

/** Reads a task's status with its health values, and prints it in one line. Sends no command. */
public final class TaskStatusCall extends StepCall<TaskStatus> {

    private static final long serialVersionUID = 1L;

    private final TaskTarget target;

    public TaskStatusCall(TaskTarget target) {
        this.target = target;
    }

    @Override
    public CompletableFuture<TaskStatus> start(StepEnvironment env) throws AbortException {
        try {
            StepClient aem = StepClient.open(target, env, ConnectionResolver.Purpose.OPERATE, recorder(),
                    ProgressListener.NONE);
            return aem.client().taskStatus(target.taskRef(), aem.timeout());
        } catch (AemException e) {
            throw FailureReporter.toAbort(e);
        }
    }

    /** The values by name (see {@link TaskStatus#toMap()}); a value AEM did not send is {@code null}. */
    @Override
    public Object pipelineResult(TaskStatus status) {
        return new LinkedHashMap<>(status.toMap());
    }

    @Override
    public void reportSuccess(StepEnvironment env, TaskStatus status) {
        env.listener().getLogger().println(ConsoleProgress.PREFIX + status.task() + ": " + status.describe());
    }

    @Override
    protected StepRecord newRecord() {
        return new StatusRecord(target.connectionText(), target.serverText(), target.taskText());
    }

    @Override
    protected void recordSuccess(StepRecorder recorder, TaskStatus status) {
        recorder.update(StatusRecord.class, r -> r.values(status));
    }

    /** A single read: after a restart, read again. */
    @Override
    public CompletableFuture<TaskStatus> resume(StepEnvironment env) throws AbortException {
        return start(env);
    }

    @Override
    public String describe() {
        return "the status of " + target.taskRef();
    }
}
