package io.jenkins.plugins.aem.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * One request as the simulator saw it. Secrets never appear: the {@code Authorization} and session header values
 * are replaced by {@code <redacted>}, so is every endpoint secret of an ImportTask body, and sessions are named by
 * alias.
 *
 * @param at           when the request arrived
 * @param method       HTTP method
 * @param rawPath      the path as sent, still percent-encoded
 * @param path         the path with each segment percent-decoded once
 * @param query        query parameters, percent-decoded once
 * @param headers      request headers (first value of each), secrets redacted
 * @param body         the request body as UTF-8 text ("" if none); an ImportTask or PatchEndpoint body with its
 *                     secrets redacted
 * @param status       the HTTP status answered; 0 when no answer was sent (reset, or hung until close)
 * @param sessionAlias alias of the session used or created ({@code s1}, ...), or null
 * @param user         the user of that session or login attempt, or null
 * @param kind         what the request does (see {@link RequestKind})
 */
public record JournalEntry(Instant at, String method, String rawPath, String path, Map<String, String> query,
                           Map<String, String> headers, String body, int status, String sessionAlias, String user,
                           RequestKind kind) {

    /** Whether this was a login. */
    public boolean isLogin() {
        return kind == RequestKind.LOGIN;
    }

    /** Whether this was a RunTask call. */
    public boolean isRun() {
        return kind == RequestKind.COMMAND && "run".equalsIgnoreCase(query.get("action"));
    }

    /** Whether this was a StopTask call. */
    public boolean isStop() {
        return kind == RequestKind.COMMAND && "stop".equalsIgnoreCase(query.get("action"));
    }

    /** Whether this was an ExportTask call. */
    public boolean isExport() {
        return kind == RequestKind.EXPORT;
    }

    /** Whether this was an ImportTask call. */
    public boolean isImport() {
        return kind == RequestKind.IMPORT;
    }

    /** Whether this was a DeleteTask call. */
    public boolean isDelete() {
        return kind == RequestKind.DELETE;
    }

    /** Whether this was a GetTaskDetails call ({@code GET .../servers/{s}/tasks/{t}}). */
    public boolean isTaskDetails() {
        return kind == RequestKind.READ && Route.parse(rawPath).isTaskDetails() && "GET".equalsIgnoreCase(method);
    }

    /** Whether this was a GetTaskList call ({@code GET .../servers/{s}/tasks}). */
    public boolean isTaskList() {
        return kind == RequestKind.READ && Route.parse(rawPath).isTaskList() && "GET".equalsIgnoreCase(method);
    }

    /** Whether this was a GetServerList call ({@code GET .../servers}). */
    public boolean isServerList() {
        return kind == RequestKind.READ && Route.parse(rawPath).isServerList() && "GET".equalsIgnoreCase(method);
    }
}
