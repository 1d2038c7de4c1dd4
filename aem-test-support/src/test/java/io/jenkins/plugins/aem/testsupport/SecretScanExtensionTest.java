package io.jenkins.plugins.aem.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The scan fails a class that prints or logs a secret, naming the kind and the test but never the whole secret, and
 * passes one that does not. The classes under test run in a nested engine through the test kit; every secret they use
 * is forgotten after each test, so that this class's own scan, and the real suite check, stay clean.
 */
class SecretScanExtensionTest {

    // One secret per test: the whole-session check sees everything printed so far, so a value one test printed must
    // never become a secret in another.
    static final String PRINTED = "Printed-Session-0123456789";
    static final String LOGGED = "Logged-Secret-0123456789";
    static final String BEFORE_ALL = "BeforeAll-Secret-012345";
    static final String IN_HEADER = "Header-Secret-0123456789";
    static final String NEVER_PRINTED = "Never-Printed-Secret-01";
    static final String LATE = "Known-Only-Later-42";
    static final String IN_MESSAGE = "Message-Secret-0123456789";

    @AfterEach
    void forget() {
        for (String s : new String[] {PRINTED, LOGGED, BEFORE_ALL, IN_HEADER, NEVER_PRINTED, LATE, IN_MESSAGE,
                SecretScanSessionTest.basic("ops", IN_HEADER)}) {
            SuiteScan.get().forget(s);
        }
    }

    @Test
    void classPrintingASecretFailsNamingKindAndTestButNotTheSecret() {
        SecretScan.register(SecretKind.SESSION_ID, PRINTED);
        run(PrintsSecret.class).containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(message(m ->
                m.startsWith("Secret scan: " + PrintsSecret.class.getName() + " printed or logged a session ID ('Prin…', "
                        + PRINTED.length() + " characters) during prints()")
                        && !m.contains(PRINTED))));
    }

    @Test
    void classLoggingASecretFails() {
        SecretScan.register(LOGGED);
        run(LogsSecret.class).containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(message(m ->
                m.contains("a password or token ('Logg…'") && m.contains("during logs()") && !m.contains(LOGGED))));
    }

    @Test
    void aLeakOutsideATestMethodIsSaidAsSuch() {
        SecretScan.register(BEFORE_ALL);
        run(PrintsSecretInBeforeAll.class).containerEvents().assertThatEvents().haveExactly(1,
                finishedWithFailure(message(m -> m.contains("outside any test method"))));
    }

    @Test
    void theBasicValueOfARegisteredLoginCounts() {
        SecretScan.registerLogin("ops", IN_HEADER);
        run(PrintsAuthorizationHeader.class).containerEvents().assertThatEvents().haveExactly(1,
                finishedWithFailure(message(m -> m.contains("an Authorization value")
                        && !m.contains(SecretScanSessionTest.basic("ops", IN_HEADER)))));
    }

    @Test
    void cleanClassPasses() {
        SecretScan.register(NEVER_PRINTED);
        Events events = run(PrintsNothingSecret.class).allEvents();
        events.assertStatistics(stats -> stats.failed(0).succeeded(5)); // engine, class and its 3 tests
    }

    @Test
    void aSecretPrintedBeforeItWasKnownFailsTheRunWhenTheEngineEnds() {
        System.out.println("a value that is no secret yet: " + LATE);
        SecretScan.register(LATE);
        // The class itself printed nothing: it passes, and the suite check at the end of the engine run fails instead.
        Events containers = run(PrintsNothingSecret.class).containerEvents();
        containers.assertThatEvents()
                .haveExactly(1, event(container(PrintsNothingSecret.class), finishedSuccessfully()))
                .haveExactly(1, event(engine(), finishedWithFailure(message(m -> m.contains("a password or token ('Know…'")
                        && m.contains("before the secret was known") && !m.contains(LATE)))));
    }

    @Test
    void shortValuesAreNotSecrets() {
        SecretScan.register("abc12");
        assertThat(SecretRegistry.global().findIn("state abc12")).isEmpty();
    }

    @Test
    void shortSecretsShowOnlyTheirLength() {
        assertThat(new Leak(SecretKind.PASSWORD, "s3cret-pw").describe()).isEqualTo("a password or token (9 characters)");
    }

    @Test
    void assertCleanNamesWhereWithoutTheSecret() {
        SecretScan.register(IN_MESSAGE);
        assertThatThrownBy(() -> SecretScan.assertClean("the command's stderr", "login failed for " + IN_MESSAGE))
                .hasMessageContaining("the command's stderr").hasMessageContaining("a password or token")
                .message().doesNotContain(IN_MESSAGE);
        SecretScan.assertClean("a clean text", "task 'Orders' is RUNNING");
    }

    private static org.junit.platform.testkit.engine.EngineExecutionResults run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .selectors(selectClass(testClass))
                .execute();
    }

    // Run only through the test kit above: Surefire skips nested classes.
    static class PrintsSecret {
        @Test
        void prints() {
            System.out.println("session " + PRINTED);
        }
    }

    static class LogsSecret {
        @Test
        void logs() {
            Logger.getLogger("sample").warning("login with " + LOGGED);
        }
    }

    static class PrintsSecretInBeforeAll {
        @BeforeAll
        static void prints() {
            System.err.println("starting with " + BEFORE_ALL);
        }

        @Test
        void nothing() {
        }
    }

    static class PrintsAuthorizationHeader {
        @Test
        void prints() {
            System.out.println("Authorization: Basic " + SecretScanSessionTest.basic("ops", IN_HEADER));
        }
    }

    static class PrintsNothingSecret {
        @Test
        void prints() {
            System.out.println("task 'Orders' is RUNNING");
        }

        @Test
        void logs() {
            Logger.getLogger("sample").info("nothing to see");
        }

        @Test
        void logsFine() {
            Logger.getLogger("io.jenkins.plugins.aem.sample").fine("debug detail, captured though not printed");
        }
    }
}
