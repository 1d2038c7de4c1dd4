package io.jenkins.plugins.aem.simulator;

/**
 * What an API request does. The journal records every kind but {@link #ALL}, which exists only as a filter value for
 * faults.
 */
public enum RequestKind {
    /** {@code GET|POST /login}. */
    LOGIN,
    /** {@code GET /logout}. */
    LOGOUT,
    /** Every {@code GET} of servers and tasks. */
    READ,
    /** Run and stop ({@code POST /servers/{s}/tasks/{t}?action=...}). */
    COMMAND,
    /** ExportTask ({@code GET /servers/{s}/tasks/{t}?action=export&withendpoints=...}). */
    EXPORT,
    /** ImportTask ({@code POST /servers/{s}/tasks/{t}?action=import} with the definition as body). */
    IMPORT,
    /** DeleteTask ({@code POST /servers/{s}/tasks/{t}?action=delete&deletetasklogs=...}). */
    DELETE,
    /** TestEndpoint ({@code GET /servers/{s}/endpoints/{e}?action=test&timeout=...}). */
    TEST_ENDPOINT,
    /** PatchEndpoint ({@code PATCH /servers/{s}/endpoints/{e}} with a JSON-Patch array as body). */
    PATCH_ENDPOINT,
    /** Filter value matching every kind. */
    ALL;

    /** Whether this filter value matches a request of the given kind. */
    public boolean matches(RequestKind actual) {
        return this == ALL || this == actual;
    }
}
