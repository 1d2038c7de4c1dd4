package io.jenkins.plugins.aem.simulator;

import java.time.Instant;

/**
 * A run or stop command that reached a task. Commands stopped by an injected fault (reset, hang, HTML page,
 * session expiry, failNext) or by a missing session never reach the task and are not recorded.
 *
 * @param at             when the command was received
 * @param action         {@code run} or {@code stop}
 * @param option         the run option as sent (null if none; always null for stop)
 * @param cdcPosition    the {@code cdcposition} from the body, or null
 * @param timeoutSeconds the {@code timeout} query parameter, or null when absent
 * @param sessionAlias   the non-secret alias of the session used ({@code s1}, ...)
 * @param user           the logged-in user
 * @param accepted       true when the command took effect (also when it was answered with a *_TIMEOUT code)
 * @param errorCode      the error code answered, or null when the answer was a state
 */
public record CommandRecord(Instant at, String action, String option, String cdcPosition, Integer timeoutSeconds,
                            String sessionAlias, String user, boolean accepted, String errorCode) {

    /** Whether this is a run command. */
    public boolean isRun() {
        return "run".equals(action);
    }

    /** Whether this is a stop command. */
    public boolean isStop() {
        return "stop".equals(action);
    }
}
