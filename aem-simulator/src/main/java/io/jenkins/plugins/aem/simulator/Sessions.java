package io.jenkins.plugins.aem.simulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live sessions with AEM's sliding idle expiry: each accepted request extends its session. A user may hold many
 * sessions at once. Thread-safe.
 */
final class Sessions {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> live = new ConcurrentHashMap<>();
    private final List<String> issued = new ArrayList<>(); // guarded by itself
    private final AtomicInteger aliases = new AtomicInteger();
    private final long idleNanos;
    private final SecretReporter secrets;

    Sessions(Duration idleTimeout, SecretReporter secrets) {
        this.idleNanos = idleTimeout.toNanos();
        this.secrets = secrets;
    }

    /** Opens a session with a fresh unguessable 128-bit URL-safe ID. */
    Session open(String user, Role.Access access) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Session s = new Session(id, "s" + aliases.incrementAndGet(), user, access, System.nanoTime());
        secrets.report(SecretObserver.Kind.SESSION_ID, id); // before the client can have it, so a scan never misses it
        live.put(id, s);
        synchronized (issued) {
            issued.add(id);
        }
        return s;
    }

    /** The live session for this ID, touched; null when unknown or idle too long (it is then forgotten). */
    Session use(String id) {
        if (id == null) {
            return null;
        }
        Session s = live.get(id);
        if (s == null) {
            return null;
        }
        long now = System.nanoTime();
        if (now - s.lastUsedNanos() > idleNanos) {
            live.remove(id, s);
            return null;
        }
        s.touch(now);
        return s;
    }

    /** The alias of a live session ID without touching it, or null. */
    Session peek(String id) {
        return id == null ? null : live.get(id);
    }

    void expire(String id) {
        if (id != null) {
            live.remove(id);
        }
    }

    void expireAll() {
        live.clear();
    }

    /** Forgets idle sessions, so that clients that never log out do not grow the map forever. */
    void sweep() {
        long now = System.nanoTime();
        live.values().removeIf(s -> now - s.lastUsedNanos() > idleNanos);
    }

    List<String> issuedIds() {
        synchronized (issued) {
            return List.copyOf(issued);
        }
    }
}
