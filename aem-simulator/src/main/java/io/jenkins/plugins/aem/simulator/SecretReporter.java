package io.jenkins.plugins.aem.simulator;

import io.jenkins.plugins.aem.simulator.SecretObserver.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/** Hands secrets to the {@link SecretObserver}s on the class path; does nothing when there are none. */
final class SecretReporter {

    private final List<SecretObserver> observers;
    private final Set<String> published;

    private SecretReporter(List<SecretObserver> observers, Set<String> published) {
        this.observers = observers;
        this.published = published;
    }

    /**
     * The observers registered through {@link ServiceLoader}.
     *
     * @param published passwords the simulator shows on purpose (the demo configuration's), never reported
     */
    static SecretReporter load(Set<String> published) {
        return new SecretReporter(ServiceLoader.load(SecretObserver.class).stream().map(ServiceLoader.Provider::get)
                .toList(), Set.copyOf(published));
    }

    void report(Kind kind, String secret) {
        if (secret == null || secret.isEmpty()) {
            return;
        }
        for (SecretObserver o : observers) {
            o.secretIssued(kind, secret);
        }
    }

    /** An endpoint secret: clear text counts as a password, the {@code {Z...}} form as an encrypted secret. */
    void reportEndpointSecret(String value) {
        report(SecretCipher.looksEncrypted(value) ? Kind.ENCRYPTED_SECRET : Kind.PASSWORD, value);
    }

    /** A login pair: the password, and the Base64 {@code user:password} a client's Basic header carries for it. */
    void reportLogin(String user, String password) {
        if (observers.isEmpty() || published.contains(password)) {
            return;
        }
        report(Kind.PASSWORD, password);
        report(Kind.AUTHORIZATION, Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A secret header as received: its value, and for Basic credentials the Base64 part and the password inside,
     * unless that password is a published one.
     */
    void reportHeader(String name, String value) {
        if (observers.isEmpty() || value == null) {
            return;
        }
        Kind kind = name.equalsIgnoreCase(Call.SESSION_HEADER) ? Kind.SESSION_ID : Kind.AUTHORIZATION;
        String pair = Credentials.decodeBasic(value);
        if (pair == null) {
            report(kind, value.strip()); // not Basic, or not Base64: the raw value is all there is
            return;
        }
        String password = pair.substring(pair.indexOf(':') + 1); // no colon: the whole value is the secret
        if (!published.contains(password)) {
            report(Kind.PASSWORD, password);
            report(kind, value.substring(6).strip());
        }
    }
}
