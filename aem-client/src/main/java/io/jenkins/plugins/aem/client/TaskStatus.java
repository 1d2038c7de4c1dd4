package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What AEM says about a task: its state and, from GetTaskDetails, its health (full-load progress, CDC latency, data
 * errors). A value AEM did not send is unknown: {@code -1} for a count, {@code null} otherwise. GetTaskList carries
 * the state, stop reason and message only, so a status read from it has every health value unknown.
 *
 * @param task               the task
 * @param state              the state
 * @param rawState           the state as AEM spelled it
 * @param stopReason         why it stopped ({@link StopReason#NONE} when running, and always for Compose)
 * @param message            AEM's message about the task (the error text when it failed), or empty
 * @param fullLoadCompleted  Replicate's {@code full_load_completed}, or {@code null} when absent
 * @param loadingCompleted   Compose's {@code loading_completed}, or {@code null} when absent
 * @param tablesQueued       tables waiting to load, or {@code -1} when unknown
 * @param tablesLoading      tables loading, or {@code -1} when unknown
 * @param tablesWithError    tables in error, or {@code -1} when unknown
 * @param tablesCompleted    tables loaded, or {@code -1} when unknown
 * @param cdcLatency         the CDC latency ({@code cdc_latency}), or {@code null} when AEM sent none (Compose tasks,
 *                           older AEM releases)
 * @param dataErrors         {@code data_error_count}, or {@code -1} when unknown
 */
public record TaskStatus(TaskRef task, TaskState state, String rawState, StopReason stopReason, String message,
                         Boolean fullLoadCompleted, Boolean loadingCompleted,
                         long tablesQueued, long tablesLoading, long tablesWithError,
                         long tablesCompleted, CdcLatency cdcLatency, long dataErrors) {

    public TaskStatus {
        message = message == null ? "" : message;
        stopReason = stopReason == null ? StopReason.NONE : stopReason;
        rawState = rawState == null ? "" : rawState;
    }

    /** A status without health values, as GetTaskList gives it. */
    public TaskStatus(TaskRef task, TaskState state, String rawState, StopReason stopReason, String message,
                      Boolean fullLoadCompleted, Boolean loadingCompleted,
                      long tablesQueued, long tablesLoading, long tablesWithError) {
        this(task, state, rawState, stopReason, message, fullLoadCompleted, loadingCompleted, tablesQueued,
                tablesLoading, tablesWithError, -1, null, -1);
    }

    /** The total CDC latency, or {@code null} when AEM sent none or one this client cannot read. */
    public Duration totalLatency() {
        return cdcLatency == null ? null : cdcLatency.total();
    }

    /** The source CDC latency, or {@code null} when AEM sent none or one this client cannot read. */
    public Duration sourceLatency() {
        return cdcLatency == null ? null : cdcLatency.source();
    }

    /** {@code true} while the task process runs: RUNNING, or RECOVERY (retrying after an error). */
    public boolean alive() {
        return state == TaskState.RUNNING || state == TaskState.RECOVERY;
    }

    /**
     * {@code true} when the load has finished as AEM's completed-load conditions say: Replicate stopped with
     * {@code FULL_LOAD_ONLY_FINISHED}, Compose stopped with {@code loading_completed}, or the full load completed with
     * no table queued, loading or in error.
     */
    public boolean loadCompleted() {
        if (state == TaskState.STOPPED
                && (stopReason == StopReason.FULL_LOAD_ONLY_FINISHED || Boolean.TRUE.equals(loadingCompleted))) {
            return true;
        }
        return Boolean.TRUE.equals(fullLoadCompleted) && tablesQueued == 0 && tablesLoading == 0 && tablesWithError == 0;
    }

    /**
     * The values by name, in a fixed order, as the {@code aem} command's {@code --json} and the plugin's steps return
     * them: {@code server}, {@code task}, {@code state} (as AEM spelled it), {@code stopReason}, {@code message},
     * {@code fullLoadCompleted} ({@link #loadCompleted()}), {@code tablesCompleted}, {@code tablesLoading},
     * {@code tablesQueued}, {@code tablesWithError}, {@code sourceLatency} and {@code totalLatency} (AEM's texts),
     * {@code sourceLatencySeconds} and {@code totalLatencySeconds} (whole seconds), {@code dataErrors}. A value AEM did
     * not send, or sent in a form this client cannot read, is {@code null}.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("server", task.server());
        m.put("task", task.task());
        m.put("state", rawState);
        m.put("stopReason", stopReason.name());
        m.put("message", message);
        m.put("fullLoadCompleted", loadCompleted());
        m.put("tablesCompleted", known(tablesCompleted));
        m.put("tablesLoading", known(tablesLoading));
        m.put("tablesQueued", known(tablesQueued));
        m.put("tablesWithError", known(tablesWithError));
        m.put("sourceLatency", cdcLatency == null ? null : cdcLatency.sourceText());
        m.put("totalLatency", cdcLatency == null ? null : cdcLatency.totalText());
        m.put("sourceLatencySeconds", sourceLatency() == null ? null : sourceLatency().toSeconds());
        m.put("totalLatencySeconds", totalLatency() == null ? null : totalLatency().toSeconds());
        m.put("dataErrors", known(dataErrors));
        return Collections.unmodifiableMap(m);
    }

    /**
     * The status in one line for people, for example {@code RUNNING; full load completed, tables 10 completed, 0
     * loading, 0 queued, 0 in error; total latency 00:00:02 (2 s), source 00:00:01; data errors 0}, with AEM's
     * message at the end when it has one.
     */
    public String describe() {
        return HealthWording.values(this) + (message.isBlank() ? "" : "; message: " + message);
    }

    private static Long known(long count) {
        return count < 0 ? null : count;
    }

    /** {@code true} when the task failed: ERROR, or stopped with a fatal reason. */
    public boolean failed() {
        return state == TaskState.ERROR || stopReason.isFatal();
    }
}
