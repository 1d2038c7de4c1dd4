package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
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
    /** A task and its definition's versions (none for Compose); the definition of its last run. */
    private static final class Entry {
        final SimTask task;
        final Versioned definition;
        String running;

        Entry(SimTask task, Versioned definition) {
            this.task = task;
            this.definition = definition;
        }
    }

    private final SimServer server;
    private final Random random;
    private final Clock clock;
    private final Function<SimTaskSpec, SimTask> newTask;
    private final Map<String, Entry> tasks = new LinkedHashMap<>();
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
        server.endpoints().forEach(json -> endpoints.addConfigured(EndpointStore.parse(json), now));
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
                    endpoints.addConfigured(db, now);
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
        Entry e = tasks.get(task);
        if (e == null || e.definition == null) {
            return Optional.empty();
        }
        ObjectNode def = e.definition.latest();
        return Optional.of(views.normalised(def, endpoints.usedBy(def, Versioned::latest)));
    }

    /** What ExportTask would show now, normalised; empty when the task is not visible. */
    public synchronized Optional<String> visibleDefinition(String task) {
        Entry e = tasks.get(task);
        long now = System.nanoTime();
        if (e == null || e.definition == null || e.definition.visible(now) == null) {
            return Optional.empty();
        }
        ObjectNode def = e.definition.visible(now);
        return Optional.of(views.normalised(def, endpoints.usedBy(def, v -> v.visible(now))));
    }

    /**
     * The definition the task's last run started with, normalised: a running task keeps running on it whatever is
     * imported meanwhile, until it is stopped and run again. Empty when the task never ran in this simulator.
     */
    public synchronized Optional<String> runningDefinition(String task) {
        Entry e = tasks.get(task);
        return Optional.ofNullable(e == null ? null : e.running);
    }

    /** The names of the server's endpoints, as stored. */
    public synchronized List<String> endpointNames() {
        return endpoints.names();
    }

    /** An endpoint as stored, normalised (secrets as tags); empty when unknown. */
    public synchronized Optional<String> endpoint(String name) {
        return endpoints.normalised(name);
    }

    /** Whether a stored secret of the endpoint cannot be decrypted here: a task using it fails when run. */
    public synchronized boolean endpointBroken(String name) {
        return endpoints.broken(name);
    }

    /**
     * Whether the endpoint's secret at {@code field} (its path below {@code db_settings}, e.g. {@code password})
     * decrypts here to {@code clearText}. Lets a test check that the right credential arrived without seeing it.
     */
    public synchronized boolean secretMatches(String endpoint, String field, String clearText) {
        return endpoints.secretMatches(endpoint, field, clearText);
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
        Entry e = tasks.get(task);
        return visible(e, System.nanoTime()) ? e.task : null;
    }

    /** The task of this wire name whether or not reads show it yet, else null. */
    synchronized SimTask existingTask(String task) {
        Entry e = tasks.get(task);
        return e == null ? null : e.task;
    }

    /** GetEndpointList's answer: {@code {"endpointList":[{"name","description","role","type","is_licensed"}]}}. */
    synchronized ObjectNode endpointList() {
        return endpoints.list(System.nanoTime());
    }

    /**
     * The ExportTask answer for a visible task (null when not visible): its definition, its endpoints when asked, the
     * server's {@code _version}, and the volatile label and description, with every secret freshly encrypted.
     */
    synchronized JsonNode export(String task, boolean withEndpoints) {
        Entry e = tasks.get(task);
        long now = System.nanoTime();
        ObjectNode def = e == null || e.definition == null ? null : e.definition.visible(now);
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
        Entry e = tasks.get(task);
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
        Entry e = tasks.remove(task);
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

    /**
     * Why RunTask is refused by the task's definition: {@code AEM_RUN_TASK_NO_SRC_NO_TRG}, {@code AEM_RUN_TASK_NO_SRC}
     * or {@code AEM_RUN_TASK_TRG} when the server lacks its source or every target, {@code AEM_RUN_TASK_NOT_FL_NOR_CDC}
     * when it enables neither full load nor change processing; null when it may run.
     */
    synchronized String runRefusal(String task) {
        Entry e = tasks.get(task);
        long now = System.nanoTime();
        ObjectNode def = e == null || e.definition == null ? null : e.definition.visible(now);
        if (def == null) {
            return null;
        }
        boolean source = endpoints.isVisible(def.path("task").path("source_name").asText(""), now);
        boolean target = false;
        for (JsonNode t : def.path("task").path("target_names")) {
            target |= endpoints.isVisible(t.asText(""), now);
        }
        JsonNode common = def.path("task_settings").path("common_settings");
        boolean nothingToDo = common.path("full_load_enabled").isBoolean() && !common.path("full_load_enabled").asBoolean()
                && common.path("apply_changes_enabled").isBoolean() && !common.path("apply_changes_enabled").asBoolean();
        return !source && !target ? "AEM_RUN_TASK_NO_SRC_NO_TRG" : !source ? "AEM_RUN_TASK_NO_SRC"
                : !target ? "AEM_RUN_TASK_TRG" : nothingToDo ? "AEM_RUN_TASK_NOT_FL_NOR_CDC" : null;
    }

    /**
     * Called when a run of the task is accepted: remembers the definition it runs on, and says why the run must
     * fail (an endpoint whose secret cannot be decrypted here), or null.
     */
    private synchronized String launch(Entry e) {
        long now = System.nanoTime();
        ObjectNode def = e.definition.visible(now);
        if (def == null) {
            return null;
        }
        List<ObjectNode> used = endpoints.usedBy(def, v -> v.visible(now));
        e.running = views.normalised(def, used);
        for (ObjectNode db : used) {
            String field = endpoints.brokenField(db);
            if (field != null) {
                return "Cannot connect to endpoint '" + db.get("name").asText() + "': the value of '" + field
                        + "' cannot be decrypted on this server (it was encrypted with another server's master key, or"
                        + " is not a valid encrypted value). Enter the " + field + " of the endpoint again.";
            }
        }
        return null;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Entry put(SimTask task, Versioned definition) {
        Entry e = new Entry(task, definition);
        tasks.put(task.wireName(), e);
        if (definition != null) {
            task.runLink(() -> launch(e));
        }
        return e;
    }

    private static boolean visible(Entry e, long now) {
        return e != null && (e.definition == null || e.definition.isVisible(now));
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
        ImportBody body = parseDefinition(spec.definition(), spec.name());
        body.databases().forEach(db -> endpoints.addConfigured(db, now));
        Versioned v = Versioned.empty();
        v.add(body.task().deepCopy(), now);
        return v;
    }

    /** Checks a task's configured definition; throws IllegalArgumentException naming the task and the problem. */
    static ImportBody parseDefinition(String json, String task) {
        try {
            return ImportBody.parse(json.getBytes(StandardCharsets.UTF_8), task);
        } catch (ImportBody.Refused e) {
            throw new IllegalArgumentException("task " + task + ": the definition is refused (" + e.code() + "): "
                    + e.getMessage(), e);
        }
    }
}
