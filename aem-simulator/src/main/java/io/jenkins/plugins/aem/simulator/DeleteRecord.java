package io.jenkins.plugins.aem.simulator;

import java.time.Instant;

/**
 * A DeleteTask call that reached the server's delete logic (ground truth for tests): every call past the checks of
 * framing, server, version, parameters and role. Calls stopped earlier are only in the journal.
 *
 * @param at             when the call was received
 * @param task           the task name of the URL
 * @param user           the logged-in user
 * @param sessionAlias   the non-secret alias of the session ({@code s1}, ...)
 * @param deleteTaskLogs the {@code deletetasklogs} parameter (false when absent)
 * @param accepted       whether the task was deleted
 * @param errorCode      the error code answered, or null when deleted
 */
public record DeleteRecord(Instant at, String task, String user, String sessionAlias, boolean deleteTaskLogs,
                           boolean accepted, String errorCode) {
}
