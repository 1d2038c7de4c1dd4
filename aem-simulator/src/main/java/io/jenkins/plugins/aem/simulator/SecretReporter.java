package io.jenkins.plugins.aem.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.ServiceLoader;

/** Hands secrets to the {@link SecretObserver}s on the class path; does nothing when there are none. */
final class SecretReporter {

    private final List<SecretObserver> observers;

    private SecretReporter(List<SecretObserver> observers) {
        this.observers = observers;
    }

    /** The observers registered through {@link ServiceLoader}. */
    static SecretReporter load() {
        return new SecretReporter(ServiceLoader.load(SecretObserver.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    void report(String secret) {
        if (secret == null || secret.isEmpty()) {
            return;
        }
        for (SecretObserver o : observers) {
            o.secretIssued(secret);
        }
    }

    /** A login pair: the password, and the header value a client would send for it. */
    void reportLogin(String user, String password) {
        report(password);
        report(Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A secret header as received: its value, and for Basic credentials the password inside. */
    void reportHeader(String value) {
        if (observers.isEmpty() || value == null) {
            return;
        }
        report(value.strip());
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            String encoded = value.substring(6).strip();
            report(encoded);
            try {
                String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                report(colon < 0 ? pair : pair.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                // not Base64: the raw value was reported above
            }
        }
    }
}
