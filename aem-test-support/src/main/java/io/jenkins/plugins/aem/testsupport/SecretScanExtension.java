package io.jenkins.plugins.aem.testsupport;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when a secret of the {@link SecretRegistry} shows up in what was printed or logged while it ran.
 * Registered for every test class through JUnit's extension autodetection (see this module's README), so the whole
 * suite is scanned without any test opting in. The failure names the class and the kind of leak, never the secret.
 */
public final class SecretScanExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SecretScanExtension.class);
    private static final String MARK = "mark";

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(MARK, OutputCapture.install().open());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Long mark = context.getStore(NAMESPACE).get(MARK, Long.class);
        String text = OutputCapture.install().close(mark == null ? 0 : mark);
        List<String> leaks = SecretRegistry.global().findIn(text);
        if (!leaks.isEmpty()) {
            throw new AssertionError("Secret scan: " + context.getRequiredTestClass().getName() + " printed or logged "
                    + SecretRegistry.describe(leaks)
                    + " (a password, token, session ID or Authorization value). Find where it is written and remove it.");
        }
    }
}
