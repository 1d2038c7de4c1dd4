package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every sentence a health read or a health wait says to a user, in one place: the conditions, the values read, what
 * does not hold yet, and each way a wait ends. docs/troubleshooting.md quotes the fixed parts ({@link #DOCUMENTED}).
 */
final class HealthWording {

    /** The conditions a read can leave unmet, in the order they are told. */
    enum Unmet { STATE, FULL_LOAD, LATENCY, HOLD, TABLES }

    static final String TIMED_OUT = "Timed out after %s s waiting for %s to be healthy (%s)";
    static final String STOPPED_WHILE_NEEDED = "The task stopped while the wait needed it running";
    static final String WAITING_FOR_START = "is STOPPED; this wait sends no command, so it waits for someone or AEM's "
            + "scheduler to start the task, until the deadline";
    static final String NO_LATENCY = "AEM's details of the task carry no CDC latency (Compose tasks have none; older AEM "
            + "releases do not send it), so the max latency cannot hold";
    static final String UNREADABLE_LATENCY = "AEM sent the total latency as '%s', which is not hh:mm:ss; the max latency "
            + "does not hold while AEM sends it so";
    static final String NO_COUNTERS = "AEM's details of the task carry no table counts (older AEM releases do not send "
            + "them), so %s cannot hold";
    static final String TABLE_IN_ERROR = "a table in error keeps the wait from ending until the table is reloaded or "
            + "the deadline passes";

    /** The fixed parts of the messages above, as troubleshooting.md must quote them. */
    static final List<String> DOCUMENTED = List.of(TIMED_OUT.substring(0, TIMED_OUT.indexOf(" %s")),
            STOPPED_WHILE_NEEDED, WAITING_FOR_START, NO_LATENCY, UNREADABLE_LATENCY.substring(0,
                    UNREADABLE_LATENCY.indexOf(" '%s'")), NO_COUNTERS.substring(0, NO_COUNTERS.indexOf(" %s")),
            TABLE_IN_ERROR);

    private HealthWording() {
    }

    /** The conditions in words: {@code RUNNING, full load completed, total latency <= 5 s for 60 s, no table in error}. */
    static String describe(HealthConditions c) {
        List<String> parts = new ArrayList<>();
        if (c.state() != null) {
            parts.add(c.state().name());
        }
        if (c.fullLoadCompleted()) {
            parts.add("full load completed");
        }
        if (c.maxLatency() != null) {
            parts.add("total latency <= " + c.maxLatency().toSeconds() + " s"
                    + (c.latencyHeldFor().isZero() ? "" : " for " + c.latencyHeldFor().toSeconds() + " s"));
        }
        if (c.noTableErrors()) {
            parts.add("no table in error");
        }
        return String.join(", ", parts);
    }

    /**
     * The values of a status in one line: {@code RUNNING; tables 8 completed, 1 loading, 1 queued, 0 in error;
     * total latency 00:02:10 (130 s), source 00:01:05; data errors 0}.
     */
    static String values(TaskStatus s) {
        StringBuilder b = new StringBuilder(s.rawState().isEmpty() ? "no state" : s.rawState());
        if (s.stopReason() != StopReason.NONE) {
            b.append(" (stop reason ").append(s.stopReason()).append(')');
        }
        b.append("; ").append(tables(s));
        b.append("; ").append(latency(s));
        b.append("; data errors ").append(s.dataErrors() < 0 ? "not reported" : String.valueOf(s.dataErrors()));
        return b.toString();
    }

    private static String tables(TaskStatus s) {
        if (s.tablesWithError() < 0 && s.tablesCompleted() < 0) {
            return "table counts not reported";
        }
        String load = s.loadCompleted() ? "full load completed" : Boolean.TRUE.equals(s.fullLoadCompleted())
                ? "full load completed with tables left" : "full load not completed";
        return load + ", tables " + count(s.tablesCompleted()) + " completed, " + count(s.tablesLoading()) + " loading, "
                + count(s.tablesQueued()) + " queued, " + count(s.tablesWithError()) + " in error";
    }

    private static String count(long n) {
        return n < 0 ? "?" : String.valueOf(n);
    }

    private static String latency(TaskStatus s) {
        CdcLatency l = s.cdcLatency();
        if (l == null || l.totalText() == null) {
            return "total latency not reported";
        }
        Duration total = l.total();
        String text = total == null ? "'" + l.totalText() + "' (not hh:mm:ss)" : l.totalText() + " (" + total.toSeconds() + " s)";
        return "total latency " + text + (l.sourceText() == null ? "" : ", source " + l.sourceText());
    }

    /** What does not hold yet, in words, for progress lines and the time-out message. */
    static String unmet(Set<Unmet> unmet, HealthConditions c, TaskStatus s, Duration held) {
        List<String> parts = new ArrayList<>();
        for (Unmet u : unmet) {
            parts.add(switch (u) {
                case STATE -> "state " + c.state() + " (is " + s.rawState() + ")";
                case FULL_LOAD -> "full load completed";
                case LATENCY -> "total latency <= " + c.maxLatency().toSeconds() + " s"
                        + (s.state() == TaskState.RUNNING ? "" : " while RUNNING");
                case HOLD -> "latency held for " + c.latencyHeldFor().toSeconds() + " s (held " + held.toSeconds() + " s)";
                case TABLES -> "no table in error";
            });
        }
        return String.join(", ", parts);
    }

    /** The line a wait starts with. */
    static String start(TaskRef task, HealthConditions c, Instant deadline) {
        return "Waiting for " + task + " to be healthy (" + describe(c) + ") until " + deadline
                + "; this wait reads the task's details only and sends no command.";
    }

    /** A progress line: the values read, and what the wait still waits for. */
    static String progress(TaskRef task, TaskStatus s, String unmet) {
        return task + ": " + values(s) + (unmet.isEmpty() ? "" : "; waiting for: " + unmet);
    }

    static String met(TaskRef task, TaskStatus s, Duration elapsed) {
        return task + " is healthy after " + seconds(elapsed) + " s: " + values(s);
    }

    static String taskFailed(TaskStatus s) {
        return TaskWaiter.failure(s.rawState(), s.stopReason(), s.message()) + " Last values: " + values(s) + ".";
    }

    static String stoppedWhileNeeded(TaskStatus s, HealthConditions c) {
        return STOPPED_WHILE_NEEDED + " (" + describe(c) + "): it is " + s.rawState()
                + (s.stopReason() == StopReason.NONE ? "" : " with stop reason " + s.stopReason())
                + (s.message().isBlank() ? "" : ": " + s.message()) + ". Last values: " + values(s)
                + ". Check the task in AEM; this wait does not start it.";
    }

    static String waitingForStart(TaskRef task) {
        return task + " " + WAITING_FOR_START + ".";
    }

    static String noLatency() {
        return NO_LATENCY + ".";
    }

    static String unreadableLatency(String text) {
        return String.format(Locale.ROOT, UNREADABLE_LATENCY, text) + ".";
    }

    static String noCounters(HealthConditions c) {
        return String.format(Locale.ROOT, NO_COUNTERS, c.fullLoadCompleted() && c.noTableErrors()
                ? "'full load completed' and 'no table in error'" : c.fullLoadCompleted() ? "'full load completed'"
                : "'no table in error'") + ".";
    }

    static String tableInError(TaskStatus s) {
        return s.task() + ": " + s.tablesWithError() + (s.tablesWithError() == 1 ? " table is" : " tables are")
                + " in error; " + TABLE_IN_ERROR + ".";
    }

    static String timedOut(TaskRef task, HealthConditions c, Duration elapsed, TaskStatus last, String unmet,
                           AemException lastError) {
        String seen = last == null ? "no values were read" : "last values: " + values(last) + "; not yet: " + unmet;
        return String.format(Locale.ROOT, TIMED_OUT, seconds(elapsed), task, describe(c)) + "; " + seen
                + (lastError == null ? "" : "; last error: " + (lastError.errorCode() != null ? lastError.errorCode()
                : lastError.getMessage())) + ". Raise the timeout if the task needs longer, or check it in AEM.";
    }

    static String retry(AemException error) {
        return "Reading the task's details failed (" + error.getMessage() + "); trying again.";
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
