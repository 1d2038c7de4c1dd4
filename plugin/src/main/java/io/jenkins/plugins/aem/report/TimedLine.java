package io.jenkins.plugins.aem.report;

/**
 * A line of a step's page with when it happened: a state a run saw, a step a deploy took. A class, not a record:
 * XStream reads the build's file back, and cannot make records.
 */
public final class TimedLine {

    private final long at;
    private final String text;

    TimedLine(long at, String text) {
        this.at = at;
        this.text = text;
    }

    /** When, in milliseconds since the epoch. */
    public long at() {
        return at;
    }

    /** What, in AEM's or the client's words. */
    public String text() {
        return text;
    }
}
