package io.jenkins.plugins.aem.simulator.scan;

import io.jenkins.plugins.aem.simulator.SecretObserver;
import io.jenkins.plugins.aem.testsupport.SecretRegistry;

/**
 * Hands what the simulator reports to the suite-wide secret scan. Shipped in the simulator's test jar, so every module
 * whose tests run a simulator gets it by depending on that jar (see aem-test-support's README).
 */
public final class RegistrySecretObserver implements SecretObserver {

    @Override
    public void secretIssued(String secret) {
        SecretRegistry.global().add(secret);
    }
}
