package io.jenkins.plugins.aem.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets to look for: every password, token, session ID and {@code Authorization} value a simulator was configured
 * with, issued or received, and any a test registered itself through {@link SecretScan}. Thread-safe: simulators add
 * to it from their own threads while the scan reads it.
 */
public final class SecretRegistry {

    /**
     * Shorter values are ignored: a 5-character value (a test's {@code "pw"}, {@code "admin"}) is too likely to occur in
     * ordinary output by chance, and would fail classes for nothing.
     */
    public static final int MIN_LENGTH = 6;

    private final Map<String, SecretKind> secrets = new ConcurrentHashMap<>();

    SecretRegistry() {
    }

    /**
     * The registry of this test JVM. It is reached statically because the simulator's observer is created by
     * {@link java.util.ServiceLoader} inside the simulator and has no other way to find it; see {@link SuiteScan}.
     */
    public static SecretRegistry global() {
        return SuiteScan.get().registry();
    }

    /**
     * Adds a secret; values shorter than {@value #MIN_LENGTH} characters are ignored. A value already known keeps the
     * kind it was first added with.
     */
    public void add(SecretKind kind, String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            secrets.putIfAbsent(secret, kind);
        }
    }

    /** Forgets a secret, for tests of the scan itself. */
    void remove(String secret) {
        secrets.remove(secret);
    }

    /** The secrets that occur in this text: exact, case-sensitive substrings. */
    List<Leak> findIn(String text) {
        List<Leak> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        secrets.forEach((secret, kind) -> {
            if (text.contains(secret)) {
                found.add(new Leak(kind, secret));
            }
        });
        return found;
    }

    /** How many secrets are known, for the scan's summary line. */
    int size() {
        return secrets.size();
    }
}
