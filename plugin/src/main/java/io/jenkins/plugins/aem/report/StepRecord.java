package io.jenkins.plugins.aem.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Run;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.client.ProgressFact;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import jenkins.security.stapler.StaplerAccessibleType;

/**
 * What one AEM step of a build did, as its page on the build shows it: where it worked, what it asked, how it ended and
 * when, and what each kind of step has to show besides (a subclass each, with its {@code detail.jelly}). Kept with the
 * build in {@value StepRecords#FILE_NAME}, never with a secret: what it holds comes from the job's settings and from the
 * client's words and facts, which carry none.
 *
 * <p>Every record of a build shares one lock, its {@link StepRecords}: the client's threads write to it while the
 * page reads it and the file is written. Subclasses change their fields only in {@link #write} and read them in
 * {@link #read}.
 */
@StaplerAccessibleType // its page is reached through a getter: aem/step/N/, report/N/
public abstract class StepRecord {

    /** How a step stands. */
    public enum Status {
        RUNNING, SUCCESS, FAILURE, ABORTED,
        /** Still marked running, in a build that has ended: Jenkins stopped, or the build ended, while the step ran. */
        INTERRUPTED
    }

    /** At most this many warnings are kept per step; the console has them all. */
    static final int MAX_WARNINGS = 20;

    private int id;
    private String connection;
    private final String server;
    private final String task;
    private final String asked;
    private long startedAt;
    private long endedAt;
    private Status status = Status.RUNNING;
    private String outcome = "";
    private String failure;
    private final List<String> warnings = new ArrayList<>();
    transient StepRecords owner;

    /**
     * @param connection the connection as the step named it (a global connection's name, or a URL), until the step
     *                   resolves it
     * @param server     the server as the step named it
     * @param task       the task as the step named it, its Compose project included
     * @param asked      what the step asks, in words
     */
    protected StepRecord(String connection, String server, String task, String asked) {
        this.connection = connection;
        this.server = server;
        this.task = task;
        this.asked = asked;
        this.startedAt = System.currentTimeMillis();
    }

    /** The kind of step, for the list of steps: run, stop, status, health wait, export, deploy. */
    public abstract String getKind();

    /** The step in a line, for its page's heading: its kind and its task, such as {@code run Orders}. */
    public String getTitle() {
        return getKind() + " " + getTask();
    }

    /** The step in a line with its server, for the build's summary: {@code run Orders (Replicate-Prod)}. */
    public String getTitleWithServer() {
        return getTitle() + " (" + getServer() + ")";
    }

    /** Takes a fact the client told while the step ran; each kind takes the facts it shows. */
    protected void accept(ProgressFact fact) {
    }

    /** Whether the page of this record is worth saving at once after {@code fact}, or may wait for the next save. */
    protected boolean urgent(ProgressFact fact) {
        return true;
    }

    /** Changes the record under the build's lock, and has it saved (at once when {@code urgent}). */
    protected final void write(Runnable change, boolean urgent) {
        StepRecords records = owner;
        if (records == null) {
            change.run(); // not part of a build yet
            return;
        }
        synchronized (records) {
            change.run();
        }
        records.changed(urgent);
    }

    /** Reads the record under the build's lock. */
    protected final <T> T read(Supplier<T> value) {
        StepRecords records = owner;
        if (records == null) {
            return value.get();
        }
        synchronized (records) {
            return value.get();
        }
    }

    final void number(int id) {
        this.id = id;
    }

    /** The step's number in the build, from 1; its page is {@code aem/step/N/}. */
    public int getId() {
        return id;
    }

    /** The build the step ran in. */
    public Run<?, ?> getRun() {
        return owner.run();
    }

    public String getConnection() {
        return read(() -> connection);
    }

    /** The connection as the step resolved it, for example {@code connection 'prod' (https://aem.example.com)}. */
    public void connection(String label) {
        write(() -> connection = label, false);
    }

    public String getServer() {
        return server;
    }

    public String getTask() {
        return task;
    }

    public String getAsked() {
        return asked;
    }

    public long getStartedAt() {
        return startedAt;
    }

    /** How the step stands; a step still marked running in a build that ended was interrupted. */
    public Status getStatus() {
        Status s = read(() -> status);
        StepRecords records = owner;
        if (s == Status.RUNNING && records != null && records.run() != null && !records.run().isBuilding()) {
            return Status.INTERRUPTED;
        }
        return s;
    }

    /** The outcome in one line, or while running, what it does. */
    public String getOutcome() {
        return read(() -> status == Status.RUNNING && outcome.isEmpty() ? Messages.StepRecord_Running() : outcome);
    }

    /** The failure as the console said it (AEM's code and message, and what to do), or {@code null}. */
    @CheckForNull
    public String getFailure() {
        if (getStatus() == Status.INTERRUPTED) {
            return Messages.StepRecord_Interrupted();
        }
        return read(() -> failure);
    }

    public List<String> getWarnings() {
        return read(() -> List.copyOf(warnings));
    }

    /** How long the step took, or has taken so far, in words such as {@code 1 min 3 sec}. */
    public String getDuration() {
        long end = read(() -> endedAt);
        return Util.getTimeSpanString((end == 0 ? System.currentTimeMillis() : end) - startedAt);
    }

    /** When the step started, for the page's date format. */
    public Date getStartedDate() {
        return new Date(startedAt);
    }

    /** A moment of the step as the page shows it: seconds since the step started, such as {@code +2.1 s}. */
    public String since(long millis) {
        return String.format(Locale.ROOT, "+%.1f s", Math.max(0, millis - startedAt) / 1000.0);
    }

    void warn(String message) {
        write(() -> {
            if (warnings.size() < MAX_WARNINGS && !warnings.contains(message)) {
                warnings.add(message);
            }
        }, false);
    }

    /** The step ended as it should: {@code outcome} says how, in one line. */
    protected final void succeeded(String line) {
        ended(Status.SUCCESS, line, null);
    }

    final void ended(Status how, String line, @CheckForNull String why) {
        write(() -> {
            ending(how, why);
            status = how;
            outcome = line;
            failure = why;
            endedAt = System.currentTimeMillis();
        }, true);
    }

    /** What a kind of step does when its step ends, under the lock; by default nothing. */
    protected void ending(Status how, @CheckForNull String why) {
    }

    /** Jenkins restarted and the step picks its work up again: it runs once more. */
    final void resumed() {
        write(() -> {
            status = Status.RUNNING;
            endedAt = 0;
        }, true);
    }

    /** For tests that draw a page from a record fed by hand: when the step started. */
    final void startedAt(long millis) {
        write(() -> startedAt = millis, false);
    }
}
