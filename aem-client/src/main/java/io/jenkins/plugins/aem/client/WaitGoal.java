package io.jenkins.plugins.aem.client;

/** The state an operation waits for. */
public enum WaitGoal {
    /** A run, done when the task is RUNNING. */
    RUNNING,
    /** A run with "wait for completion", done when the load completed (see {@link TaskStatus#loadCompleted()}). */
    LOAD_COMPLETED,
    /** A stop, done when the task is STOPPED. */
    STOPPED
}
