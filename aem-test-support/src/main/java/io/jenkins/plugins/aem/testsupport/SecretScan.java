package io.jenkins.plugins.aem.testsupport;


/**
 * For tests that hold output the scan cannot see (a command's own {@code PrintStream}, a file, a message): checks it
 * against the same secrets, and lets a test add secrets no simulator knows (a wrong password it sends on purpose).
 */
public final class SecretScan {

    private SecretScan() {
    }

    /** Adds a secret to look for in everything printed or logged from now on. */
    public static void register(String secret) {
        SecretRegistry.global().add(secret);
    }

    /**
     * Fails when this text holds any secret.
     *
     * @param where what the text is, for the failure message, for example {@code "the command's stderr"}
     */
    public static void assertClean(String where, String text) {
        var leaks = SecretRegistry.global().findIn(text);
        if (!leaks.isEmpty()) {
            throw new AssertionError("Secret scan: " + where + " holds "
                    + SecretRegistry.describe(leaks) + ".");
        }
    }
}
