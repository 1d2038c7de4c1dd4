package io.jenkins.plugins.aem.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The last pass, when the launcher session closes: a leak no failure named ends the JVM with a clear message (here a
 * stand-in for {@code System.exit}); otherwise it prints one summary line.
 */
class SecretScanSessionTest {

    private static final String SECRET = "Printed-After-The-Engine-77";
    private static final String REPEATED = "Printed-Twice-Secret-88";

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger exitStatus = new AtomicInteger(-1);
    private final SecretScanSession session = new SecretScanSession(SuiteScan.get(),
            () -> new PrintStream(err, true, StandardCharsets.UTF_8), exitStatus::set);

    @AfterEach
    void forget() {
        SuiteScan.get().forget(SECRET);
        SuiteScan.get().forget(REPEATED);
    }

    @Test
    void anUnnamedLeakEndsTheJvmWithAMessageWithoutTheSecret() {
        SecretScan.register(SecretKind.AUTHORIZATION, SECRET);
        System.out.println("late output: " + SECRET);

        session.launcherSessionClosed(null);

        assertThat(exitStatus).hasValue(SecretScanSession.LEAK_STATUS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("an Authorization value ('Prin…', 27 characters)")
                .contains("status " + SecretScanSession.LEAK_STATUS).doesNotContain(SECRET);
    }

    @Test
    void aLeakIsNamedOnlyOnce() {
        SecretScan.register(REPEATED);
        System.out.println("late output: " + REPEATED);
        session.launcherSessionClosed(null);
        assertThat(exitStatus).hasValue(SecretScanSession.LEAK_STATUS);
        exitStatus.set(-1);

        session.launcherSessionClosed(null);

        assertThat(exitStatus).hasValue(-1);
    }

    @Test
    void withoutALeakItOnlySaysWhatItChecked() {
        session.launcherSessionClosed(null);

        assertThat(exitStatus).hasValue(-1);
        assertThat(err.toString(StandardCharsets.UTF_8)).matches("Secret scan: \\d+ secrets checked against \\d+ KiB "
                + "of output: no leak\\.\\R");
    }

    /** The Base64 {@code user:password} of a Basic header. */
    static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
