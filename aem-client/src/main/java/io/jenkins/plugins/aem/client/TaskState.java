package io.jenkins.plugins.aem.client;

import java.util.Locale;

/**
 * The states AEM reports for a Replicate or Compose task.
 *
 * <p>AEM's REST pages spell the recovering state {@code RECOVERING} while its SDKs say {@code RECOVERY}; both map to
 * {@link #RECOVERY}. Any other value is {@link #UNKNOWN}: treated as transitional, never as a failure by itself. The
 * wire value is kept beside the state (see {@link TaskStatus#rawState()}) so that users see what AEM really said.
 */
public enum TaskState {
    /** The task is running (replicating changes or loading). The goal of a run. */
    RUNNING,
    /** Never run, or stopped. The goal of a stop. */
    STOPPED,
    /** Stopped on a fatal error; AEM's message says why. */
    ERROR,
    /** An error was detected and Replicate is retrying; the task goes back to RUNNING or on to ERROR. */
    RECOVERY,
    /** A value this client does not know; waiting goes on. */
    UNKNOWN;

    /**
     * Maps AEM's wire value to a state.
     *
     * @param wire the {@code state} field as AEM sent it; may be {@code null}
     * @return the state, {@link #UNKNOWN} for anything unrecognised
     */
    public static TaskState fromWire(String wire) {
        if (wire == null) {
            return UNKNOWN;
        }
        switch (wire.trim().toUpperCase(Locale.ROOT)) {
            case "RUNNING":
                return RUNNING;
            case "STOPPED":
                return STOPPED;
            case "ERROR":
                return ERROR;
            case "RECOVERY":
            case "RECOVERING":
                return RECOVERY;
            default:
                return UNKNOWN;
        }
    }
}
