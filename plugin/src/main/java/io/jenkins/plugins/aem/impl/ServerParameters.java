package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * The fields every step fills in: where AEM is, as whom, which server, and how long to wait. A step over one task adds
 * the task ({@link TaskParameters}); a step over a server's tasks names them otherwise (a release folder).
 */
public interface ServerParameters {

    /** The name of a global AEM connection, or {@code null} when {@link #getUrl()} and credentials are given inline. */
    @CheckForNull
    String getConnection();

    @CheckForNull
    String getUrl();

    @CheckForNull
    String getCredentialsId();

    String getServer();

    /** Seconds to wait, or {@code null} for the connection's default. */
    @CheckForNull
    Integer getTimeout();
}
