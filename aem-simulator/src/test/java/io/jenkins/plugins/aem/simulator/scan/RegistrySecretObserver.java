package io.jenkins.plugins.aem.simulator.scan;

import io.jenkins.plugins.aem.simulator.SecretObserver;
import io.jenkins.plugins.aem.testsupport.SecretKind;
import io.jenkins.plugins.aem.testsupport.SecretScan;

/**
 * Hands what the simulator reports to the suite-wide secret scan. Shipped in the simulator's test jar, so every module
 * whose tests run a simulator gets it by depending on that jar (see aem-test-support's README).
 */
public final class RegistrySecretObserver implements SecretObserver {

    @Override
    public void secretIssued(Kind kind, String secret) {
        SecretScan.register(SecretKind.valueOf(kind.name()), secret); // the two enums share their names
    }
}
