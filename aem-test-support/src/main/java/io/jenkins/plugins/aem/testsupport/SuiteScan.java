package io.jenkins.plugins.aem.testsupport;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scan's state in this test JVM: the secrets, the captured output, and which leaks a failure has named already.
 *
 * <p>It is one per JVM and reached statically, on purpose. What it watches is itself one per JVM ({@code System.out},
 * {@code System.err}, the root logger), and its three users cannot hand an instance to each other: the simulator's
 * observer is created by {@link java.util.ServiceLoader} on the simulator's threads, the JUnit extension by
 * autodetection, and the {@link SecretScanSession} by the launcher. It exists in test code only; product code keeps no
 * such state.
 */
final class SuiteScan {

    private static final SuiteScan INSTANCE = new SuiteScan();

    private final SecretRegistry registry = new SecretRegistry();
    private final Set<String> named = ConcurrentHashMap.newKeySet();
    private OutputCapture capture; // guarded by this; installed on first use, so merely adding secrets captures nothing

    private SuiteScan() {
    }

    static SuiteScan get() {
        return INSTANCE;
    }

    SecretRegistry registry() {
        return registry;
    }

    /** The capture, installed the first time it is asked for: when the launcher session opens, or a class starts. */
    synchronized OutputCapture capture() {
        if (capture == null) {
            capture = OutputCapture.install();
        }
        return capture;
    }

    /** Forgets a secret altogether, for the scan's own tests, which leak on purpose. */
    void forget(String secret) {
        registry.remove(secret);
        named.remove(secret);
    }

    /** Remembers that a failure named these leaks, so the later whole-suite passes do not report them again. */
    void named(List<Leak> leaks) {
        leaks.forEach(l -> named.add(l.secret()));
    }

    /**
     * The leaks in everything captured so far that no failure has named: output written between or after classes, and
     * secrets that only became known after the text holding them was printed. Marks them as named.
     */
    List<Leak> unnamedLeaks() {
        List<Leak> leaks = registry.findIn(capture().textFrom(0)).stream()
                .filter(l -> !named.contains(l.secret()))
                .toList();
        named(leaks);
        return leaks;
    }

    /** One line on what was checked and found, so a build log shows the scan ran. */
    String summary() {
        return registry.size() + " secrets checked against " + capture().position() / 1024 + " KiB of output: "
                + (named.isEmpty() ? "no leak" : named.size() + " leaked, named in the failures above");
    }
}
