package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * The fields a user fills in for a run or a stop, read when the step is frozen into a {@link TaskInvocation}. Run-only
 * fields default to "not given", so a stop implements only the first group.
 */
public interface TaskParameters {

    /** The name of a global AEM connection, or {@code null} when {@link #getUrl()} and credentials are given inline. */
    @CheckForNull
    String getConnection();

    @CheckForNull
    String getUrl();

    @CheckForNull
    String getCredentialsId();

    String getServer();

    String getTask();

    /** The Compose project, or {@code null} for a Replicate task. */
    @CheckForNull
    String getProject();

    /** Seconds to wait, or {@code null} for the connection's default. */
    @CheckForNull
    Integer getTimeout();

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
