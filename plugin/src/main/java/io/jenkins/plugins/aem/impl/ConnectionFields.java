package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * Where a step talks to AEM, as the user gave it: a global connection's name, or a URL; and, optionally, the ID of
 * the credentials to log in with instead of the connection's (required with a URL).
 */
public interface ConnectionFields {

    @CheckForNull
    String connection();

    @CheckForNull
    String url();

    @CheckForNull
    String credentialsId();
}
