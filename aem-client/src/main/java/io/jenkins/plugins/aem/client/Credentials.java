package io.jenkins.plugins.aem.client;

import java.util.Objects;

/**
 * A user name and password (or personal access token) for AEM's Basic login. Never printed: {@link #toString()} shows
 * the user only.
 *
 * <p>Windows accounts pass through unchanged in either form AEM accepts, {@code DOMAIN\\user} or
 * {@code user@domain}.
 */
public final class Credentials {

    /** The user name AEM expects with a personal access token. */
    public static final String TOKEN_USER = "api-token";

    private final String username;
    private final String password;

    private Credentials(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /**
     * A user name and password.
     *
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) when either is empty or the password contains {@code :},
     *                      which AEM's Basic login cannot carry
     */
    public static Credentials of(String username, String password) {
        if (username == null || username.isBlank()) {
            throw AemException.invalidInput("username", "is empty. Give the AEM user name (DOMAIN\\user or user@domain for Windows accounts).");
        }
        if (username.indexOf(':') >= 0) {
            throw AemException.invalidInput("username", "contains ':', which AEM's login cannot carry. Check the user name.");
        }
        if (password == null || password.isEmpty()) {
            throw AemException.invalidInput("password", "is empty. Give the AEM user's password.");
        }
        if (password.indexOf(':') >= 0) {
            throw AemException.invalidInput("password", "contains ':', which AEM does not allow in passwords. Change "
                    + "the AEM user's password to one without ':' and update the stored credential.");
        }
        return new Credentials(username.strip(), password);
    }

    /**
     * A personal access token, sent as user {@value #TOKEN_USER}.
     *
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) when the token is empty or contains {@code :}
     */
    public static Credentials token(String token) {
        if (token == null || token.isBlank()) {
            throw AemException.invalidInput("token", "is empty. Give the personal access token generated in AEM.");
        }
        if (token.indexOf(':') >= 0) {
            throw AemException.invalidInput("token", "contains ':', so it is not an AEM personal access token. "
                    + "Copy the token again from AEM.");
        }
        return new Credentials(TOKEN_USER, token.strip());
    }

    /** The user name; safe to print. */
    public String username() {
        return username;
    }

    /** The password. Hand it only to the login request; never print or store it. */
    public String password() {
        return password;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && c.username.equals(username) && c.password.equals(password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, password);
    }

    @Override
    public String toString() {
        return "Credentials[user=" + username + ", password=****]";
    }
}
