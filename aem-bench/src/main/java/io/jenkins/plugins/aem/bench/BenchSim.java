package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.DurationRange;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import io.jenkins.plugins.aem.simulator.StateChange;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The simulator as the benchmark uses it: started for one scenario, then asked for counts and ground truth. All use
 * of the simulator's API by the benchmark goes through here.
 */
final class BenchSim implements AutoCloseable {

    static final String USER = "bench";
    static final String PASSWORD = "bench-pw-7f3a";
    static final String SERVER = "R";
    /** The passwords of the deploy benchmark's endpoints, which its deploys fill in. */
    static final String SOURCE_PASSWORD = "bench-src-pw-52c1";
    static final String TARGET_PASSWORD = "bench-tgt-pw-0d9e";

    /** Room for every request of the baseline's crowd (about 15 per task) with a wide margin. */
    private static final int JOURNAL_CAPACITY = 1_000_000;

    private final AemSimulator sim;
    private final List<TaskRef> tasks;
    private Map<String, List<JournalEntry>> byTask;

    private BenchSim(AemSimulator sim, List<TaskRef> tasks) {
        this.sim = sim;
        this.tasks = tasks;
    }

    /** Starts a simulator with the scenario's tasks, all STOPPED, on a free port. */
    static BenchSim start(ScenarioSpec spec, long seed) throws IOException {
        SimServer server = SimServer.replicate(SERVER).fillerTasks(spec.fillerTasks(), spec.messageChars());
        List<TaskRef> refs = new ArrayList<>();
        for (int i = 0; i < spec.tasks(); i++) {
            String name = String.format(Locale.ROOT, "T%04d", i);
            server.task(SimTaskSpec.named(name)
                    .startDuration(spec.transitionMin(), spec.transitionMax())
                    .stopDuration(spec.transitionMin(), spec.transitionMax()));
            refs.add(TaskRef.of(SERVER, name, null));
        }
        AemSimulator sim = AemSimulator.builder().port(0).user(USER, PASSWORD).serverWaitCap(spec.serverWaitCap())
                .seed(seed).journalCapacity(JOURNAL_CAPACITY).server(server).start();
        return new BenchSim(sim, List.copyOf(refs));
    }

    /**
     * Starts a simulator for the deploy benchmark: a designer, the endpoints with the passwords above, tasks
     * {@code D00}... each with the default definition, three in ten RUNNING.
     */
    static BenchSim startDeploys(DeployBenchConfig config) throws IOException {
        Duration min = Duration.ofMillis(200);
        Duration max = Duration.ofMillis(800);
        SimServer server = SimServer.replicate(SERVER).importDelay(DurationRange.between(min, max))
                .endpoint(SimEndpoints.source("sqlserver.bench.internal", SOURCE_PASSWORD))
                .endpoint(SimEndpoints.target("bench.snowflakecomputing.com", TARGET_PASSWORD));
        List<TaskRef> refs = new ArrayList<>();
        for (int i = 0; i < config.deploys(); i++) {
            String name = String.format(Locale.ROOT, "D%02d", i);
            SimTaskSpec spec = SimTaskSpec.named(name).startDuration(min, max).stopDuration(min, max);
            server.task(config.running(i) ? spec.initialState("RUNNING", "NONE", "") : spec);
            refs.add(TaskRef.of(SERVER, name, null));
        }
        AemSimulator sim = AemSimulator.builder().port(0).designer(USER, PASSWORD).seed(config.seed())
                .journalCapacity(JOURNAL_CAPACITY).server(server).start();
        return new BenchSim(sim, List.copyOf(refs));
    }

    /**
     * Starts a simulator for the set benchmarks: a designer, and {@code config.tasks()} generated tasks
     * {@code Task-0001}... over {@code config.endpoints()} shared endpoints, all STOPPED, whose ExportTask answers after
     * {@code config.exportDelay()}.
     */
    static BenchSim startSet(SetBenchConfig config) throws IOException {
        SimServer server = SimServer.replicate(SERVER).generatedTasks(config.tasks(), config.endpoints())
                .exportDelay(config.exportDelay());
        List<TaskRef> refs = new ArrayList<>();
        for (int i = 1; i <= config.tasks(); i++) {
            refs.add(TaskRef.of(SERVER, String.format(Locale.ROOT, "Task-%04d", i), null));
        }
        AemSimulator sim = AemSimulator.builder().port(0).designer(USER, PASSWORD).seed(config.seed())
                .journalCapacity(JOURNAL_CAPACITY).server(server).start();
        return new BenchSim(sim, List.copyOf(refs));
    }

    /** The most requests the simulator held at once since the last {@link #forgetRequests()}. */
    int peakInFlight() {
        return sim.inFlight().peak(RequestKind.ALL);
    }

    /** ExportTask requests received so far. */
    long exports() {
        return sim.journal().count(JournalEntry::isExport);
    }

    /** ImportTask requests received so far for these tasks. */
    long imports(Set<String> tasks) {
        return sim.journal().count(e -> e.isImport() && tasks.contains(taskOf(e)));
    }

    /** Requests received so far by kind (LOGIN, READ, EXPORT, IMPORT, COMMAND, ...), in the kinds' order. */
    Map<String, Long> requestsByKind() {
        Map<String, Long> byKind = new TreeMap<>();
        sim.journal().entries().forEach(e -> byKind.merge(e.kind().name(), 1L, Long::sum));
        return byKind;
    }

    /** The task's stored definition, normalised; empty when it does not exist. */
    Optional<String> definition(TaskRef task) {
        return sim.repository(task.server()).definition(task.task());
    }

    /** The task's state as the simulator has it. */
    String state(TaskRef task) {
        return sim.task(task.server(), task.task()).state();
    }

    /** Forgets every request so far: what a measurement counts starts here. */
    void forgetRequests() {
        sim.journal().clear();
        sim.inFlight().resetPeaks();
        byTask = null;
    }

    String baseUrl() {
        return sim.baseUrl().toString();
    }

    List<TaskRef> tasks() {
        return tasks;
    }

    /** Every request received so far, logins included. */
    long requests() {
        return sim.journal().entries().size();
    }

    /** GetTaskList requests received so far (whole or broken off by the client). */
    long taskLists() {
        return sim.journal().count(JournalEntry::isTaskList);
    }

    long logins() {
        return sim.journal().count(JournalEntry::isLogin);
    }

    /** Run and stop commands received so far. */
    long commands() {
        return sim.journal().count(e -> e.isRun() || e.isStop());
    }

    /** Waits until at least {@code n} commands were received, or the time is up. */
    void awaitCommands(long n, Duration max) throws InterruptedException {
        Instant end = Instant.now().plus(max);
        while (commands() < n && Instant.now().isBefore(end)) {
            Thread.sleep(20);
        }
    }

    /** When the task first entered {@code state} at or after {@code after}, by the simulator's history; or null. */
    Instant firstChangeTo(TaskRef task, String state, Instant after) {
        for (StateChange change : sim.task(task.server(), task.task()).history()) {
            if (!change.at().isBefore(after) && state.equals(String.valueOf(change.state()))) {
                return change.at();
            }
        }
        return null;
    }

    /** When the first run or stop command for the task arrived at or after {@code after}; or null. */
    Instant commandAt(TaskRef task, Instant after) {
        for (JournalEntry e : byTask().getOrDefault(task.task(), List.of())) {
            if ((e.isRun() || e.isStop()) && !e.at().isBefore(after)) {
                return e.at();
            }
        }
        return null;
    }

    /** Forgets the journal index, so that the next question sees requests received since. */
    void refresh() {
        byTask = null;
    }

    /** The journal grouped by task name, oldest first; built once, since an analysis asks per operation. */
    private Map<String, List<JournalEntry>> byTask() {
        if (byTask == null) {
            Map<String, List<JournalEntry>> index = new HashMap<>();
            for (JournalEntry e : sim.journal().entries()) {
                String name = taskOf(e);
                if (name != null) {
                    index.computeIfAbsent(name, k -> new ArrayList<>()).add(e);
                }
            }
            index.values().forEach(l -> l.sort(Comparator.comparing(JournalEntry::at)));
            byTask = index;
        }
        return byTask;
    }

    /** The task a request was about, from its decoded path {@code .../servers/S/tasks/T}; or null. */
    static String taskOf(JournalEntry e) {
        String path = e.path();
        int i = path == null ? -1 : path.lastIndexOf("/tasks/");
        return i < 0 ? null : path.substring(i + "/tasks/".length());
    }

    @Override
    public void close() {
        sim.close();
    }
}
