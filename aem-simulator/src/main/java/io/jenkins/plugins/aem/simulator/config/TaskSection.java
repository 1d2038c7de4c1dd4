package io.jenkins.plugins.aem.simulator.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A task. Durations are text: {@code "2s"}, {@code "500ms"}, {@code "PT2S"} or a random range {@code "1s..3s"}.
 *
 * @param name             task name
 * @param project          Compose project (required on Compose servers; wire name {@code name__project})
 * @param description      free text
 * @param definition       the task's definition as an export gives it (Replicate only; default: a generated one)
 * @param startDuration    time from run to RUNNING
 * @param stopDuration     time from stop to STOPPED
 * @param fullLoadDuration time a full load takes
 * @param startingState    wire state while starting (default: the previous state)
 * @param stoppingState    wire state while stopping (default: the previous state)
 * @param fullLoadOnly     stop with FULL_LOAD_ONLY_FINISHED once the full load is done
 * @param failOnRun        go to ERROR (FATAL_ERROR) instead of RUNNING
 * @param failMessage      the message in ERROR
 * @param recovery         a RECOVERY episode after each start
 * @param lag              how long reads still show the pre-command state after a command
 * @param initial          the state at start
 * @param runError         an error code answered to run
 * @param stopError        an error code answered to stop
 * @param tables           number of tables
 * @param memoryMb         memory shown while running
 * @param errorMessageInAnswer whether a run or stop answer in ERROR carries the message (default true)
 * @param health           how GetTaskDetails' latency, table counts and data errors behave
 */
public record TaskSection(String name, String project, String description, JsonNode definition, String startDuration,
                          String stopDuration, String fullLoadDuration, String startingState, String stoppingState,
                          Boolean fullLoadOnly, Boolean failOnRun, String failMessage, RecoverySection recovery,
                          String lag, InitialSection initial, ErrorSection runError, ErrorSection stopError,
                          Integer tables, Integer memoryMb,
                          Boolean errorMessageInAnswer, HealthSection health) {

    /**
     * A RECOVERY episode.
     *
     * @param after       time in RUNNING before recovery starts
     * @param duration    time in RECOVERY
     * @param endsInError end in ERROR instead of RUNNING
     * @param message     the message during recovery
     */
    public record RecoverySection(String after, String duration, Boolean endsInError, String message) {
    }

    /**
     * The state at start.
     *
     * @param state             STOPPED (default), RUNNING, ERROR, RECOVERY, ...
     * @param stopReason        task stop reason (default NONE)
     * @param message           message (e.g. the error of an ERROR state)
     * @param fullLoadCompleted whether an earlier full load completed
     */
    public record InitialSection(String state, String stopReason, String message, Boolean fullLoadCompleted) {
    }

    /**
     * An injected error code.
     *
     * @param code the error code
     * @param once answer it once only (default false: every time)
     */
    public record ErrorSection(String code, Boolean once) {
    }
}
