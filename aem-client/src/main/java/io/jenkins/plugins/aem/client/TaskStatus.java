package io.jenkins.plugins.aem.client;

/**
 * What GetTaskDetails says about a task, reduced to what deciding "done, failed or keep waiting" needs.
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
 */
public record TaskStatus(TaskRef task, TaskState state, String rawState, StopReason stopReason, String message,
                         Boolean fullLoadCompleted, Boolean loadingCompleted,
                         long tablesQueued, long tablesLoading, long tablesWithError) {

    public TaskStatus {
        message = message == null ? "" : message;
        stopReason = stopReason == null ? StopReason.NONE : stopReason;
        rawState = rawState == null ? "" : rawState;
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

    /** {@code true} when the task failed: ERROR, or stopped with a fatal reason. */
    public boolean failed() {
        return state == TaskState.ERROR || stopReason.isFatal();
    }
}
