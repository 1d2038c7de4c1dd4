package io.jenkins.plugins.aem.client;

/** The state an operation waits for. */
public enum WaitGoal {
    /** A run, done when the task is RUNNING. */
    RUNNING,
    /** A run with "wait for completion", done when the load completed (see {@link TaskStatus#loadCompleted()}). */
    LOAD_COMPLETED,
    /** A stop, done when the task is STOPPED. */
    STOPPED;

    /**
     * The stop reason of a task whose run or stop AEM answered with this goal's state. The answer carries a state but
     * no stop reason, and reading it back would cost every operation a request and could show AEM's lagging view; but
     * it is known all the same: a task that AEM reports RUNNING has no stop reason, and one that AEM stopped on this
     * stop request stopped {@link StopReason#NORMAL normally} ("stopped by the user", as AEM documents it).
     */
    StopReason stopReasonOfAnswer() {
        return this == STOPPED ? StopReason.NORMAL : StopReason.NONE;
    }
}
