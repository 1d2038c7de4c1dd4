package io.jenkins.plugins.aem.client;

/**
 * The two limits on requests in flight to one AEM host. Reads and logins are AEM's real work and share the main
 * limit. Run and stop requests have a lane of their own: AEM holds each one open while it waits for the task, idle, for
 * up to the operation's time left, so counting them against the read limit would let a crowd of commands starve every
 * poll (and every other command) for minutes.
 *
 * @param reads    logins, status reads and logouts
 * @param commands RunTask and StopTask
 */
record HostLimits(HostLimiter reads, HostLimiter commands) {

    HostLimiter lane(String method) {
        return "POST".equals(method) ? commands : reads;
    }
}
