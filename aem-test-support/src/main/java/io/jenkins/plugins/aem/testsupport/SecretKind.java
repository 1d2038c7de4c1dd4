package io.jenkins.plugins.aem.testsupport;

/** What a secret is, so that a failure can say what leaked without showing it. */
public enum SecretKind {
    /** A configured password or personal access token, or one a client sent. */
    PASSWORD("password or token"),
    /** A session ID the simulator issued or received. */
    SESSION_ID("session ID"),
    /** The value of an {@code Authorization} header (the Base64 {@code user:password} of Basic credentials). */
    AUTHORIZATION("Authorization value"),
    /** An endpoint secret in the encrypted {@code {Z...}} form AEM exports: usable on the server that encrypted it. */
    ENCRYPTED_SECRET("encrypted endpoint secret");

    private final String label;

    SecretKind(String label) {
        this.label = label;
    }

    /** The kind in words, for failure messages: {@code "session ID"}. */
    public String label() {
        return label;
    }
}
