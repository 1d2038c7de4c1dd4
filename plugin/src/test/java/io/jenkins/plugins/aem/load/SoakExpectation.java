package io.jenkins.plugins.aem.load;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a soak build must end, and the check of it. Each returns what is wrong, or null. Only the plugin's own console
 * lines are looked for; logs are never printed (they are scanned for secrets instead).
 */
enum SoakExpectation {

    /** Waited across a graceful restart, to the deadline it stored, and its task got there: success. */
    RESUMED_SUCCESS("SUCCESS", 1, true, "ended: RUNNING"),
    /** Waited across a graceful restart, to the deadline it stored, and its task never started: timed out. */
    RESUMED_TIMEOUT("FAILURE", 1, true, "Timed out"),
    /** Waited while AEM lost every session: logged in again and went on. */
    SUCCESS("SUCCESS", 1, false, "ended: RUNNING"),
    /** Its run was recorded as sent when the controller was killed: it waits again, sending nothing. */
    KILLED_AFTER_SENT("SUCCESS", 1, true, "ended: RUNNING"),
    /**
     * Killed before its run was recorded as sent (it never was: AEM held its login): it cannot know, says so, waits for
     * the state anyway, and fails as the task never moves: at its deadline, or at its first read when the restart took
     * longer than AEM's status lag grace, since a task still STOPPED that long after a run did not start.
     */
    KILLED_BEFORE_SENT("FAILURE", 0, true, "Timed out", "it did not start");

    private static final Pattern RESUMED_UNTIL = Pattern.compile("Jenkins restarted: waiting again for .* until (\\S+), using");
    static final String CANNOT_KNOW = "Jenkins restarted before it recorded whether the RUN command reached AEM";

    private final String result;
    private final int runs;
    private final boolean resumes;
    private final String[] endings;

    SoakExpectation(String result, int runs, boolean resumes, String... endings) {
        this.result = result;
        this.runs = runs;
        this.resumes = resumes;
        this.endings = endings;
    }

    /** How many RunTask calls AEM must have seen for this build's task. */
    int runs() {
        return runs;
    }

    /**
     * What is wrong with this ending, or null.
     *
     * @param storedDeadline the deadline the step told before the restart, or null when not taken
     * @param runsSeen       RunTask calls AEM received for the task
     */
    @CheckForNull
    String problem(SoakRemote.Outcome outcome, @CheckForNull String storedDeadline, long runsSeen) {
        if (!result.equals(outcome.result())) {
            return "ended " + outcome.result() + ", expected " + result;
        }
        if (java.util.Arrays.stream(endings).noneMatch(outcome.log()::contains)) {
            return "none of " + java.util.Arrays.toString(endings) + " in its log";
        }
        if (runsSeen != runs) {
            return "AEM saw " + runsSeen + " runs of its task, expected " + runs;
        }
        Matcher m = RESUMED_UNTIL.matcher(outcome.log());
        boolean resumed = m.find();
        if (resumes != resumed) {
            return resumes ? "did not resume its wait" : "resumed although Jenkins never restarted under it";
        }
        if (resumed && (this == RESUMED_SUCCESS || this == RESUMED_TIMEOUT) && storedDeadline == null) {
            return "its deadline was not taken before the restart";
        }
        if (resumed && storedDeadline != null && !storedDeadline.equals(m.group(1))) {
            return "resumed until " + m.group(1) + " instead of its stored deadline " + storedDeadline;
        }
        if (this == KILLED_BEFORE_SENT && !outcome.log().contains(CANNOT_KNOW)) {
            return "did not say that it cannot know whether its run was sent";
        }
        return null;
    }

    /** Which of the endings this build's log shows, for the detail line. */
    String endingSeen(SoakRemote.Outcome outcome) {
        return java.util.Arrays.stream(endings).filter(outcome.log()::contains).findFirst().orElse("none");
    }

    /** Whether the build resumed a wait after a restart. */
    static boolean resumed(SoakRemote.Outcome outcome) {
        return RESUMED_UNTIL.matcher(outcome.log()).find();
    }

    /** Whether the build is lost: gone, or not ended long after the controller came back. */
    static boolean lost(SoakRemote.Outcome outcome) {
        return "MISSING".equals(outcome.result()) || "STILL_RUNNING".equals(outcome.result());
    }
}
