package io.jenkins.plugins.aem.simulator;

/**
 * Told of every secret the simulator knows: configured passwords and tokens with the {@code Authorization} value a
 * client would send for each, every session ID it issues, every credential or session ID a client sends it (the
 * password inside a Basic value too, even a wrong one), and every endpoint secret: configured, received in an
 * ImportTask body (clear or encrypted), or sent encrypted in an ExportTask answer. A test suite uses it to fail when any of them shows up in what
 * was printed or logged.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} when a simulator starts; with none on the class
 * path nothing is reported and nothing is computed. They are called from the simulator's threads and must be quick
 * and thread-safe. The demo configuration's passwords are not reported: they are published (in the banner, in
 * {@code --help}, in the README), so showing them is no leak.
 */
public interface SecretObserver {

    /** What a secret is, so that a scan can say what leaked without showing it. */
    enum Kind {
        /** A password or personal access token. */
        PASSWORD,
        /** A session ID. */
        SESSION_ID,
        /** An {@code Authorization} value: the Base64 {@code user:password} of Basic credentials, or a whole header. */
        AUTHORIZATION,
        /** An endpoint secret in its encrypted {@code {Z...}} form: usable on the server that encrypted it. */
        ENCRYPTED_SECRET
    }

    /** A value that must never be printed, logged or written to a file. */
    void secretIssued(Kind kind, String secret);
}
