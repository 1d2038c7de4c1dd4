package io.jenkins.plugins.aem.testsupport;

import java.io.PrintStream;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the capture when the launcher session opens, before any test class is even discovered, and makes a last pass
 * when it closes. Registered through {@code META-INF/services}, so Surefire and IDEs load it with no configuration.
 *
 * <p>A session listener cannot fail a test, so the classes' {@link SecretScanExtension} and the engine's
 * {@link SuiteCheck} are where leaks normally fail the build. This pass only sees what neither could: output written
 * after the engine finished. For that it prints a message to the real {@code System.err} and ends the JVM with
 * status {@value #LEAK_STATUS}; Surefire then fails the build with "The forked VM terminated without properly saying
 * goodbye", right under the message. Otherwise it prints one summary line.
 */
public final class SecretScanSession implements LauncherSessionListener {

    /** The exit status of a test JVM whose output held a secret no failure had named. */
    static final int LEAK_STATUS = 86;

    private final SuiteScan suite;
    private final Supplier<PrintStream> err;
    private final IntConsumer exit;

    /** The listener the launcher loads. */
    public SecretScanSession() {
        // The real System.err, not through the capture: this message is the last word, and must not scan itself.
        this(SuiteScan.get(), () -> SuiteScan.get().capture().originalErr(), System::exit);
    }

    /** For the scan's own tests: somewhere else to write, and a way to end the JVM that does not end it. */
    SecretScanSession(SuiteScan suite, Supplier<PrintStream> err, IntConsumer exit) {
        this.suite = suite;
        this.err = err;
        this.exit = exit;
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        suite.capture();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        PrintStream err = this.err.get();
        List<Leak> leaks = suite.unnamedLeaks();
        if (leaks.isEmpty()) {
            err.println("Secret scan: " + suite.summary() + ".");
            return;
        }
        err.println();
        err.println("*** " + SuiteCheck.message(leaks, "this test JVM") + " ***");
        err.println("*** Ending the test JVM with status " + LEAK_STATUS + " so that the build fails. ***");
        err.flush();
        exit.accept(LEAK_STATUS);
    }
}
