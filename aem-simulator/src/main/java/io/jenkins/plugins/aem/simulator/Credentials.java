package io.jenkins.plugins.aem.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The configured users and personal access tokens, and the check of a login's Basic Authorization header
 * (UTF-8 {@code user:password}, or {@code api-token:<token>}).
 */
final class Credentials {
    /** A successful login. */
    record Login(String user, Role.Access access) {
    }

    /** A configured user. */
    record Account(String password, Role.Access access) {
    }

    static final String TOKEN_USER = "api-token";

    private final Map<String, Account> users;
    private final Set<String> tokens;

    Credentials(Map<String, Account> users, Set<String> tokens) {
        this.users = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(users));
        this.tokens = Set.copyOf(tokens);
    }

    /** The login for this header, or null when it is missing, malformed or wrong. */
    Login check(String authorization) {
        String pair = decodeBasic(authorization);
        if (pair == null) {
            return null;
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String user = pair.substring(0, colon);
        String secret = pair.substring(colon + 1);
        if (TOKEN_USER.equals(user.toLowerCase(Locale.ROOT)) && tokens.contains(secret)) {
            return new Login(TOKEN_USER, Role.Access.OPERATOR_ALL);
        }
        Account a = users.get(user);
        return a != null && a.password().equals(secret) ? new Login(user, a.access()) : null;
    }

    /** Every configured password and token. */
    List<String> secrets() {
        List<String> out = new java.util.ArrayList<>(tokens);
        users.values().forEach(a -> out.add(a.password()));
        return out;
    }

    /** The decoded {@code user:password} of a Basic {@code Authorization} value, or null when it is not one. */
    static String decodeBasic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The passwords of these users. */
    static Set<String> passwordsOf(Map<String, Account> users) {
        return users.values().stream().map(Account::password).collect(java.util.stream.Collectors.toSet());
    }

    /** Reports every configured password and token, with the Basic value a client would send for each. */
    void reportTo(SecretReporter reporter) {
        users.forEach((name, account) -> reporter.reportLogin(name, account.password()));
        tokens.forEach(token -> reporter.reportLogin(TOKEN_USER, token));
    }

    Map<String, Account> users() {
        return users;
    }
}
