package io.jenkins.plugins.aem.simulator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The simulator tells the secret scan (through {@link SecretObserver}, found by ServiceLoader) every configured
 * password and token with its Basic value, every session ID it issues, and every password it receives, wrong ones
 * included; and leaves out the demo passwords it publishes.
 */
class SecretObserverTest {

    @Test
    void configuredIssuedAndReceivedSecretsAreReportedWithTheirKind() throws Exception {
        try (AemSimulator sim = AemSimulator.builder().user("ops", "observed-Pa55").token("observed-token-1").start()) {
            RawClient c = new RawClient(sim).loggedIn("ops", "observed-Pa55");
            new RawClient(sim).login("ops", "Wrong-But-Sent-9");

            assertLeaks("observed-Pa55", "a password or token");
            assertLeaks("observed-token-1", "a password or token");
            assertLeaks(basic("ops", "observed-Pa55"), "an Authorization value");
            assertLeaks(basic("api-token", "observed-token-1"), "an Authorization value");
            assertLeaks(c.session, "a session ID");
            assertLeaks("Wrong-But-Sent-9", "a password or token");
        }
    }

    @Test
    void theDemoPasswordsArePublishedNotSecret() throws Exception {
        try (AemSimulator sim = AemSimulator.demo().port(0).start()) {
            new RawClient(sim).loggedIn("admin", "demo-password");
            SecretScan.assertClean("the demo credentials", "admin / demo-password, viewer / viewer-password, "
                    + basic("admin", "demo-password"));
        }
    }

    private static void assertLeaks(String text, String kind) {
        assertThatThrownBy(() -> SecretScan.assertClean("a probe", text)).hasMessageContaining(kind);
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
