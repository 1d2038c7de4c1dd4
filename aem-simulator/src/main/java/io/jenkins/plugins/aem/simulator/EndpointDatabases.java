package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The databases behind a server's endpoints, as a test connection or a task's run meets them: which secret each
 * expects, and whether the Replicate server can reach its host. An endpoint the configuration gives (with its
 * secrets) describes its database: the database expects those secrets until a test says it changed
 * ({@link EndpointStore#databaseSecret}). The default endpoints, and those an import creates, stand for databases
 * nothing describes: any secret this server can decrypt logs in. Whatever the database, a secret that cannot be
 * decrypted here, or whose clear text is itself of the encrypted form {@code {Z...}}, never logs in. Not thread-safe:
 * the owning repository calls it under its lock.
 */
final class EndpointDatabases {

    /** How a connection to an endpoint's database goes; {@code reason} says why it failed (never a secret). */
    record Connection(boolean connected, boolean timedOut, String reason) {
        static final Connection OK = new Connection(true, false, "");
    }

    private final Map<String, Map<String, Set<String>>> expected = new HashMap<>();
    private final Set<String> unreachableHosts = new HashSet<>();

    /** The database of a configured endpoint expects the secrets it was configured with. */
    void describe(ObjectNode stored, EndpointStore store) {
        String name = stored.get("name").asText();
        SecretFields.of(stored).forEach(s -> {
            String clear = store.clearText(s.value());
            if (clear != null) {
                expect(name, s.field(), clear);
            }
        });
    }

    /** From now on the endpoint's database expects {@code clearText} at {@code field}, and nothing else there. */
    void expect(String endpoint, String field, String clearText) {
        expected.computeIfAbsent(endpoint, k -> new HashMap<>()).put(field, new HashSet<>(Set.of(clearText)));
    }

    /** From now on the endpoint's database takes {@code clearText} at {@code field} too, besides what it took. */
    void alsoAccept(String endpoint, String field, String clearText) {
        expected.computeIfAbsent(endpoint, k -> new HashMap<>()).computeIfAbsent(field, k -> new HashSet<>()).add(clearText);
    }

    /** Whether a host can be reached from the Replicate server. */
    void hostReachable(String host, boolean reachable) {
        if (reachable) {
            unreachableHosts.remove(host);
        } else {
            unreachableHosts.add(host);
        }
    }

    /** A connection with the endpoint's settings and secrets as {@code db} holds them. */
    Connection connect(ObjectNode db, EndpointStore store) {
        String name = db.get("name").asText();
        if (unreachableHosts.contains(host(db))) {
            return new Connection(false, true, "no answer from host '" + host(db) + "': it cannot be reached from the "
                    + "Replicate server (a firewall, a wrong host name or port, or the database is down).");
        }
        Map<String, Set<String>> wanted = expected.getOrDefault(name, Map.of());
        for (SecretFields.Secret s : SecretFields.of(db)) {
            String clear = store.clearText(s.value());
            if (clear == null) {
                return new Connection(false, false, "the value of '" + s.field() + "' cannot be decrypted on this "
                        + "server (it was encrypted with another server's master key, or is not a valid encrypted "
                        + "value). Enter the " + s.field() + " of the endpoint again.");
            }
            Set<String> takes = wanted.get(s.field());
            if (SecretCipher.looksEncrypted(clear) || takes != null && !takes.contains(clear)) {
                String user = user(db);
                return new Connection(false, false, "the database refused the login" + (user.isEmpty() ? "" : " of user '"
                        + user + "'") + ": the " + s.field() + " is not the one it expects (SQLSTATE 28000, invalid "
                        + "authorization). Enter the " + s.field() + " of the endpoint again.");
            }
        }
        return Connection.OK;
    }

    /** The host an endpoint connects to: its {@code server} (or {@code host}...) setting, else its name. */
    static String host(JsonNode db) {
        JsonNode s = db.path("db_settings");
        for (String key : new String[] {"server", "host", "hostName", "serverName"}) {
            if (s.path(key).isTextual() && !s.path(key).asText().isBlank()) {
                return s.path(key).asText();
            }
        }
        return db.path("name").asText();
    }

    private static String user(JsonNode db) {
        JsonNode s = db.path("db_settings");
        return s.path("username").isTextual() ? s.path("username").asText() : s.path("user").asText("");
    }
}
