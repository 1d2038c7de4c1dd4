package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One server's endpoints, shared by its tasks: each one's versions (what ImportTask and PatchEndpoint wrote, visible
 * from its moment on), its secrets encrypted with the server's master key, the databases behind them
 * ({@link EndpointDatabases}), the PatchEndpoint calls received, and what tests may ask of them without seeing a
 * secret. Thread-safe; the owning {@link ServerRepository} may call it under its own lock (never the other way round).
 */
public final class EndpointStore {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SecretCipher cipher;
    private final SecretReporter secrets;
    private final Map<String, Versioned> endpoints = new LinkedHashMap<>();
    private final EndpointDatabases databases = new EndpointDatabases();
    private final List<PatchRecord> patches = new ArrayList<>();

    EndpointStore(SecretCipher cipher, SecretReporter secrets) {
        this.cipher = cipher;
        this.secrets = secrets;
    }

    /** Whether an endpoint of this name was ever stored (visible or not). */
    synchronized boolean known(String name) {
        return endpoints.containsKey(name);
    }

    /** The names of the endpoints, as stored. */
    public synchronized List<String> names() {
        return endpoints.entrySet().stream().filter(e -> e.getValue().latest() != null).map(Map.Entry::getKey).toList();
    }

    /** The endpoint as stored (the latest version, visible or not), or null. */
    synchronized ObjectNode latest(String name) {
        Versioned v = endpoints.get(name);
        return v == null ? null : v.latest();
    }

    /** The endpoint as reads show it at {@code now}, or null. */
    synchronized ObjectNode visible(String name, long now) {
        Versioned v = endpoints.get(name);
        return v == null ? null : v.visible(now);
    }

    /** Whether reads show the endpoint at {@code now}. */
    synchronized boolean isVisible(String name, long now) {
        Versioned v = endpoints.get(name);
        return v != null && v.isVisible(now);
    }

    /** An endpoint as stored, normalised (secrets as tags, see {@link ServerRepository}); empty when unknown. */
    public synchronized Optional<String> endpoint(String name) {
        ObjectNode db = latest(name);
        return db == null ? Optional.empty() : Optional.of(DefinitionJson.normalised(tagged(db)));
    }

    /** Whether a stored secret of the endpoint cannot be decrypted here: a task using it fails when run. */
    public synchronized boolean broken(String name) {
        ObjectNode db = latest(name);
        return db != null && brokenField(db) != null;
    }

    /**
     * Whether the endpoint's secret at {@code field} (its path below {@code db_settings}, e.g. {@code password})
     * decrypts here to {@code clearText}. Lets a test check that the right credential arrived without seeing it.
     */
    public synchronized boolean secretMatches(String endpoint, String field, String clearText) {
        ObjectNode db = latest(endpoint);
        return db != null && secretOf(db, field).map(clearText::equals).orElse(false);
    }

    /** The clear text of the secret at {@code field} of an endpoint's JSON, when it has one that decrypts here. */
    synchronized Optional<String> secretOf(ObjectNode db, String field) {
        return SecretFields.of(db).stream().filter(s -> s.field().equals(field)).findFirst()
                .map(s -> cipher.decrypt(s.value()));
    }

    /** The clear text of a stored secret, or null when this server cannot decrypt it. */
    synchronized String clearText(String stored) {
        return cipher.decrypt(stored);
    }

    /**
     * Applies a PatchEndpoint body to the endpoint as stored, visible from {@code at} (after any import still to
     * show). A secret value is encrypted as given, whatever its form: a {@code {Z...}} sent this way is taken as the
     * clear text itself (the notes do not say it is read as ciphertext, so the least forgiving reading).
     */
    synchronized void patch(String name, PatchBody body, long at) throws Refused {
        ObjectNode patched = body.applyTo(latest(name), (field, value) -> cipher.encrypt(value));
        endpoints.get(name).add(patched, at);
    }

    /** GetEndpointList's answer: {@code {"endpointList":[{"name","description","role","type","is_licensed"}]}}. */
    synchronized ObjectNode list(long now) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode list = root.putArray("endpointList");
        endpoints.values().forEach(v -> {
            ObjectNode db = v.visible(now);
            if (db != null) {
                ObjectNode n = list.addObject();
                n.put("name", db.path("name").asText());
                n.put("description", db.path("description").asText(""));
                n.put("role", db.path("role").asText("ALL"));
                n.put("type", typeOf(db));
                n.put("is_licensed", db.path("is_licensed").asBoolean(true));
            }
        });
        return root;
    }

    /** An endpoint's type as GetEndpointList names it: its {@code type_id} without {@code _COMPONENT_TYPE}. */
    static String typeOf(JsonNode db) {
        return db.path("type_id").asText("").replaceFirst("_COMPONENT_TYPE$", "");
    }

    /** The endpoints a task definition uses (its source, then its targets) that exist in the chosen version. */
    synchronized List<ObjectNode> usedBy(ObjectNode def, Function<Versioned, ObjectNode> version) {
        List<String> names = new ArrayList<>();
        names.add(def.path("task").path("source_name").asText(""));
        def.path("task").path("target_names").forEach(n -> names.add(n.asText("")));
        List<ObjectNode> out = new ArrayList<>();
        for (String n : names.stream().distinct().toList()) {
            Versioned v = endpoints.get(n);
            ObjectNode db = v == null ? null : version.apply(v);
            if (db != null) {
                out.add(db);
            }
        }
        return out;
    }

    /** An export's copy of an endpoint: every secret freshly encrypted, as each export encrypts it anew. */
    synchronized ObjectNode exported(ObjectNode db) {
        ObjectNode out = db.deepCopy();
        SecretFields.replace(out, (field, value) -> reencrypt(value));
        return out;
    }

    /**
     * Stores a version of an endpoint, visible from {@code at}, merged into what was stored: clear-text secrets are
     * encrypted with this server's key, a {@code {Z...}} value is kept as given.
     */
    synchronized void merge(ObjectNode db, long at) {
        ObjectNode stored = db.deepCopy();
        SecretFields.replace(stored, (field, value) -> SecretCipher.looksEncrypted(value) ? value : cipher.encrypt(value));
        put(stored, at);
    }

    /**
     * Adds an endpoint the configuration gives (its secrets are reported to the secret scan). One that
     * {@code describes} its database has the database expect its secrets.
     */
    synchronized void addConfigured(ObjectNode db, long now, boolean describes) {
        ObjectNode stored = db.deepCopy();
        SecretFields.replace(stored, (field, value) -> {
            secrets.reportEndpointSecret(value);
            return SecretCipher.looksEncrypted(value) ? value : cipher.encrypt(value);
        });
        put(stored, now);
        if (describes) {
            databases.describe(stored, this);
        }
    }

    /**
     * From now on the database behind the endpoint expects {@code clearText} at {@code field}, as after a DBA changed
     * the password: a test connection, or a run, with another secret is refused. An endpoint the configuration gives
     * expects its configured secrets; the default endpoints and those an import creates take any secret this server
     * can decrypt until this is called. The secret is reported to the secret scan.
     */
    public synchronized void databaseSecret(String endpoint, String field, String clearText) {
        secrets.reportEndpointSecret(clearText);
        databases.expect(endpoint, field, clearText);
    }

    /**
     * From now on the database behind the endpoint takes {@code clearText} at {@code field} as well as what it took, as
     * during a password change that leaves the old one valid for a while. The secret is reported to the secret scan.
     */
    public synchronized void databaseAlsoAccepts(String endpoint, String field, String clearText) {
        secrets.reportEndpointSecret(clearText);
        databases.alsoAccept(endpoint, field, clearText);
    }

    /**
     * Whether a host can be reached from the Replicate server (default true): the {@code server} (or {@code host})
     * setting of the endpoints that connect to it, or the name of an endpoint without one. For an endpoint whose host
     * cannot be reached, TestEndpoint answers {@code AEM_TEST_ENDPOINT_CONNECTION_TIMEOUT} once its timeout has passed,
     * and a run of a task using it ends in ERROR. An import that puts another host into the endpoint changes whether
     * it is reached, as it would.
     */
    public synchronized void hostReachable(String host, boolean reachable) {
        databases.hostReachable(host, reachable);
    }

    /** A test connection to the endpoint as reads show it at {@code now}, or null when reads do not show it. */
    synchronized EndpointDatabases.Connection test(String name, long now) {
        ObjectNode db = visible(name, now);
        return db == null ? null : databases.connect(db, this);
    }

    /** Why a run with these endpoints cannot connect to one of them ({@code Cannot connect to ...}), or null. */
    synchronized String runFailure(List<ObjectNode> used) {
        for (ObjectNode db : used) {
            EndpointDatabases.Connection c = databases.connect(db, this);
            if (!c.connected()) {
                return "Cannot connect to endpoint '" + db.get("name").asText() + "': " + c.reason();
            }
        }
        return null;
    }

    /**
     * {@code {"name","type"}} of the endpoint as GetTaskDetails names a task's source or target at {@code now}; the
     * type is empty when the server lacks the endpoint.
     */
    synchronized ObjectNode reference(String name, long now) {
        ObjectNode db = visible(name, now);
        ObjectNode ref = JsonNodeFactory.instance.objectNode();
        ref.put("name", name);
        ref.put("type", db == null ? "" : typeOf(db));
        return ref;
    }

    synchronized void record(PatchRecord r) {
        patches.add(r);
    }

    /** Every PatchEndpoint call that reached the patch logic, oldest first. */
    public synchronized List<PatchRecord> patches() {
        return List.copyOf(patches);
    }

    private void put(ObjectNode stored, long at) {
        Versioned v = endpoints.computeIfAbsent(stored.get("name").asText(), k -> Versioned.empty());
        v.add(DefinitionMerge.merged(v.latest(), stored), at);
    }

    /** The endpoint with every secret as a tag: equal for equal secrets on this server, never the secret. */
    synchronized ObjectNode tagged(ObjectNode db) {
        ObjectNode out = db.deepCopy();
        SecretFields.replace(out, (field, value) -> {
            String clear = cipher.decrypt(value);
            return clear != null ? "<secret:" + cipher.tag(clear) + ">" : "<undecryptable:" + cipher.tag("\0" + value) + ">";
        });
        return out;
    }

    /** The first secret field of the endpoint that cannot be decrypted here, or null. */
    synchronized String brokenField(ObjectNode db) {
        return SecretFields.of(db).stream().filter(s -> cipher.decrypt(s.value()) == null)
                .map(SecretFields.Secret::field).findFirst().orElse(null);
    }

    private String reencrypt(String stored) {
        String clear = cipher.decrypt(stored);
        String out = clear == null ? stored : cipher.encrypt(clear); // AEM cannot re-encrypt what it cannot read
        secrets.reportEndpointSecret(out);
        return out;
    }

    /** An endpoint's JSON as {@link SimServer#endpoint} takes it; throws IllegalArgumentException when malformed. */
    static ObjectNode parse(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n instanceof ObjectNode o && n.path("name").isTextual() && !n.path("name").asText().isEmpty()
                    && n.path("db_settings").isObject()) {
                return o;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new IllegalArgumentException("an endpoint must be a JSON object with a name and db_settings, as in an "
                + "export's databases: " + (json.length() > 60 ? json.substring(0, 60) + "..." : json));
    }
}
