package io.jenkins.plugins.aem.bench.soak.deploy;

import io.jenkins.plugins.aem.bench.SimEndpoints;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.DurationRange;
import io.jenkins.plugins.aem.simulator.Faults;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator of one soak lane: a Replicate server whose tasks only this lane deploys to, one deploy at a time, so a
 * fault armed on it hits that deploy and no other. Its endpoints are configured here with passwords the soak knows,
 * and every secret the soak hands out or the simulator issues is kept for the secret scan.
 *
 * <p>Imports become visible after 0 to 0.7 s, AEM's own wait on run and stop ends after 1 s (so a deploy also polls),
 * and 3 % of requests arrive late (up to 0.3 s): the deploy soak's background noise. Tasks take 0.15 to 1.2 s to start
 * or stop, and most show the state they are leaving meanwhile (AEM has no STARTING or STOPPING state). Its faults are
 * {@link DeployFault}s.
 */
final class LaneSim implements AutoCloseable {

    static final String SERVER = "R";
    static final String DEPLOYER = "deployer";
    static final String OPERATOR = "operator";
    static final String SOURCE = SimEndpoints.SOURCE;
    static final String TARGET = SimEndpoints.TARGET;
    /** Tasks per lane; the odd ones start RUNNING. */
    static final int TASKS = 6;

    static final Duration NORMAL_MIN = Duration.ofMillis(150);
    static final Duration NORMAL_MAX = Duration.ofMillis(1200);

    final int lane;
    final AemSimulator sim;
    final String deployerPassword;
    final String operatorPassword;
    final List<String> tasks;
    private final Random random;
    private final Map<String, String> endpointSecrets = new ConcurrentHashMap<>();
    private final Set<String> handedOut = ConcurrentHashMap.newKeySet();

    LaneSim(int lane, long seed) throws IOException {
        this.lane = lane;
        this.random = new Random(seed * 31 + lane);
        this.deployerPassword = newSecret("dep");
        this.operatorPassword = newSecret("op");
        endpointSecrets.put(SOURCE, newSecret("src"));
        endpointSecrets.put(TARGET, newSecret("tgt"));
        SimServer server = SimServer.replicate(SERVER)
                .importDelay(DurationRange.between(Duration.ZERO, Duration.ofMillis(700)))
                .importedTasks(normal(SimTaskSpec.named("imported")))
                .endpoint(SimEndpoints.source("sqlserver.lane" + lane + ".internal", endpointSecrets.get(SOURCE)))
                .endpoint(SimEndpoints.target("lane" + lane + ".snowflakecomputing.com", endpointSecrets.get(TARGET)));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            String name = String.format(Locale.ROOT, "L%d-T%d", lane, i);
            names.add(name);
            SimTaskSpec spec = normal(SimTaskSpec.named(name)).tables(3 + i);
            if (i % 2 == 1) {
                spec.initialState("RUNNING", "NONE", "");
            }
            if (i % 4 == 1) {
                // AEM documents no such states; most tasks show none, as the least forgiving reading has it.
                spec.startingState("STARTING").stoppingState("STOPPING");
            }
            server.task(spec);
        }
        this.tasks = List.copyOf(names);
        this.sim = AemSimulator.builder().port(0).seed(seed + lane).designer(DEPLOYER, deployerPassword)
                .user(OPERATOR, operatorPassword).serverWaitCap(Duration.ofSeconds(1)).server(server)
                .faults(LaneSim::background).start();
    }

    private static SimTaskSpec normal(SimTaskSpec spec) {
        return spec.startDuration(NORMAL_MIN, NORMAL_MAX).stopDuration(NORMAL_MIN, NORMAL_MAX);
    }

    /** The noise every deploy meets. */
    static void background(Faults faults) {
        faults.latency(0.03, Duration.ofMillis(10), Duration.ofMillis(300));
    }

    /** Takes every fault away and puts the task's behaviour back, so nothing armed outlives its deploy. */
    void calm(String task) {
        background(sim.faults().clear());
        task(task).ifPresent(t -> normal(t.spec()).runError((String) null).stopError((String) null).failOnRun(false));
    }

    /** The task as reads show it now, if they do. */
    Optional<SimTask> task(String task) {
        return visible(sim, task);
    }

    /** A task of a lane's server as reads show it now, if they do: the deploy and release soaks' lanes alike. */
    static Optional<SimTask> visible(AemSimulator sim, String task) {
        try {
            return Optional.of(sim.task(SERVER, task));
        } catch (NoSuchElementException notVisible) {
            return Optional.empty();
        }
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

    /** The password of a user of this lane. */
    String password(String user) {
        return DEPLOYER.equals(user) ? deployerPassword : operatorPassword;
    }

    /** The clear-text secret the endpoint holds now, as far as the soak knows. */
    String endpointSecret(String endpoint) {
        return endpointSecrets.get(endpoint);
    }

    /** Notes that the endpoint now holds {@code secret} (a deploy that carried it succeeded). */
    void endpointSecret(String endpoint, String secret) {
        endpointSecrets.put(endpoint, secret);
    }

    /**
     * A rotated secret for the endpoint: fresh, and taken by the endpoint's database besides the ones before (as a
     * database keeps the old password valid a while), so that the deploy's endpoint test passes, and a restore to the
     * old one or a later deploy of it does too.
     */
    String rotatedSecret(String endpoint) {
        String secret = newSecret("rot");
        repo().endpoints().databaseAlsoAccepts(endpoint, "password", secret);
        return secret;
    }

    /** A fresh secret; kept for the scan. */
    String newSecret(String what) {
        byte[] bytes = new byte[6];
        synchronized (random) {
            random.nextBytes(bytes);
        }
        String secret = "dsoak-" + what + "-" + lane + "-" + HexFormat.of().formatHex(bytes);
        handedOut.add(secret);
        return secret;
    }

    /**
     * Every value that must never show: the secrets the soak made, the users' Basic values, and what the simulator
     * knows (its passwords and every session ID it issued).
     */
    List<String> secrets() {
        List<String> all = new ArrayList<>(handedOut);
        all.addAll(sim.secrets());
        all.addAll(sim.issuedSessionIds());
        for (String user : List.of(DEPLOYER, OPERATOR)) {
            all.add(Base64.getEncoder().encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8)));
        }
        return all;
    }

    @Override
    public void close() {
        sim.close();
    }
}
