package io.jenkins.plugins.aem.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What tests use of the secret scan: adding secrets no simulator knows, and checking text the capture cannot see (a
 * command's own {@code PrintStream}, an exception message, a file) against every secret known.
 */
public final class SecretScan {

    private SecretScan() {
    }

    /** Adds a password or token to look for from now on; shorter than {@value SecretRegistry#MIN_LENGTH} is ignored. */
    public static void register(String secret) {
        register(SecretKind.PASSWORD, secret);
    }

    /** Adds a secret of this kind to look for from now on. */
    public static void register(SecretKind kind, String secret) {
        SecretRegistry.global().add(kind, secret);
    }

    /**
     * Adds a login a test uses against a server that is not a simulator: the password, and the Base64
     * {@code user:password} a Basic {@code Authorization} header carries for it.
     */
    public static void registerLogin(String user, String password) {
        register(SecretKind.PASSWORD, password);
        register(SecretKind.AUTHORIZATION,
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Fails when this text holds any known secret, saying which kind and never the secret.
     *
     * @param where what the text is, for the failure message, for example {@code "the command's stderr"}
     */
    public static void assertClean(String where, String text) {
        List<Leak> leaks = SecretRegistry.global().findIn(text);
        if (!leaks.isEmpty()) {
            // Not marked as named: the text was never captured, and a test may expect this failure.
            throw new AssertionError("Secret scan: " + where + " holds "
                    + leaks.stream().map(Leak::describe).collect(Collectors.joining(", ")) + ".");
        }
    }
}
