package io.jenkins.plugins.aem.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when a secret of the {@link SecretRegistry} shows up in what was printed or logged while it ran,
 * naming the kind of secret and the test that printed it, never the secret. Registered for every test class through
 * JUnit's extension autodetection (see this module's README), so the whole suite is scanned without a test opting in.
 *
 * <p>It also hangs a {@link SuiteCheck} on the engine's root store, once: closed when the engine has run every class,
 * it fails the run for leaks no class was blamed for.
 */
public final class SecretScanExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SecretScanExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        SuiteScan suite = SuiteScan.get();
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SuiteCheck.class, k -> new SuiteCheck(suite),
                SuiteCheck.class);
        context.getStore(NAMESPACE).put(ClassScan.class, new ClassScan(suite.capture().position()));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ClassScan scan = classScan(context);
        if (scan != null) {
            scan.testStarted(SuiteScan.get().capture().position());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ClassScan scan = classScan(context);
        if (scan != null) {
            scan.testFinished(context.getDisplayName(), SuiteScan.get().capture().position());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassScan scan = context.getStore(NAMESPACE).get(ClassScan.class, ClassScan.class);
        String leaks = scan == null ? null : scan.check(SuiteScan.get());
        if (leaks != null) {
            throw new AssertionError("Secret scan: " + context.getRequiredTestClass().getName()
                    + " printed or logged " + leaks + ". Find where it is written and remove it.");
        }
    }

    /** The class's scan, found from a test's context through the class's store (the parent's). */
    private static ClassScan classScan(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(ClassScan.class, ClassScan.class);
    }
}
