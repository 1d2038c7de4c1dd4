package io.jenkins.plugins.aem.simulator;

/**
 * What a transport fault does to one request ({@link Faults#nextTransport}). The first four stop the request before
 * AEM carries it out; the {@code _AFTER_APPLY} ones let AEM carry it out (an import is stored, a task deleted, a run
 * started) and then lose the answer, so the client cannot tell whether it happened.
 */
public enum TransportFault {
    /** The connection is closed without an answer; the request is not carried out. */
    RESET,
    /** No answer ever comes (until the simulator closes); the request is not carried out. */
    HANG,
    /** A reverse proxy's HTML 502 page; the request is not carried out. */
    HTML_502,
    /** HTTP.sys's HTML 503 page; the request is not carried out. */
    HTML_503,
    /** The request is carried out, then the connection is closed without an answer. */
    RESET_AFTER_APPLY,
    /** The request is carried out, then no answer ever comes (until the simulator closes). */
    HANG_AFTER_APPLY
}
