package io.jenkins.plugins.aem.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How a simulated task behaves. Fluent and mutable: the simulator copies the spec at start, and the copy held by
 * a {@link SimTask} ({@link SimTask#spec()}) can be changed while the simulator runs; commands read it when they
 * arrive. Every setter returns {@code this}.
 */
public final class SimTaskSpec {
    private final String name;
    private final String project;
    private volatile String description = "";
    private volatile String definition; // an export's JSON, or null for the default definition
    private volatile DurationRange startDuration = DurationRange.ofMillis(1000);
    private volatile DurationRange stopDuration = DurationRange.ofMillis(1000);
    private volatile DurationRange fullLoadDuration = DurationRange.ofMillis(2000);
    private volatile String startingState;
    private volatile String stoppingState;
    private volatile boolean fullLoadOnly;
    private volatile boolean failOnRun;
    private volatile String failMessage = "The task stopped abnormally";
    private volatile boolean recovery;
    private volatile DurationRange recoveryAfter = DurationRange.ofMillis(1000);
    private volatile DurationRange recoveryDuration = DurationRange.ofMillis(2000);
    private volatile boolean recoveryEndsInError;
    private volatile String recoveryMessage = "Lost connection to the source endpoint; retrying";
    private volatile Duration lag = Duration.ZERO;
    private volatile String initialState = "STOPPED";
    private volatile String initialStopReason = "NONE";
    private volatile String initialMessage = "";
    private volatile boolean initialFullLoadCompleted;
    private volatile int tables = 10;
    private volatile int memoryMb = 512;
    private volatile boolean errorMessageInAnswer = true;
    private volatile SimHealthSpec health;
    private volatile String sourceEndpoint; // null: the default definition's Source-DB
    private volatile String targetEndpoint; // null: the default definition's Target-DB
    private InjectedError runError; // guarded by this: "once" errors are taken atomically
    private InjectedError stopError; // guarded by this

    private SimTaskSpec(String name, String project) {
        this.name = Objects.requireNonNull(name, "name");
        this.project = project;
    }

    /** A Replicate task. */
    public static SimTaskSpec named(String name) {
        return new SimTaskSpec(name, null);
    }

    /** A Compose task in a project; its wire name is {@code name__project}. */
    public static SimTaskSpec named(String name, String project) {
        return new SimTaskSpec(name, Objects.requireNonNull(project, "project"));
    }

    /** An independent copy, so a builder's spec can be reused by several simulators. */
    public SimTaskSpec copy() {
        return copyAs(name);
    }

    /** An independent copy under another name (a task ImportTask creates takes its behaviour from a template). */
    synchronized SimTaskSpec copyAs(String newName) {
        SimTaskSpec c = new SimTaskSpec(newName, project);
        c.definition = newName.equals(name) ? definition : null; // it names this task
        c.description = description; c.startDuration = startDuration; c.stopDuration = stopDuration;
        c.fullLoadDuration = fullLoadDuration; c.startingState = startingState; c.stoppingState = stoppingState;
        c.fullLoadOnly = fullLoadOnly; c.failOnRun = failOnRun; c.failMessage = failMessage; c.recovery = recovery;
        c.recoveryAfter = recoveryAfter; c.recoveryDuration = recoveryDuration;
        c.recoveryEndsInError = recoveryEndsInError; c.recoveryMessage = recoveryMessage; c.lag = lag;
        c.initialState = initialState; c.initialStopReason = initialStopReason; c.initialMessage = initialMessage;
        c.initialFullLoadCompleted = initialFullLoadCompleted; c.tables = tables; c.memoryMb = memoryMb;
        c.runError = runError; c.stopError = stopError; c.errorMessageInAnswer = errorMessageInAnswer;
        c.health = health == null ? null : health.copy();
        c.sourceEndpoint = sourceEndpoint; c.targetEndpoint = targetEndpoint;
        return c;
    }

    public SimTaskSpec description(String v) { description = Objects.requireNonNull(v); return this; }
    public SimTaskSpec startDuration(Duration v) { startDuration = DurationRange.of(v); return this; }
    public SimTaskSpec startDuration(Duration min, Duration max) { startDuration = DurationRange.between(min, max); return this; }
    public SimTaskSpec startDuration(DurationRange v) { startDuration = Objects.requireNonNull(v); return this; }
    public SimTaskSpec stopDuration(Duration v) { stopDuration = DurationRange.of(v); return this; }
    public SimTaskSpec stopDuration(Duration min, Duration max) { stopDuration = DurationRange.between(min, max); return this; }
    public SimTaskSpec stopDuration(DurationRange v) { stopDuration = Objects.requireNonNull(v); return this; }
    public SimTaskSpec fullLoadDuration(Duration v) { fullLoadDuration = DurationRange.of(v); return this; }
    public SimTaskSpec fullLoadDuration(DurationRange v) { fullLoadDuration = Objects.requireNonNull(v); return this; }
    /** Wire state shown while starting, e.g. {@code STARTING}; null (default) shows the state before the run. */
    public SimTaskSpec startingState(String v) { startingState = v; return this; }
    /** Wire state shown while stopping; null (default) keeps showing the state before the stop. */
    public SimTaskSpec stoppingState(String v) { stoppingState = v; return this; }
    /** RUNNING for the full-load duration, then STOPPED with FULL_LOAD_ONLY_FINISHED. */
    public SimTaskSpec fullLoadOnly(boolean v) { fullLoadOnly = v; return this; }
    /** After the start duration the task goes to ERROR (FATAL_ERROR) instead of RUNNING. */
    public SimTaskSpec failOnRun(boolean v) { failOnRun = v; return this; }
    /** The ERROR message used by failOnRun, without switching it on. */
    public SimTaskSpec failMessage(String v) { failMessage = Objects.requireNonNull(v); return this; }
    public SimTaskSpec failOnRun(String message) { failOnRun = true; failMessage = Objects.requireNonNull(message); return this; }
    /** RUNNING, after {@code after}, goes to RECOVERY for {@code duration}, then back to RUNNING. */
    public SimTaskSpec recovery(Duration after, Duration duration) {
        recovery = true; recoveryAfter = DurationRange.of(after); recoveryDuration = DurationRange.of(duration); return this;
    }
    public SimTaskSpec recovery(boolean v) { recovery = v; return this; }
    public SimTaskSpec recoveryAfter(DurationRange v) { recoveryAfter = Objects.requireNonNull(v); return this; }
    public SimTaskSpec recoveryDuration(DurationRange v) { recoveryDuration = Objects.requireNonNull(v); return this; }
    /** Whether recovery ends in ERROR (FATAL_ERROR) rather than RUNNING. */
    public SimTaskSpec recoveryEndsInError(boolean v) { recoveryEndsInError = v; return this; }
    public SimTaskSpec recoveryMessage(String v) { recoveryMessage = Objects.requireNonNull(v); return this; }
    /** For this long after an accepted command, reads still show the task as it was before the command. */
    public SimTaskSpec lag(Duration v) { lag = Objects.requireNonNull(v); return this; }
    public SimTaskSpec initialState(String state) { return initialState(state, initialStopReason, initialMessage); }
    /** The state at start, e.g. ERROR with a message, RECOVERY, or STOPPED with an old stop reason. */
    public SimTaskSpec initialState(String state, String stopReason, String message) {
        initialState = Objects.requireNonNull(state); initialStopReason = Objects.requireNonNull(stopReason);
        initialMessage = Objects.requireNonNull(message); return this;
    }
    public SimTaskSpec initialFullLoadCompleted(boolean v) { initialFullLoadCompleted = v; return this; }
    /**
     * Whether a run or stop answer in ERROR carries the task's message in {@code error_message} (default true); false
     * answers {@code "error_message":""}, leaving the reason only in GetTaskDetails' {@code message}.
     */
    public SimTaskSpec errorMessageInAnswer(boolean v) { errorMessageInAnswer = v; return this; }
    /**
     * The task's definition (Replicate only), as the JSON an export gives: {@code {"cmd.replication_definition":
     * {"tasks":[{"task":{"name":..},..}],"databases":[..]},..}}. Its one task must carry this spec's name; its endpoints
     * are added to the server. Without it the task gets a default definition (see the module README).
     */
    public SimTaskSpec definition(String exportJson) {
        if (project != null) {
            throw new IllegalArgumentException("Compose task " + name + " has no definition: ExportTask and ImportTask "
                    + "are Replicate-only");
        }
        ImportBody.configured(exportJson, name); // refuse a bad one now, not when the simulator starts
        definition = exportJson;
        return this;
    }
    /**
     * The endpoints the default definition names (default {@code Source-DB} and {@code Target-DB}); the server must
     * have them, as {@link SimServer#endpoint} or {@link SimServer#generatedTasks} add them.
     */
    public SimTaskSpec endpoints(String source, String target) {
        sourceEndpoint = Objects.requireNonNull(source, "source");
        targetEndpoint = Objects.requireNonNull(target, "target");
        return this;
    }
    public SimTaskSpec tables(int v) { tables = Math.max(1, v); return this; }
    public SimTaskSpec memoryMb(int v) { memoryMb = Math.max(1, v); return this; }
    /** How GetTaskDetails' health members behave (latency, tables, data errors); null keeps the fixed values. */
    public SimTaskSpec health(SimHealthSpec v) { health = v; return this; }
    /** Every run is answered with this code (no effect unless it is a *_TIMEOUT code). */
    public synchronized SimTaskSpec runError(String code) { runError = code == null ? null : new InjectedError(code, false); return this; }
    /** The next run only is answered with this code. */
    public synchronized SimTaskSpec runErrorOnce(String code) { runError = new InjectedError(code, true); return this; }
    public synchronized SimTaskSpec runError(InjectedError v) { runError = v; return this; }
    /** Every stop is answered with this code (no effect unless it is a *_TIMEOUT code). */
    public synchronized SimTaskSpec stopError(String code) { stopError = code == null ? null : new InjectedError(code, false); return this; }
    /** The next stop only is answered with this code. */
    public synchronized SimTaskSpec stopErrorOnce(String code) { stopError = new InjectedError(code, true); return this; }
    public synchronized SimTaskSpec stopError(InjectedError v) { stopError = v; return this; }

    /** Returns the run error for this command and forgets it if it was a once-only error. */
    synchronized InjectedError takeRunError() {
        InjectedError e = runError;
        if (e != null && e.once()) {
            runError = null;
        }
        return e;
    }

    /** Returns the stop error for this command and forgets it if it was a once-only error. */
    synchronized InjectedError takeStopError() {
        InjectedError e = stopError;
        if (e != null && e.once()) {
            stopError = null;
        }
        return e;
    }

    public String name() { return name; }
    /** The Compose project, or null for a Replicate task. */
    public String project() { return project; }
    /** The name used in URLs and lists: {@code name} or {@code name__project}. */
    public String wireName() { return project == null ? name : name + "__" + project; }
    public String description() { return description; }
    /**
     * The definition given with {@link #definition(String)}, or null for the default: the task's definition at start.
     * ImportTask changes the repository's copy ({@link ServerRepository#definition(String)}), never this.
     */
    public String definition() { return definition; }
    public DurationRange startDuration() { return startDuration; }
    public DurationRange stopDuration() { return stopDuration; }
    public DurationRange fullLoadDuration() { return fullLoadDuration; }
    public String startingState() { return startingState; }
    public String stoppingState() { return stoppingState; }
    public boolean fullLoadOnly() { return fullLoadOnly; }
    public boolean failOnRun() { return failOnRun; }
    public String failMessage() { return failMessage; }
    public boolean recovery() { return recovery; }
    public DurationRange recoveryAfter() { return recoveryAfter; }
    public DurationRange recoveryDuration() { return recoveryDuration; }
    public boolean recoveryEndsInError() { return recoveryEndsInError; }
    public String recoveryMessage() { return recoveryMessage; }
    public Duration lag() { return lag; }
    public String initialState() { return initialState; }
    public String initialStopReason() { return initialStopReason; }
    public String initialMessage() { return initialMessage; }
    public boolean initialFullLoadCompleted() { return initialFullLoadCompleted; }
    public int tables() { return tables; }
    public int memoryMb() { return memoryMb; }
    public boolean errorMessageInAnswer() { return errorMessageInAnswer; }
    /** The source endpoint of the default definition, or null for {@code Source-DB}. */
    public String sourceEndpoint() { return sourceEndpoint; }
    /** The target endpoint of the default definition, or null for {@code Target-DB}. */
    public String targetEndpoint() { return targetEndpoint; }
    /** The health behaviour, or null. */
    public SimHealthSpec health() { return health; }
    public synchronized InjectedError runError() { return runError; }
    public synchronized InjectedError stopError() { return stopError; }
}
