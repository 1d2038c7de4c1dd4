package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.aem.client.RunOption;
import io.jenkins.plugins.aem.client.RunRequest;
import io.jenkins.plugins.aem.client.StopRequest;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.client.WaitGoal;
import java.io.Serializable;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * One run or stop as a user asked for it, frozen when the step starts. Serializable (plain fields, no records) because
 * a pipeline step keeps it across a controller restart. Input is checked by the client's own rules when the requests
 * are built, so the plugin and the {@code aem} command refuse exactly the same things.
 */
public final class TaskInvocation implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What is asked of AEM. */
    public enum Action { RUN, STOP }

    private final Action action;
    private final TaskTarget target;
    private final String option;
    private final String cdcPosition;
    private final boolean waitForCompletion;
    private final boolean stopTaskOnAbort;

    private TaskInvocation(Action action, TaskParameters p, UnaryOperator<String> expand) {
        this.action = action;
        this.target = new TaskTarget(p, expand);
        this.option = action == Action.RUN ? TaskTarget.blankToNull(p.getOption()) : null;
        this.cdcPosition = action == Action.RUN ? TaskTarget.blankToNull(expand.apply(p.getCdcPosition())) : null;
        this.waitForCompletion = action == Action.RUN && p.isWaitForCompletion();
        this.stopTaskOnAbort = action == Action.RUN && p.isStopTaskOnAbort();
    }

    /** Freezes a pipeline step's parameters (Groovy has already interpolated its strings). */
    public static TaskInvocation of(Action action, TaskParameters parameters) {
        return new TaskInvocation(action, parameters, UnaryOperator.identity());
    }

    /** Freezes a freestyle step's parameters, expanding {@code ${VAR}} build variables in names and positions. */
    public static TaskInvocation of(Action action, TaskParameters parameters, UnaryOperator<String> expand) {
        return new TaskInvocation(action, parameters, value -> value == null ? null : expand.apply(value));
    }

    public Action action() {
        return action;
    }

    /** Where the step works: connection, task and timeout. */
    public TaskTarget target() {
        return target;
    }

    public boolean stopTaskOnAbort() {
        return stopTaskOnAbort;
    }

    /** The task as AEM addresses it. @throws io.jenkins.plugins.aem.client.AemException for a blank name */
    public TaskRef taskRef() {
        return target.taskRef();
    }

    /** The deadline of the whole operation: this step's timeout, else the connection's default. */
    public Duration timeout(@CheckForNull Duration connectionDefault) {
        return target.timeout(connectionDefault);
    }

    /** What a wait for this action ends on. */
    public WaitGoal goal() {
        if (action == Action.STOP) {
            return WaitGoal.STOPPED;
        }
        return waitForCompletion ? WaitGoal.LOAD_COMPLETED : WaitGoal.RUNNING;
    }

    /** The run request. @throws io.jenkins.plugins.aem.client.AemException for any invalid field */
    public RunRequest runRequest(Duration timeout) {
        return new RunRequest(taskRef(), RunOption.parse(option), cdcPosition, waitForCompletion, timeout);
    }

    /** The stop request. @throws io.jenkins.plugins.aem.client.AemException for any invalid field */
    public StopRequest stopRequest(Duration timeout) {
        return new StopRequest(taskRef(), timeout);
    }

    /** What is asked, in words, for the build's page: the option and the wait, or the stop. */
    public String asked() {
        if (action == Action.STOP) {
            return "stop, and wait for STOPPED";
        }
        String what = option == null ? "run with the server's default option" : "run with option " + option;
        return what + (cdcPosition == null ? "" : " from " + cdcPosition) + ", and wait for "
                + (waitForCompletion ? "the full load to complete" : "RUNNING")
                + (stopTaskOnAbort ? "; stop the task if the build is aborted" : "");
    }

    /** A line for the console saying what is asked, for example {@code Running task 'X' on server 'Y' (option ...)}. */
    public String describe(RunRequest request) {
        String what = request.option() == null ? "the server's default run option" : "option " + request.option().name();
        if (request.cdcPosition() != null) {
            what += " from " + request.cdcPosition();
        }
        return "Running " + request.task() + " with " + what + "; waiting up to " + request.timeout().toSeconds()
                + " s for " + (request.waitForCompletion() ? "the full load to complete" : "RUNNING");
    }

    /** The same line for a stop. */
    public String describe(StopRequest request) {
        return "Stopping " + request.task() + "; waiting up to " + request.timeout().toSeconds() + " s for STOPPED";
    }

}
