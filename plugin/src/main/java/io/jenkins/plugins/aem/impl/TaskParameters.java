package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * The fields a user fills in for a step over one task (a run or a stop, say), read when the step is frozen into a
 * {@link TaskInvocation}: the task besides {@link ServerParameters}. Run-only fields default to "not given", so a stop
 * implements only the first group.
 */
public interface TaskParameters extends ServerParameters {

    String getTask();

    /** The Compose project, or {@code null} for a Replicate task. */
    @CheckForNull
    String getProject();

    @CheckForNull
    default String getOption() {
        return null;
    }

    @CheckForNull
    default String getCdcPosition() {
        return null;
    }

    default boolean isWaitForCompletion() {
        return false;
    }

    default boolean isStopTaskOnAbort() {
        return false;
    }
}
