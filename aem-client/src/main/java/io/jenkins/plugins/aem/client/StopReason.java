package io.jenkins.plugins.aem.client;

import java.util.Locale;

/** Why a task stopped, as AEM reports it in {@code task_stop_reason} (always {@link #NONE} for Compose). */
public enum StopReason {
    NONE,
    NORMAL,
    RECOVERABLE_ERROR,
    FATAL_ERROR,
    FULL_LOAD_ONLY_FINISHED,
    STOPPED_AFTER_FULL_LOAD,
    STOPPED_AFTER_CACHED_EVENTS,
    EXPRESS_LICENSE_LIMITS_REACHED,
    STOPPED_AFTER_DDL_APPLY,
    STOPPED_LOW_MEMORY,
    STOPPED_LOW_DISK_SPACE,
    /** A value this client does not know. */
    UNKNOWN;

    /** {@code true} when the reason means the task cannot go on by itself and a run must fail. */
    public boolean isFatal() {
        return this == FATAL_ERROR;
    }

    /**
     * Maps AEM's wire value to a reason.
     *
     * @param wire the field as AEM sent it; {@code null} or empty means {@link #NONE}
     * @return the reason, {@link #UNKNOWN} for anything unrecognised
     */
    public static StopReason fromWire(String wire) {
        if (wire == null || wire.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(wire.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
