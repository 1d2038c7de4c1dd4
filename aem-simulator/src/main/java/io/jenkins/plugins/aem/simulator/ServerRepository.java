package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * One server's repository as AEM sees it: its tasks, each Replicate task's definition, and the server's endpoints
 * (shared by its tasks), with the versions ImportTask wrote and when each becomes visible. Also the ground truth tests
 * read: whether a task exists, its stored definition in a normalised form, the definition a running task runs on,
 * which endpoints are broken, and the ImportTask and DeleteTask calls received. Obtained from
 * {@link AemSimulator#repository(String)}. Thread-safe.
 *
 * <p>Normalised definitions are JSON texts with every object's keys sorted and two-space indentation, shaped like an
 * export with endpoints but without its volatile {@code name} and {@code description}:
 * {@code {"_version":{..},"cmd.replication_definition":{"databases":[..],"tasks":[..]}}}, endpoints sorted by name.
 * A secret shows as {@code <secret:TAG>}, where TAG is a keyed fingerprint that is equal for equal secrets on this
 * server, or as {@code <undecryptable:TAG>} when this server cannot decrypt it. No secret is ever shown.
 */
public final class ServerRepository {
    private final SimServer server;
    private final Random random;
    private final Clock clock;
    private final Function<SimTaskSpec, SimTask> newTask;
    private final Map<String, StoredTask> tasks = new LinkedHashMap<>();
    private final EndpointStore endpoints;
    private final DefinitionViews views;
    private final Map<String, SimTaskSpec> deletedSpecs = new HashMap<>();
    private final List<ImportRecord> imports = new ArrayList<>();
    private final List<DeleteRecord> deletes = new ArrayList<>();

    ServerRepository(SimServer server, Function<SimTaskSpec, SimTask> newTask, long seed, SecretReporter secrets,
                     boolean shuffleKeys, Clock clock) {
        this.server = server;
        this.newTask = newTask;
        this.clock = clock;
        this.random = new Random(seed ^ server.name().hashCode());
        String key = server.masterKey() != null ? server.masterKey() : "seed " + seed + ", server " + server.name();
        this.endpoints = new EndpointStore(new SecretCipher(key, new Random(seed * 31 + server.name().hashCode())), secrets);
        this.views = new DefinitionViews(server, endpoints, random, shuffleKeys, clock);
        long now = System.nanoTime();
        server.endpoints().forEach(json -> endpoints.addConfigured(EndpointStore.parse(json), now, true));
        for (SimTaskSpec spec : server.tasks()) {
            SimTask task = newTask.apply(spec.copy());
            if (tasks.containsKey(task.wireName())) {
                throw new IllegalArgumentException("server " + server.name() + " has two tasks named " + task.wireName());
            }
            put(task, server.isCompose() ? null : configuredDefinition(task.spec(), now));
        }
        if (!server.isCompose()) { // last, so that an endpoint configured under a default name wins whole
            for (ObjectNode db : DefaultDefinitions.endpoints(server.name())) {
                if (!endpoints.known(db.get("name").asText())) {
                    endpoints.addConfigured(db, now, false); // no database described: any secret logs in
                }
            }
        }
    }

    // ---- ground truth for tests -------------------------------------------------------------------------------

    /** The server. */
    public SimServer server() { return server; }

    /** Whether the task exists: configured or imported and not deleted, visible to reads yet or not. */
    public synchronized boolean taskExists(String task) {
        return tasks.containsKey(task);
    }

    /** Whether reads show the task now (an imported task is hidden during the server's import delay). */
    public synchronized boolean taskVisible(String task) {
        return visible(tasks.get(task), System.nanoTime());
    }

    /** The wire names of the tasks that exist, visible or not, in order of creation. */
    public synchronized List<String> taskNames() {
        return List.copyOf(tasks.keySet());
    }

    /**
     * The task's stored definition, normalised (see the class comment), with the endpoints it uses as they are
     * stored: what every read will show once the pending imports are visible. Empty for an unknown or Compose task.
     */
    public synchronized Optional<String> definition(String task) {
        StoredTask e = tasks.get(task);
        ObjectNode def = e == null || e.definition == null ? null : e.definition.latest();
        if (def == null) {
            return Optional.empty();
        }
        return Optional.of(views.normalised(def, endpoints.usedBy(def, Versioned::latest)));
    }

    /** What ExportTask would show now, normalised; empty when the task is not visible. */
    public synchronized Optional<String> visibleDefinition(String task) {
        StoredTask e = tasks.get(task);
        long now = System.nanoTime();
        ObjectNode def = e == null ? null : e.visibleDefinition(now);
        if (def == null) {
            return Optional.empty();
        }
        return Optional.of(views.normalised(def, endpoints.usedBy(def, v -> v.visible(now))));
    }

    /**
     * The definition the task's last run started with, normalised: a running task keeps running on it whatever is
     * imported meanwhile, until it is stopped and run again. Empty when the task never ran in this simulator.
     */
    public synchronized Optional<String> runningDefinition(String task) {
        StoredTask e = tasks.get(task);
        return Optional.ofNullable(e == null ? null : e.running());
    }

    /**
     * The server's endpoints: their stored form, the databases behind them, the PatchEndpoint calls received. The
     * four methods below are shorthands for its own.
     */
    public EndpointStore endpoints() {
        return endpoints;
    }

    /** Shorthand for {@link EndpointStore#names()}. */
    public List<String> endpointNames() {
        return endpoints.names();
    }

    /** Shorthand for {@link EndpointStore#endpoint(String)}. */
    public Optional<String> endpoint(String name) {
        return endpoints.endpoint(name);
    }

    /** Shorthand for {@link EndpointStore#broken(String)}. */
    public boolean endpointBroken(String name) {
        return endpoints.broken(name);
    }

    /** Shorthand for {@link EndpointStore#secretMatches(String, String, String)}. */
    public boolean secretMatches(String endpoint, String field, String clearText) {
        return endpoints.secretMatches(endpoint, field, clearText);
    }

    /**
     * Whether the task's last run started with the endpoint's secret at {@code field} being {@code clearText}: a
     * running task keeps the secrets it started with, whatever an import or PatchEndpoint stores meanwhile, until it
     * is stopped and run again. False when the task never ran here or its run did not use the endpoint.
     */
    public synchronized boolean runningSecretMatches(String task, String endpoint, String field, String clearText) {
        StoredTask e = tasks.get(task);
        return e != null && e.runningEndpoints().stream().filter(db -> db.path("name").asText().equals(endpoint))
                .anyMatch(db -> endpoints.secretOf(db, field).map(clearText::equals).orElse(false));
    }

    /** Every ImportTask call that reached the import logic, oldest first. */
    public synchronized List<ImportRecord> imports() {
        return List.copyOf(imports);
    }

    /** Every DeleteTask call that reached the delete logic, oldest first. */
    public synchronized List<DeleteRecord> deletes() {
        return List.copyOf(deletes);
    }

    // ---- what the API uses ------------------------------------------------------------------------------------

    /** The tasks reads show now, in order of creation. */
    synchronized List<SimTask> visibleTasks() {
        long now = System.nanoTime();
        return tasks.values().stream().filter(e -> visible(e, now)).map(e -> e.task).toList();
    }

    /** The task of this wire name if reads show it now, else null. */
    synchronized SimTask visibleTask(String task) {
        StoredTask e = tasks.get(task);
        return visible(e, System.nanoTime()) ? e.task : null;
    }

    /** The task of this wire name whether or not reads show it yet, else null. */
    synchronized SimTask existingTask(String task) {
        StoredTask e = tasks.get(task);
        return e == null ? null : e.task;
    }

    /**
     * The source and first target of a visible Replicate task as GetTaskDetails names them ({@code {"name","type"}}
     * each); empty for a Compose task or one reads do not show.
     */
    synchronized List<ObjectNode> detailsEndpoints(String task) {
        StoredTask e = tasks.get(task);
        long now = System.nanoTime();
        ObjectNode def = e == null ? null : e.visibleDefinition(now);
        if (def == null) {
            return List.of();
        }
        JsonNode targets = def.path("task").path("target_names");
        return List.of(endpoints.reference(def.path("task").path("source_name").asText(""), now),
                endpoints.reference(targets.path(0).asText(""), now));
    }

    /**
     * The ExportTask answer for a visible task (null when not visible): its definition, its endpoints when asked, the
     * server's {@code _version}, and the volatile label and description, with every secret freshly encrypted.
     */
    synchronized JsonNode export(String task, boolean withEndpoints) {
        StoredTask e = tasks.get(task);
        long now = System.nanoTime();
        ObjectNode def = e == null ? null : e.visibleDefinition(now);
        if (def == null) {
            return null;
        }
        return views.export(task, def, endpoints.usedBy(def, v -> v.visible(now)), withEndpoints);
    }

    /** Applies an accepted import: merges its task and endpoints, visible after the import delay. */
    synchronized Applied apply(ImportBody body, String task) {
        long delay = server.importDelay().sample(random).toNanos();
        long at = System.nanoTime() + delay;
        body.databases().forEach(db -> endpoints.merge(db, at));
        ObjectNode given = body.task().deepCopy();
        if (!body.versionGiven()) {
            // without _version Replicate falls back to default options (the Ansible collection's finding)
            given.remove("task_settings");
        }
        StoredTask e = tasks.get(task);
        boolean created = e == null;
        if (created) {
            e = put(newTask.apply(specFor(task)), Versioned.empty());
        }
        e.definition.add(DefinitionMerge.merged(e.definition.latest(), given), at);
        return new Applied(created, clock.instant().plusNanos(delay));
    }

    /** What an accepted import did. */
    record Applied(boolean created, Instant visibleAt) {
    }

    /** Deletes a task (the caller checked that it is visible and stopped, holding the task's lock). */
    synchronized void delete(String task) {
        StoredTask e = tasks.remove(task);
        if (e != null) {
            deletedSpecs.put(task, e.task.spec());
        }
    }

    synchronized void record(ImportRecord r) {
        imports.add(r);
    }

    synchronized void record(DeleteRecord r) {
        deletes.add(r);
    }

    /** See {@link StoredTask#runRefusal}; null for an unknown task. */
    synchronized String runRefusal(String task) {
        StoredTask e = tasks.get(task);
        return e == null ? null : e.runRefusal(endpoints, System.nanoTime());
    }

    private synchronized String launch(StoredTask e) {
        return e.launch(endpoints, views, System.nanoTime());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private StoredTask put(SimTask task, Versioned definition) {
        StoredTask e = new StoredTask(task, definition);
        tasks.put(task.wireName(), e);
        if (definition != null) {
            task.runLink(() -> launch(e));
        }
        return e;
    }

    private static boolean visible(StoredTask e, long now) {
        return e != null && e.visible(now);
    }

    private SimTaskSpec specFor(String task) {
        SimTaskSpec old = deletedSpecs.remove(task);
        SimTaskSpec spec = old != null ? old.copyAs(task) : server.importedTasks().copyAs(task);
        return spec.initialState("STOPPED", "NONE", "").initialFullLoadCompleted(false);
    }

    private Versioned configuredDefinition(SimTaskSpec spec, long now) {
        if (spec.definition() == null) {
            return Versioned.lazy(() -> DefaultDefinitions.task(server.name(), spec), now);
        }
        ImportBody body = ImportBody.configured(spec.definition(), spec.name());
        body.databases().forEach(db -> endpoints.addConfigured(db, now, true));
        Versioned v = Versioned.empty();
        v.add(body.task().deepCopy(), now);
        return v;
    }
}
