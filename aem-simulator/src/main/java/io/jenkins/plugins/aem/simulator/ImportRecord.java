package io.jenkins.plugins.aem.simulator;

import java.time.Instant;
import java.util.List;

/**
 * An ImportTask call that reached the server's import logic (ground truth for tests): every call past the checks of
 * framing, server, version and role. Calls stopped earlier (a transport fault, a failNext code, no session, no
 * Content-Length, a refused server or role) are only in the journal.
 *
 * @param at           when the call was received
 * @param task         the task name of the URL
 * @param user         the logged-in user
 * @param sessionAlias the non-secret alias of the session ({@code s1}, ...)
 * @param accepted     whether the import was applied
 * @param errorCode    the error code answered, or null when accepted
 * @param created      whether the import created the task
 * @param endpoints    names of the endpoints the body carried, created or changed on the server when accepted
 * @param taskState    the task's state when the import arrived (null when the task did not exist); a running task
 *                     keeps running on its old definition until it is stopped and run again
 * @param versionGiven whether the body had a {@code _version}; without one its task settings were ignored
 * @param visibleAt    when the import becomes visible to reads, exports and runs; null when it was refused
 */
public record ImportRecord(Instant at, String task, String user, String sessionAlias, boolean accepted,
                           String errorCode, boolean created, List<String> endpoints, String taskState,
                           boolean versionGiven, Instant visibleAt) {

    /** Copies the list. */
    public ImportRecord {
        endpoints = List.copyOf(endpoints);
    }
}
