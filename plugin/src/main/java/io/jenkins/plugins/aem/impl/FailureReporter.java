package io.jenkins.plugins.aem.impl;

import hudson.AbortException;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.FailureKind;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Words a failure for the build console: what went wrong, AEM's code and message, what to do, and the last state seen.
 * The build fails with an {@link AbortException}, which Jenkins prints without a stack trace.
 */
public final class FailureReporter {

    private FailureReporter() {
    }

    /** The failure as an {@link AemException}, whatever wrapped it; anything unexpected is named, not traced. */
    public static AemException unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof AemException aem) {
            return aem;
        }
        return AemException.of(FailureKind.UNREACHABLE, "Unexpected " + t.getClass().getSimpleName() + " while talking "
                + "to AEM. Run the step again; if it recurs, report it with the build's console output.").build();
    }

    /** The lines the console shows for this failure. */
    public static String describe(AemException e) {
        StringBuilder text = new StringBuilder("AEM: ").append(e.getMessage());
        if (e.errorCode() != null) {
            text.append("\n  AEM error code: ").append(e.errorCode());
        }
        if (e.aemMessage() != null && !e.aemMessage().isBlank() && !e.getMessage().contains(e.aemMessage())) {
            text.append("\n  AEM's message: ").append(e.aemMessage());
        }
        if (e.remedy() != null) {
            text.append("\n  What to do: ").append(e.remedy());
        }
        if (e.lastRawState() != null && e.kind() != FailureKind.INVALID_INPUT
                && !e.getMessage().toLowerCase(Locale.ROOT).contains("last state seen")) {
            text.append("\n  Last state seen: ").append(e.lastRawState());
        }
        return text.toString();
    }

    /** The exception that fails the build with {@link #describe}'s text. */
    public static AbortException toAbort(Throwable failure) {
        return new AbortException(describe(unwrap(failure)));
    }
}
