package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import io.jenkins.plugins.aem.client.release.TaskPatterns;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.AemSimulatorBuilder;
import io.jenkins.plugins.aem.simulator.ServerRepository;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * Two Replicate servers, Dev and Prod, each with the same six generated tasks {@code Task-0001}... over four endpoints
 * (Source-01, Source-02, Target-01, Target-02), stopped and quick to start and stop, and on Prod a task {@code Extra}
 * that no folder holds; a designer who releases; and a
 * release folder in memory, with a thread of its own for the folder's calls.
 */
final class ReleaseFixture implements AutoCloseable {

    static final String RELEASER = "releaser";
    static final String RELEASER_PASSWORD = "rel-Pa55-word";
    /** The secret a release gives every endpoint it carries, when asked to. */
    static final String SECRET = "release-Endpoint-Secret-7";

    static {
        SecretScan.register(SECRET);
    }

    final SimFixture fx;
    final MemoryFolder folder = new MemoryFolder();
    final ExecutorService io = Executors.newSingleThreadExecutor(r -> new Thread(r, "release-folder"));

    ReleaseFixture() {
        this(b -> b);
    }

    ReleaseFixture(UnaryOperator<AemSimulatorBuilder> more) {
        fx = new SimFixture(more.apply(AemSimulator.builder().designer(RELEASER, RELEASER_PASSWORD)
                .server(SimServer.replicate("Dev").generatedTasks(6, 4, fast("t")))
                .server(SimServer.replicate("Prod").generatedTasks(6, 4, fast("t")).task(fast("Extra")))));
    }

    static SimTaskSpec fast(String name) {
        return SimTaskSpec.named(name).startDuration(Duration.ofMillis(100)).stopDuration(Duration.ofMillis(100));
    }

    AemClient client() {
        return fx.pool.client(ConnectionSettings.builder(fx.sim.baseUrl().toString(),
                Credentials.of(RELEASER, RELEASER_PASSWORD)).build());
    }

    ServerRepository repo(String server) {
        return fx.sim.repository(server);
    }

    ExportTasksOutcome export(ExportTasksRequest request) {
        return SimFixture.join(client().exportTasks(request, folder, io, fx.listener()));
    }

    /** Exports Dev's tasks with their endpoints into the folder. */
    ExportTasksOutcome exportDev() {
        return export(new ExportTasksRequest("Dev", TaskPatterns.all(), true, Map.of(), false, 0, Duration.ofSeconds(30)));
    }

    /** A release of the folder to Prod, with a short deadline per task. */
    DeployTasksRequest.Builder release() {
        return DeployTasksRequest.builder("Prod").timeout(Duration.ofSeconds(30));
    }

    DeployTasksOutcome deploy(DeployTasksRequest request) {
        return SimFixture.join(client().deployTasks(request, folder, io, fx.listener()));
    }

    /** The same secret for each of the endpoints named. */
    static Map<String, EndpointSecret> secrets(String... endpoints) {
        Map<String, EndpointSecret> out = new TreeMap<>();
        for (String e : endpoints) {
            out.put(e, EndpointSecret.secretText(SECRET));
        }
        return out;
    }

    /** The normalised definition of each of the server's tasks, to compare before and after. */
    Map<String, String> definitions(String server) {
        Map<String, String> out = new TreeMap<>();
        for (String t : repo(server).taskNames()) {
            out.put(t, repo(server).definition(t).orElseThrow());
        }
        return out;
    }

    /** Changes a setting in a task's file, so that the release changes the task. */
    void change(String task) {
        folder.edit("tasks/" + task + ".json", "\"parallel_load_threads\": 4", "\"parallel_load_threads\": 8");
    }

    /**
     * Exports Dev's tasks, changes Task-0001, Task-0002 and Task-0003 in the folder, and has Task-0002 run on Prod (so
     * that its deploy stops it and runs it again); returns Prod's definitions before any release.
     */
    Map<String, String> threeChangedTasks() {
        exportDev();
        change("Task-0001");
        change("Task-0002");
        change("Task-0003");
        fx.sim.task("Prod", "Task-0002").setState("RUNNING");
        return definitions("Prod");
    }

    /** The file of a task of the folder copied as a new task of that name. */
    void copy(String from, String to) {
        folder.files.put("tasks/" + to + ".json", folder.files.get("tasks/" + from + ".json")
                .replace("\"name\": \"" + from + "\"", "\"name\": \"" + to + "\""));
    }

    /** Every event the listener was told, one line each. */
    String events() {
        StringBuilder out = new StringBuilder();
        fx.events.forEach(e -> out.append(e.format()).append('\n'));
        return out.toString();
    }

    static List<String> names(List<ReleasedTask> tasks) {
        return tasks.stream().map(t -> t.task().task()).toList();
    }

    @Override
    public void close() {
        fx.close();
        io.shutdownNow();
    }
}
