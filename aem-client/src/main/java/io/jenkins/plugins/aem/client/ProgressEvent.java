package io.jenkins.plugins.aem.client;

import java.time.Duration;

/**
 * One thing worth telling the user while an operation runs. The message is complete and free of secrets, so the plugin
 * and the CLI print the same lines.
 *
 * @param kind    what happened
 * @param elapsed since the operation started
 * @param message the line to print, without the elapsed time
 */
public record ProgressEvent(Kind kind, Duration elapsed, String message) {

    /** What happened. */
    public enum Kind {
        /** A step of the operation: connecting, sending the command, what AEM was asked to wait. */
        STEP,
        /**
         * The run or stop request is about to be sent: from here on AEM may carry the command out, so a caller that
         * persists its progress (the Jenkins plugin, across a restart) must remember that it was sent.
         */
        COMMAND_SENT,
        /**
         * The task's state changed (or was seen for the first time); in a health wait, one of the values it watches
         * changed (at most once per read).
         */
        STATE_CHANGE,
        /** A read failed and is tried again after a delay. */
        RETRY,
        /** The session expired and the client logged in again. */
        RELOGIN,
        /** Something the user should know: insecure TLS, AEM may be lagging, an AEM wait that ran out. */
        WARNING
    }

    /** The line as the CLI and the build console print it: elapsed seconds, then the message. */
    public String format() {
        long tenths = elapsed.toMillis() / 100;
        return String.format(java.util.Locale.ROOT, "[%d.%ds] %s", tenths / 10, tenths % 10, message);
    }
}
