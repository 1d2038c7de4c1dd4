package io.jenkins.plugins.aem.testsupport;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The whole-suite pass, run when the JUnit Jupiter engine closes its root store after the last class. An exception
 * from here is reported by Surefire as a failure of "JUnit Jupiter" and fails the build, which a launcher session
 * listener could not do. It catches what the per-class check cannot: output written between classes, and a secret
 * printed before it became known (a password a later simulator was configured with).
 */
final class SuiteCheck implements AutoCloseable {

    private final SuiteScan suite;

    SuiteCheck(SuiteScan suite) {
        this.suite = suite;
    }

    @Override
    public void close() {
        List<Leak> leaks = suite.unnamedLeaks();
        if (!leaks.isEmpty()) {
            throw new AssertionError(message(leaks, "the test run"));
        }
    }

    /** Says what leaked, and where, without the secrets. */
    static String message(List<Leak> leaks, String where) {
        return "Secret scan: " + where + " printed or logged "
                + leaks.stream().map(Leak::describe).collect(Collectors.joining(", "))
                + " outside any test class, or before the secret was known. Find where it is written and remove it.";
    }
}
