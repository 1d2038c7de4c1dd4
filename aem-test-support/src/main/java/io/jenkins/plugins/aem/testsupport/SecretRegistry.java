package io.jenkins.plugins.aem.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The secrets of this test JVM: every password, token, session ID and {@code Authorization} value a simulator issued
 * or received, and any a test registered itself.
 *
 * <p>One per JVM, on purpose: simulators report from their own threads, and the scan runs in a JUnit extension; a
 * process-wide registry is the only meeting point that needs no wiring in every test. It lives in test code only.
 */
public final class SecretRegistry {

    /** Shorter values are too likely to occur by chance (a state name, a number) to count as leaks. */
    public static final int MIN_LENGTH = 6;

    private static final SecretRegistry GLOBAL = new SecretRegistry();

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    SecretRegistry() {
    }

    /** The registry of this JVM. */
    public static SecretRegistry global() {
        return GLOBAL;
    }

    /** Adds a secret; values shorter than {@value #MIN_LENGTH} characters are ignored. */
    public void add(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            secrets.add(secret);
        }
    }

    /** Forgets a secret, for tests of the scan itself. */
    void remove(String secret) {
        secrets.remove(secret);
    }

    /** The secrets that occur in this text. */
    public List<String> findIn(String text) {
        List<String> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        for (String secret : secrets) {
            if (text.contains(secret)) {
                found.add(secret);
            }
        }
        return found;
    }

    /** Names up to five secrets without revealing them, and how many more there are. */
    static String describe(List<String> secrets) {
        String named = secrets.stream().limit(5).map(SecretRegistry::describe).collect(Collectors.joining(", "));
        return secrets.size() > 5 ? named + " and " + (secrets.size() - 5) + " more" : named;
    }

    /** Names a secret without revealing it: its length, and its first three characters only when it is long. */
    static String describe(String secret) {
        return secret.length() >= 12
                ? "a " + secret.length() + "-character secret starting '" + secret.substring(0, 3) + "…'"
                : "a " + secret.length() + "-character secret";
    }
}
