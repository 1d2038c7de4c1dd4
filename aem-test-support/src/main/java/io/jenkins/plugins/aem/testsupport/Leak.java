package io.jenkins.plugins.aem.testsupport;

/**
 * A secret found in some text. {@link #toString()} never shows the secret: a failure message that repeated it would
 * be a leak of its own, in the build log.
 */
record Leak(SecretKind kind, String secret) {

    /** Below this length even four characters would give away too much of the value, so only the length is shown. */
    static final int PREFIX_FROM_LENGTH = 12;
    private static final int PREFIX = 4;

    /** The kind, the length and, for long values, the first four characters: {@code "a session ID ('q3Zx…', 22 characters)"}. */
    String describe() {
        String article = kind.label().matches("^[aeiouAEIOU].*") ? "an " : "a ";
        String prefix = secret.length() >= PREFIX_FROM_LENGTH ? "'" + secret.substring(0, PREFIX) + "…', " : "";
        return article + kind.label() + " (" + prefix + secret.length() + " characters)";
    }

    @Override
    public String toString() {
        return describe();
    }
}
