package io.jenkins.plugins.aem.bench.soak.deploy;

import io.jenkins.plugins.aem.bench.SimEndpoints;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.DurationRange;
import io.jenkins.plugins.aem.simulator.ServerRepository;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTask;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The simulator of one lane of the release soak: a Replicate server whose {@value #TASKS} tasks share
 * {@value #SOURCES} source and {@value #TARGETS} target endpoints, as a production server's do, with passwords the soak
 * knows; every third task RUNNING. Only this lane releases to it, one release at a time, so a fault armed on it hits
 * that release and no other. Imports show after 0 to 0.5 s; tasks take 0.15 to 0.8 s to start or stop; AEM's own wait
 * on run and stop ends after 1 s; 3 % of requests arrive late (up to 0.3 s), the deploy soak's background noise.
 */
final class ReleaseLaneSim implements AutoCloseable {

    /** The lane server's name, as the deploy soak's lanes name theirs ({@link LaneSim#visible} reads it). */
    static final String SERVER = LaneSim.SERVER;
    static final String RELEASER = "releaser";
    static final int TASKS = 24;
    static final int SOURCES = 3;
    static final int TARGETS = 3;

    final int lane;
    final AemSimulator sim;
    final String password;
    /** The lane's tasks, in order. */
    final List<String> tasks;
    private final Random random;
    /** Each endpoint's password, which no release changes. */
    private final Map<String, String> endpointSecrets = new LinkedHashMap<>();

    ReleaseLaneSim(int lane, long seed) throws IOException {
        this.lane = lane;
        this.random = new Random(seed * 37 + lane);
        this.password = secret("rel");
        SimServer server = SimServer.replicate(SERVER)
                .importDelay(DurationRange.between(Duration.ZERO, Duration.ofMillis(500)))
                .importedTasks(normal(SimTaskSpec.named("imported")));
        for (int i = 1; i <= SOURCES; i++) {
            String name = String.format(Locale.ROOT, "Source-%02d", i);
            endpointSecrets.put(name, secret("src"));
            server.endpoint(SimEndpoints.source(name, "sql" + i + ".lane" + lane + ".internal", endpointSecrets.get(name)));
        }
        for (int i = 1; i <= TARGETS; i++) {
            String name = String.format(Locale.ROOT, "Target-%02d", i);
            endpointSecrets.put(name, secret("tgt"));
            server.endpoint(SimEndpoints.target(name, "wh" + i + ".lane" + lane + ".snowflakecomputing.com",
                    endpointSecrets.get(name)));
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            String name = String.format(Locale.ROOT, "L%d-T%02d", lane, i);
            names.add(name);
            SimTaskSpec spec = normal(SimTaskSpec.named(name)).tables(3 + i % 4)
                    .endpoints(String.format(Locale.ROOT, "Source-%02d", i % SOURCES + 1),
                            String.format(Locale.ROOT, "Target-%02d", i / SOURCES % TARGETS + 1));
            server.task(i % 3 == 1 ? spec.initialState("RUNNING", "NONE", "") : spec);
        }
        this.tasks = List.copyOf(names);
        this.sim = AemSimulator.builder().port(0).seed(seed + lane).designer(RELEASER, password)
                .serverWaitCap(Duration.ofSeconds(1)).server(server).faults(LaneSim::background).start();
    }

    private static SimTaskSpec normal(SimTaskSpec spec) {
        return spec.startDuration(Duration.ofMillis(150), Duration.ofMillis(800))
                .stopDuration(Duration.ofMillis(150), Duration.ofMillis(800));
    }

    /** Takes every fault away and puts every task's behaviour back, so that nothing armed outlives its release. */
    void calm() {
        LaneSim.background(sim.faults().clear());
        for (SimTask t : sim.tasks(SERVER)) {
            normal(t.spec()).runError((String) null).stopError((String) null).failOnRun(false);
        }
    }

    /** The task as reads show it now, if they do. */
    Optional<SimTask> task(String task) {
        return LaneSim.visible(sim, task);
    }

    ServerRepository repo() {
        return sim.repository(SERVER);
    }

    TaskTruth truth(String task) {
        return TaskTruth.of(sim, SERVER, task);
    }

    String url() {
        return sim.baseUrl().toString();
    }

    /** The endpoints and their passwords. */
    Map<String, String> endpointSecrets() {
        return Map.copyOf(endpointSecrets);
    }

    /** Every value that must never show: passwords, the releaser's Basic value, every session ID the simulator issued. */
    List<String> secrets() {
        List<String> all = new ArrayList<>(endpointSecrets.values());
        all.add(password);
        all.addAll(sim.secrets());
        all.addAll(sim.issuedSessionIds());
        all.add(Base64.getEncoder().encodeToString((RELEASER + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return all;
    }

    private String secret(String what) {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return "rsoak-" + what + "-" + lane + "-" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        sim.close();
    }
}
