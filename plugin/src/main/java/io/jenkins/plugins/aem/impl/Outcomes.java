package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.FailureKind;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/** How a set's step tells the tasks that did not go as asked, and words its failure for them. */
final class Outcomes {

    /** How many names a message lists before it only counts the rest. */
    private static final int NAMES = 20;

    private Outcomes() {
    }

    /**
     * The set's failure, worded by the step: of the kind of a task's failure that the client's exit code for the whole
     * says (the client ranks them), with that failure's remedy, so that the step fails as that kind does (an abort as
     * an abort).
     */
    static AemException.Builder failure(List<AemException> errors, int exitCode, String message) {
        AemException worst = errors.stream().filter(Objects::nonNull).filter(e -> e.kind().exitCode() == exitCode)
                .findFirst().orElse(errors.stream().filter(Objects::nonNull).findFirst().orElse(null));
        FailureKind kind = worst != null ? worst.kind()
                : exitCode == FailureKind.CANCELLED.exitCode() ? FailureKind.CANCELLED : FailureKind.AEM_ERROR;
        return AemException.of(kind, message).remedy(worst == null ? null : worst.remedy());
    }

    /**
     * Says in the console how one task of a set ended when it did not go as asked: its result on a line, then its
     * failure as a single task's step says it, or why it was not started.
     */
    static void report(PrintStream console, String task, String result, @CheckForNull AemException error,
                       @CheckForNull String note) {
        if (error != null) {
            console.println(ConsoleProgress.PREFIX + "Task '" + task + "': " + result);
            console.println(FailureReporter.describe(error));
        } else if (note != null) {
            console.println(ConsoleProgress.PREFIX + "Task '" + task + "': " + result + ": " + note);
        }
    }

    /** The names, quoted: all of them up to {@value #NAMES}, then how many more. */
    static String names(List<String> names) {
        List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
        return quoted.size() <= NAMES ? String.join(", ", quoted)
                : String.join(", ", quoted.subList(0, NAMES)) + " and " + (quoted.size() - NAMES) + " more";
    }
}
