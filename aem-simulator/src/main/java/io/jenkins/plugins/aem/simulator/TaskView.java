package io.jenkins.plugins.aem.simulator;

import java.time.Instant;

/**
 * What GetTaskDetails and GetTaskList show of a task at one moment (possibly a lagged, older moment).
 *
 * @param state             the wire state (may be a transitional value such as STARTING)
 * @param stopReason        the task stop reason (Replicate wording; the wire shows NONE for Compose)
 * @param message           the task message (the error text in ERROR)
 * @param fullLoadCompleted whether the last full load completed ({@code loading_completed} for Compose)
 * @param fullLoadStart     when the last full load started, or null
 * @param fullLoadEnd       when the last full load ended, or null
 * @param tablesTotal       number of tables in the task
 * @param tablesCompleted   tables loaded
 * @param tablesLoading     tables loading now
 * @param tablesQueued      tables waiting to load
 * @param tablesWithError   tables that failed
 * @param memoryMb          task memory; above zero only while the task process runs
 * @param health            the health members, or null for a task without a {@link SimHealthSpec}
 */
public record TaskView(String state, String stopReason, String message, boolean fullLoadCompleted,
                       Instant fullLoadStart, Instant fullLoadEnd, int tablesTotal, int tablesCompleted,
                       int tablesLoading, int tablesQueued, int tablesWithError, int memoryMb,
                       HealthView health) {
}
