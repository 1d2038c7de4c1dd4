package io.jenkins.plugins.aem.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A simulated Replicate or Compose server as AEM monitors it. Built fluently before start; the object given to
 * the builder stays live, so its {@link #state(String, String)} and {@link #license(String, int)} can be changed
 * while the simulator runs. The tasks and endpoints given here are those at start; ImportTask and DeleteTask change
 * them afterwards, in the server's repository ({@link AemSimulator#repository(String)}).
 */
public final class SimServer {
    private final String name;
    private final boolean compose;
    private final List<SimTaskSpec> tasks = new ArrayList<>();
    private volatile String description = "";
    private volatile String host;
    private volatile int port;
    private volatile String platform = "LINUX";
    private volatile String version;
    private volatile String state = "MONITORED";
    private volatile String message = "";
    private volatile String licenseState = "VALID_LICENSE";
    private volatile int daysToExpiration = 365;
    private final List<String> endpoints = new ArrayList<>();
    private volatile String masterKey;
    private volatile DurationRange importDelay = DurationRange.of(Duration.ZERO);
    private volatile DurationRange exportDelay = DurationRange.of(Duration.ZERO);
    private volatile SimTaskSpec importedTasks = SimTaskSpec.named("imported");

    private SimServer(String name, boolean compose) {
        this.name = Objects.requireNonNull(name, "name");
        this.compose = compose;
        this.host = compose ? "compose.example.internal" : "replicate.example.internal";
        this.port = compose ? 443 : 3552;
        this.version = compose ? "2024.11.0.118" : "2024.11.0.177";
    }

    /** A Qlik Replicate server. */
    public static SimServer replicate(String name) {
        return new SimServer(name, false);
    }

    /** A Qlik Compose server. */
    public static SimServer compose(String name) {
        return new SimServer(name, true);
    }

    /** Adds a task (a Compose server needs tasks made with {@link SimTaskSpec#named(String, String)}). */
    public synchronized SimServer task(SimTaskSpec spec) {
        if (compose != (spec.project() != null)) {
            throw new IllegalArgumentException(compose
                    ? "Compose task " + spec.name() + " needs a project: SimTaskSpec.named(name, project)"
                    : "Replicate task " + spec.name() + " cannot have a project");
        }
        tasks.add(spec);
        return this;
    }

    /**
     * Adds {@code count} tasks in ERROR (stop reason FATAL_ERROR), each with a message of {@code messageChars}
     * characters, named {@code Filler-00001} and on: a server as big installations have, whose GetTaskList runs to
     * megabytes (800 such tasks with 1.5 KB messages pass 1 MiB).
     */
    public SimServer fillerTasks(int count, int messageChars) {
        if (count < 0 || messageChars < 0) {
            throw new IllegalArgumentException("filler task count and message size must be zero or more");
        }
        String unit = "ORA-01555: snapshot too old: rollback segment number 12 with name \"_SYSSMU12$\" too small; ";
        String message = unit.repeat(messageChars / unit.length() + 1).substring(0, messageChars);
        for (int i = 1; i <= count; i++) {
            String name = String.format(java.util.Locale.ROOT, "Filler-%05d", i);
            task(compose ? SimTaskSpec.named(name, "Filler").initialState("ERROR", "NONE", message)
                    : SimTaskSpec.named(name).initialState("ERROR", "FATAL_ERROR", message));
        }
        return this;
    }

    /**
     * Adds {@code count} Replicate tasks named {@code Task-0001} and on, sharing {@code endpoints} endpoints: the first
     * half (rounded up) SQL Server sources {@code Source-01}..., the rest Snowflake targets {@code Target-01}..., each
     * with a password of its own. Task {@code i} (from 0) reads from source {@code i % sources} and writes to target
     * {@code (i / sources) % targets}, so every endpoint serves many tasks, as on a large server. Each task has the
     * default definition over its two endpoints and behaves as {@code template} says (a copy under its name).
     */
    public SimServer generatedTasks(int count, int endpoints, SimTaskSpec template) {
        if (compose) {
            throw new IllegalArgumentException("Compose server " + name + " has no endpoints: they are Replicate's");
        }
        if (count < 0 || endpoints < 2) {
            throw new IllegalArgumentException("generated tasks need a count of zero or more and at least 2 endpoints");
        }
        int sources = (endpoints + 1) / 2;
        int targets = endpoints - sources;
        for (int i = 1; i <= sources; i++) {
            endpoint(DefaultDefinitions.source(generated("Source-%02d", i), name).toString());
        }
        for (int i = 1; i <= targets; i++) {
            endpoint(DefaultDefinitions.target(generated("Target-%02d", i), name).toString());
        }
        for (int i = 0; i < count; i++) {
            task(template.copyAs(generated("Task-%04d", i + 1)).endpoints(generated("Source-%02d", i % sources + 1),
                    generated("Target-%02d", (i / sources) % targets + 1)));
        }
        return this;
    }

    /** {@link #generatedTasks(int, int, SimTaskSpec)} with tasks that behave as {@code SimTaskSpec.named(..)}'s defaults. */
    public SimServer generatedTasks(int count, int endpoints) {
        return generatedTasks(count, endpoints, SimTaskSpec.named("generated"));
    }

    private static String generated(String format, int n) {
        return String.format(java.util.Locale.ROOT, format, n);
    }

    /**
     * Adds an endpoint (Replicate only): one element of an export's {@code cmd.replication_definition.databases}, e.g.
     * {@code {"name":"Orders-DB","role":"SOURCE","type_id":"ORACLE_COMPONENT_TYPE","db_settings":{"$type":
     * "OracleSettings","username":"u","password":"clear text"}}}. Clear-text secrets are encrypted with this server's
     * master key at start; a {@code {Z...}} value is kept as given, so one made with another key breaks the endpoint.
     * Endpoints belong to the server and are shared by its tasks; {@code Source-DB} and {@code Target-DB}, which
     * default definitions use, are added unless given here.
     */
    public synchronized SimServer endpoint(String databaseJson) {
        if (compose) {
            throw new IllegalArgumentException("Compose server " + name + " has no endpoints: they are Replicate's");
        }
        EndpointStore.parse(Objects.requireNonNull(databaseJson, "databaseJson"));
        endpoints.add(databaseJson);
        return this;
    }

    /**
     * This server's master key ({@code mk.dat}), as any text. Servers with the same key decrypt each other's
     * {@code {Z...}} secrets, as Replicate servers that share {@code mk.dat} do. Default: unique to the server name
     * and the simulator's seed.
     */
    public SimServer masterKey(String v) { masterKey = Objects.requireNonNull(v); return this; }

    /**
     * How long an accepted ImportTask takes to become visible (default 0): until then GetTaskList, GetTaskDetails,
     * ExportTask and RunTask see the definition as it was, and a task the import creates answers AEM_TASK_NOT_FOUND.
     */
    public SimServer importDelay(Duration v) { importDelay = DurationRange.of(v); return this; }
    /** {@link #importDelay(Duration)} as a random range. */
    public SimServer importDelay(DurationRange v) { importDelay = Objects.requireNonNull(v); return this; }

    /**
     * How long ExportTask takes to answer (default 0), as a loaded AEM takes a fraction of a second per export. The
     * answer shows the task as it is when the time is up. No thread waits meanwhile: other calls are answered as usual.
     */
    public SimServer exportDelay(Duration v) { exportDelay = DurationRange.of(v); return this; }
    /** {@link #exportDelay(Duration)} as a random range. */
    public SimServer exportDelay(DurationRange v) { exportDelay = Objects.requireNonNull(v); return this; }

    /**
     * How a task that ImportTask creates behaves (start and stop durations, failures, ...): a copy of this spec under
     * the task's name. Default: {@code SimTaskSpec.named(..)}'s defaults. A task deleted and imported again keeps the
     * behaviour it had.
     */
    public SimServer importedTasks(SimTaskSpec template) {
        if (template.project() != null) {
            throw new IllegalArgumentException("the template of imported tasks is a Replicate task: no project");
        }
        importedTasks = template.copy();
        return this;
    }

    /** Free text shown in the server list. */
    public SimServer description(String v) { description = Objects.requireNonNull(v); return this; }
    /** The host AEM connects to (display only). */
    public SimServer host(String v) { host = Objects.requireNonNull(v); return this; }
    /** The port AEM connects to (display only). */
    public SimServer port(int v) { port = v; return this; }
    /** UNKNOWN, WINDOWS or LINUX. */
    public SimServer platform(String v) { platform = Objects.requireNonNull(v); return this; }
    /**
     * The product version shown by GetServerList and GetServerDetails, and carried by ExportTask's {@code _version}
     * ({@code a.b.c.d}; revision = the fourth part). Definition calls need Replicate 5.5 or later.
     */
    public SimServer version(String v) { version = Objects.requireNonNull(v); return this; }

    /**
     * The monitoring state: MONITORED, NOT_MONITORED (task calls answer AEM_SERVER_NOT_MONITORED) or ERROR (task
     * calls answer AEM_SERVER_NOT_CONNECTED naming {@code message}).
     */
    public SimServer state(String newState, String newMessage) {
        message = Objects.requireNonNull(newMessage);
        state = Objects.requireNonNull(newState);
        return this;
    }

    /** Shorthand for {@code state(newState, "")}. */
    public SimServer state(String newState) {
        return state(newState, "");
    }

    /** The license shown in server details (display only; inject license error codes with runError/failNext). */
    public SimServer license(String newState, int days) {
        licenseState = Objects.requireNonNull(newState);
        daysToExpiration = days;
        return this;
    }

    public synchronized List<String> endpoints() { return List.copyOf(endpoints); }
    /** The master key text, or null for the default. */
    public String masterKey() { return masterKey; }
    public DurationRange importDelay() { return importDelay; }
    public DurationRange exportDelay() { return exportDelay; }
    /** The template of tasks created by ImportTask (a copy). */
    public SimTaskSpec importedTasks() { return importedTasks.copy(); }
    public String name() { return name; }
    public boolean isCompose() { return compose; }
    public synchronized List<SimTaskSpec> tasks() { return List.copyOf(tasks); }
    public String description() { return description; }
    public String host() { return host; }
    public int port() { return port; }
    public String platform() { return platform; }
    public String version() { return version; }
    public String state() { return state; }
    public String message() { return message; }
    public String licenseState() { return licenseState; }
    public int daysToExpiration() { return daysToExpiration; }
}
