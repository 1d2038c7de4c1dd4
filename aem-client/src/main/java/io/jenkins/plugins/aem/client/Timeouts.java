package io.jenkins.plugins.aem.client;

import java.time.Duration;

/** The rules for an operation's timeout, in one place. */
public final class Timeouts {

    /** AEM's own default wait, and ours. */
    public static final Duration DEFAULT = Duration.ofSeconds(60);

    /**
     * How long a status read (GetTaskList, GetTaskDetails, GetServerList) may take before it counts as hung and is tried
     * again. AEM answers these in a second or two; a connection that a proxy or AEM leaves hanging must not hide, for
     * the rest of a wait, a state the task has already reached.
     */
    static final Duration STATUS_READ = Duration.ofSeconds(10);

    /** Long enough for any real load; beyond it a typo is more likely than intent. */
    public static final Duration MAX = Duration.ofDays(7);

    private Timeouts() {
    }

    /**
     * Checks a timeout given in seconds, as forms and the command line take it.
     *
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) when it is not positive or over {@link #MAX}
     */
    public static Duration ofSeconds(long seconds) {
        return check(Duration.ofSeconds(seconds));
    }

    /**
     * Checks a timeout: {@code null} means {@link #DEFAULT}.
     *
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) when it is not positive or over {@link #MAX}
     */
    public static Duration check(Duration timeout) {
        if (timeout == null) {
            return DEFAULT;
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw AemException.invalidInput("timeout", "must be at least 1 second (was " + timeout.toSeconds()
                    + "). Give the number of seconds to wait for the task, for example 300.");
        }
        if (timeout.compareTo(MAX) > 0) {
            throw AemException.invalidInput("timeout", "must be at most " + MAX.toSeconds() + " seconds (7 days); was "
                    + timeout.toSeconds() + ". Give the number of seconds to wait for the task.");
        }
        return timeout;
    }
}
