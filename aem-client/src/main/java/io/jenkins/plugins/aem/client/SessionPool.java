package io.jenkins.plugins.aem.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * One AEM session per AEM URL and login, shared by every caller. Concurrent callers that need a login share one login
 * request, and so do callers that find the session expired.
 */
final class SessionPool {

    /** A session ID, or the login that will yield it. Never printed. */
    static final class Slot {
        private CompletableFuture<String> current;

        /** The session, starting a login when there is none (or the last login failed). */
        synchronized CompletableFuture<String> get(Supplier<CompletableFuture<String>> login) {
            if (current == null || current.isCompletedExceptionally() || current.isCancelled()) {
                current = login.get();
            }
            return current;
        }

        /**
         * The session after {@code stale} was refused: a new login unless another caller already renewed it.
         */
        synchronized CompletableFuture<String> renew(String stale, Supplier<CompletableFuture<String>> login) {
            if (current != null && current.isDone() && !current.isCompletedExceptionally() && !current.isCancelled()
                    && !current.join().equals(stale)) {
                return current;
            }
            if (current == null || current.isDone()) {
                current = login.get();
            }
            return current;
        }

        /** The live session ID, if any, for logout. */
        synchronized String liveId() {
            return current != null && current.isDone() && !current.isCompletedExceptionally() && !current.isCancelled()
                    ? current.join() : null;
        }
    }

    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

    /** The slot for these settings: keyed by URL, user and a fingerprint of the password, so a wrong password never rides on another's session. */
    Slot slot(ConnectionSettings settings) {
        return slots.computeIfAbsent(key(settings), k -> new Slot());
    }

    private static String key(ConnectionSettings s) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(s.credentials().password().getBytes(StandardCharsets.UTF_8));
            return s.baseUrl() + "\n" + s.credentials().username() + "\n" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
