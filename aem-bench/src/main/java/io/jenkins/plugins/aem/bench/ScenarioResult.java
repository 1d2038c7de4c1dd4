package io.jenkins.plugins.aem.bench;

import java.time.Duration;

/**
 * What one scenario measured for one client.
 *
 * @param scenario        scenario name
 * @param client          {@code client} or {@code baseline}
 * @param ops             operations started (runs, plus stops in the crowd)
 * @param correct         operations that completed and whose completion the simulator's history confirms: the task
 *                        reached the goal after the operation started and before the client said so
 * @param requests        every request the simulator received during the scenario, logins included
 * @param logins          logins among them
 * @param detect          detection delay in ms of the correct operations: simulator's state change to the client's
 *                        completion
 * @param withinInterval  fraction of correct operations detected within the poll interval in force when the state
 *                        changed (see {@link DetectionAnalysis}); {@code NaN} for the baseline
 * @param ratioP99        99th percentile of detection delay / interval in force; at most 1 when the target is met
 * @param threads         thread peaks
 * @param heapAddedBytes  heap used after GC at the peak (every operation in flight) minus the same before the
 *                        scenario; {@code -1} when not every operation was in flight at once
 * @param wall            from the first operation started to the last completed
 * @param taskLists       GetTaskList requests among the requests
 */
record ScenarioResult(String scenario, String client, int ops, int correct, long requests, long logins, Stats detect,
                      double withinInterval, double ratioP99, ThreadSampler.ThreadPeak threads, long heapAddedBytes,
                      Duration wall, long taskLists) {

    /** Requests per correct operation; infinite when none completed. */
    double requestsPerOp() {
        return correct == 0 ? Double.POSITIVE_INFINITY : (double) requests / correct;
    }

    boolean allCorrect() {
        return correct == ops;
    }
}
