package io.jenkins.plugins.aem.simulator;

/**
 * Told of every secret the simulator knows: configured passwords and tokens, every session ID it issues, and every
 * credential a client sends it (the {@code Authorization} value and the password inside it, even a wrong one). A test
 * suite uses it to fail when any of them shows up in what was printed or logged.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} when a simulator starts; with none on the class
 * path nothing is reported. They are called from the simulator's threads and must be quick and thread-safe.
 */
public interface SecretObserver {

    /** A value that must never be printed, logged or written to a file. */
    void secretIssued(String secret);
}
