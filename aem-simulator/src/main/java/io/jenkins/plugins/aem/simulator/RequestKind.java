package io.jenkins.plugins.aem.simulator;

/**
 * What an API request does. The journal records one of {@link #LOGIN}, {@link #LOGOUT}, {@link #READ} and
 * {@link #COMMAND}; {@link #ALL} exists only as a filter value for faults.
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
    /** Filter value matching every kind. */
    ALL;

    /** Whether this filter value matches a request of the given kind. */
    public boolean matches(RequestKind actual) {
        return this == ALL || this == actual;
    }
}
