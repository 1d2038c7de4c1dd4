package io.jenkins.plugins.aem.client.definition;

import io.jenkins.plugins.aem.client.AemException;
import java.util.Optional;

/**
 * The secret that fills an endpoint's secret placeholder on a deploy: a user name with its password, or a secret text
 * alone, as Jenkins credentials come. It lives in memory only; {@link #toString()} shows the user name at most.
 */
public final class EndpointSecret {

    private final String username;
    private final String secret;

    private EndpointSecret(String username, String secret) {
        this.username = username;
        this.secret = secret;
    }

    /**
     * A user name and password: the password fills the placeholder, the user name the endpoint's {@code username}
     * (or {@code user}) beside it.
     *
     * @throws AemException ({@link io.jenkins.plugins.aem.client.FailureKind#INVALID_INPUT}) when either is empty
     */
    public static EndpointSecret usernamePassword(String username, String password) {
        if (username == null || username.isBlank()) {
            throw AemException.invalidInput("endpoint secret", "has an empty user name. Give the endpoint's user name, "
                    + "or use a secret text when only the password is to be set.");
        }
        return new EndpointSecret(username.strip(), check(password));
    }

    /**
     * A secret alone (a password, a key, a token).
     *
     * @throws AemException ({@link io.jenkins.plugins.aem.client.FailureKind#INVALID_INPUT}) when it is empty
     */
    public static EndpointSecret secretText(String secret) {
        return new EndpointSecret(null, check(secret));
    }

    private static String check(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw AemException.invalidInput("endpoint secret", "is empty. Give the endpoint's password or secret.");
        }
        return secret;
    }

    /** The user name, when one was given. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** The secret; read only by the filler that puts it into the request body. */
    String secret() {
        return secret;
    }

    /**
     * {@code text} with every secret of {@code secrets} replaced by {@code ****}: for AEM's own messages about a
     * request that carried them, which could quote a value.
     */
    public static String redact(String text, java.util.Collection<EndpointSecret> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (EndpointSecret s : secrets) {
            out = out.replace(s.secret, "****");
        }
        return out;
    }

    @Override
    public String toString() {
        return "EndpointSecret[" + (username == null ? "" : "username=" + username + ", ") + "secret=****]";
    }
}
