package io.jenkins.plugins.aem.impl;

import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.FailureKind;
import java.util.List;
import java.util.Objects;

/** How a set's step words the tasks that did not go as asked, when it fails for them. */
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

    /** The names, quoted: all of them up to {@value #NAMES}, then how many more. */
    static String names(List<String> names) {
        List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
        return quoted.size() <= NAMES ? String.join(", ", quoted)
                : String.join(", ", quoted.subList(0, NAMES)) + " and " + (quoted.size() - NAMES) + " more";
    }
}
