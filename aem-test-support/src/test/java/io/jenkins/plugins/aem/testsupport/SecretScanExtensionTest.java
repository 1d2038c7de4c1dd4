package io.jenkins.plugins.aem.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventConditions;
import org.junit.platform.testkit.engine.Events;
import org.junit.platform.testkit.engine.TestExecutionResultConditions;

/** The scan fails a class that prints or logs a secret, passes one that does not, and never shows the secret. */
class SecretScanExtensionTest {

    static final String SECRET = "Sample-Secret-0123456789";

    @AfterEach
    void forget() {
        SecretRegistry.global().remove(SECRET);
    }

    @Test
    void classPrintingASecretFailsWithoutShowingIt() {
        SecretScan.register(SECRET);
        Events containers = run(PrintsSecret.class);
        containers.assertThatEvents().haveExactly(1, EventConditions.finishedWithFailure(
                TestExecutionResultConditions.message(m -> m.contains(PrintsSecret.class.getName())
                        && m.contains("a 24-character secret starting 'Sam…'") && !m.contains(SECRET))));
    }

    @Test
    void classLoggingASecretFails() {
        SecretScan.register(SECRET);
        run(LogsSecret.class).assertThatEvents().haveExactly(1, EventConditions.finishedWithFailure());
    }

    @Test
    void cleanClassPasses() {
        SecretScan.register(SECRET);
        run(PrintsNothingSecret.class).assertStatistics(stats -> stats.failed(0).succeeded(2));
    }

    @Test
    void shortValuesAreNotSecrets() {
        SecretScan.register("abc12");
        assertThat(SecretRegistry.global().findIn("state abc12")).isEmpty();
    }

    @Test
    void assertCleanNamesWhereWithoutTheSecret() {
        SecretScan.register(SECRET);
        try {
            SecretScan.assertClean("the command's stderr", "login failed for " + SECRET);
            throw new IllegalStateException("not reached");
        } catch (AssertionError e) {
            assertThat(e.getMessage()).contains("the command's stderr").doesNotContain(SECRET);
        }
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .selectors(selectClass(testClass))
                .execute()
                .containerEvents();
    }

    // Run only through the test kit above: Surefire skips nested classes.
    static class PrintsSecret {
        @Test
        void prints() {
            System.out.println("session " + SECRET);
        }
    }

    static class LogsSecret {
        @Test
        void logs() {
            Logger.getLogger("sample").warning("login with " + SECRET);
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
    }
}
