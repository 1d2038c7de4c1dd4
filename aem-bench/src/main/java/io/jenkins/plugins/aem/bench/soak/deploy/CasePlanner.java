package io.jenkins.plugins.aem.bench.soak.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.bench.soak.deploy.DeployFault.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Draws each deploy of a lane: a {@link DeployScenario} that fits the task, the file (the task's fresh export with the
 * scenario's edit), the options, the expected ground truth (the truth before with the same edit), and at times a
 * {@link DeployFault} at one of the steps the deploy takes. All from the lane's seeded random.
 */
final class CasePlanner {

    /** A deploy's deadline: far above what one takes on the simulator, short enough for a hung request to end. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Share of the deploys that can meet a fault which get one. */
    static final double FAULT_SHARE = 0.55;

    private static final Set<Step> RARE_STEPS = EnumSet.of(Step.STOP, Step.DELETE, Step.RUN, Step.WAIT);
    private static final String MODE = "DDL_MODE";
    private static final List<String> MODES = List.of("TRUNCATE_TABLE", "IGNORE", "DROP_AND_CREATE", "TRUNCATE_BEFORE_LOAD");

    private final LaneSim lane;
    private final Random random;
    private final int totalWeight;

    CasePlanner(LaneSim lane, Random random) {
        this.lane = lane;
        this.random = random;
        int sum = 0;
        for (DeployScenario s : DeployScenario.values()) {
            sum += s.weight;
        }
        this.totalWeight = sum;
    }

    /** What a deploy starts from: the target task, its truth, and its export as a file. */
    record Start(int id, String task, TaskTruth before, String exported, boolean withEndpoints, boolean viaCli,
                 String ciphertext) {
    }

    DeployCase plan(Start start) {
        while (true) {
            DeployCase c = build(draw(), start);
            if (c != null) {
                return c;
            }
        }
    }

    /** The case drawn, with {@code scenario} as given: for the smoke test, which picks its own. */
    DeployCase plan(Start start, DeployScenario scenario, DeployFault fault) {
        DeployCase c = build(scenario, start);
        if (c == null) {
            throw new IllegalArgumentException(scenario + " does not fit " + start.task());
        }
        return new DeployCase(c.id(), c.scenario(), c.input(), c.expectation(), fault, c.viaCli(), c.before());
    }

    private DeployScenario draw() {
        int r = random.nextInt(totalWeight);
        for (DeployScenario s : DeployScenario.values()) {
            r -= s.weight;
            if (r < 0) {
                return s;
            }
        }
        throw new IllegalStateException("weights");
    }

    /** The case, or null when the scenario does not fit this task or file. */
    private DeployCase build(DeployScenario scenario, Start s) {
        ObjectNode file = DefinitionTree.parse(s.exported());
        ObjectNode truth = DefinitionTree.parse(s.before().definition());
        boolean running = s.before().isRunning();
        int threads = newThreads(truth);
        Map<String, String> secrets = new HashMap<>();
        if (s.withEndpoints() && random.nextDouble() < 0.7) {
            secrets.put(LaneSim.SOURCE, lane.endpointSecret(LaneSim.SOURCE));
            secrets.put(LaneSim.TARGET, lane.endpointSecret(LaneSim.TARGET));
        }
        Input in = new Input(s.task(), secrets, running || random.nextBoolean());
        TaskTruth before = s.before();
        DefinitionEdit edit = DefinitionEdit.threads(threads);
        Expectation expect;
        switch (scenario) {
            case CHANGE_SETTING, OLDER_FILE -> {
                expect = Expectation.deployed(edited(truth, edit), false, Map.of());
                if (scenario == DeployScenario.OLDER_FILE) {
                    edit = edit.then(DefinitionEdit.version(2023, 5, 100));
                }
            }
            case ADD_TABLE -> {
                edit = DefinitionEdit.addTable("ADD_" + s.id(), s.id());
                expect = Expectation.deployed(edited(truth, edit), false, Map.of());
            }
            case CHANGE_ENDPOINT -> {
                if (!s.withEndpoints()) {
                    return null;
                }
                String endpoint = random.nextBoolean() ? LaneSim.SOURCE : LaneSim.TARGET;
                edit = DefinitionEdit.endpointHost(endpoint, "host-" + s.id() + ".lane" + lane.lane + ".internal");
                in.secrets.put(LaneSim.SOURCE, lane.endpointSecret(LaneSim.SOURCE));
                in.secrets.put(LaneSim.TARGET, lane.endpointSecret(LaneSim.TARGET));
                expect = Expectation.deployed(edited(truth, edit), false, Map.of());
            }
            case SUBSTITUTE -> {
                String now = DefinitionTree.task(truth).path("task_settings").path("target_settings")
                        .path("handle_truncate_ddl").asText();
                String value = pick(MODES.stream().filter(m -> !m.equals(now)).toList());
                edit = DefinitionEdit.truncateMode("${" + MODE + "}");
                in.substitutions.put(MODE, value);
                expect = Expectation.deployed(edited(truth, DefinitionEdit.truncateMode(value)), false, Map.of());
            }
            case ROTATE_SECRET -> {
                if (!s.withEndpoints()) {
                    return null;
                }
                String endpoint = random.nextBoolean() ? LaneSim.SOURCE : LaneSim.TARGET;
                String rotated = lane.rotatedSecret(endpoint);
                in.secrets.put(LaneSim.SOURCE, lane.endpointSecret(LaneSim.SOURCE));
                in.secrets.put(LaneSim.TARGET, lane.endpointSecret(LaneSim.TARGET));
                in.secrets.put(endpoint, rotated);
                expect = Expectation.deployed(edited(truth, edit), false, Map.of(endpoint, rotated));
            }
            case NEW_ENDPOINT, SECRET_MISSING -> {
                if (!s.withEndpoints()) {
                    return null;
                }
                String endpoint = "Audit-" + lane.lane + "-" + s.id();
                edit = DefinitionEdit.addTarget(endpoint, "${secret:" + endpoint + "/password}");
                if (scenario == DeployScenario.SECRET_MISSING) {
                    expect = Expectation.refused(2);
                } else {
                    String secret = lane.newSecret("new");
                    in.secrets.put(endpoint, secret);
                    expect = Expectation.deployed(edited(truth, DefinitionEdit.addTarget(endpoint, "")), false,
                            Map.of(endpoint, secret));
                }
            }
            case NO_CHANGE -> {
                edit = DefinitionEdit.NONE;
                expect = Expectation.unchanged("NO_CHANGE");
            }
            case DRY_RUN -> {
                in.dryRun = true;
                expect = Expectation.unchanged("DRY_RUN");
            }
            case NEW_TASK -> {
                in.task = String.format(Locale.ROOT, "L%d-N%d", lane.lane, s.id());
                before = lane.truth(in.task);
                edit = DefinitionEdit.NONE;
                expect = Expectation.deployed(edited(truth, DefinitionEdit.rename(in.task)), true, Map.of());
            }
            case REPLACE -> {
                boolean hasSetting = DefinitionTree.task(truth).path("task_settings").path("common_settings")
                        .has("batch_apply_enabled");
                boolean tables = DefinitionTree.tables(truth).size() >= 2;
                if (!hasSetting && !tables) {
                    return null;
                }
                edit = tables && (!hasSetting || random.nextBoolean()) ? DefinitionEdit.removeLastTable()
                        : DefinitionEdit.removeSetting();
                in.replace = true;
                expect = Expectation.deployed(edited(truth, edit), true, Map.of());
            }
            case RUNNING_WITHOUT_STOP -> {
                if (!running) {
                    return null;
                }
                in.stopIfRunning = false;
                expect = Expectation.refused(1);
            }
            case REMOVE_WITHOUT_REPLACE -> {
                if (DefinitionTree.tables(truth).size() < 2) {
                    return null;
                }
                edit = DefinitionEdit.removeLastTable();
                expect = Expectation.refused(1);
            }
            case NEWER_FILE -> {
                edit = edit.then(DefinitionEdit.version(2099, 1, 1));
                expect = Expectation.refused(1);
            }
            case MISSING_ENDPOINT -> {
                edit = edit.then(DefinitionEdit.missingTarget("Nowhere-DB"));
                expect = Expectation.refused(1);
            }
            case CIPHERTEXT -> {
                if (!s.withEndpoints() || s.ciphertext() == null) {
                    return null;
                }
                in.secrets.remove(LaneSim.SOURCE);
                edit = edit.then(DefinitionEdit.password(LaneSim.SOURCE, s.ciphertext()));
                expect = Expectation.refused(2);
            }
            case NO_DESIGNER -> {
                in.user = LaneSim.OPERATOR;
                expect = Expectation.refused(running ? 5 : 1);
            }
            case PLACEHOLDER_UNSET -> {
                edit = DefinitionEdit.truncateMode("${" + MODE + "}");
                expect = Expectation.refused(2);
            }
            case NO_BACKUP_FILE -> {
                if (!s.viaCli()) {
                    return null;
                }
                in.withBackup = false;
                expect = Expectation.refused(2);
            }
            default -> throw new IllegalStateException("no plan for " + scenario);
        }
        edit.apply(file);
        DeployInput input = in.build(DefinitionTree.pretty(file));
        return new DeployCase(s.id(), scenario, input, expect, fault(scenario, input, before, s.viaCli()), s.viaCli(), before);
    }

    /** A fault at one of the steps this deploy takes, or none. */
    private DeployFault fault(DeployScenario scenario, DeployInput input, TaskTruth before, boolean viaCli) {
        if (scenario.refused || random.nextDouble() >= FAULT_SHARE) {
            return null;
        }
        Set<Step> steps = EnumSet.noneOf(Step.class);
        if (before.exists()) {
            steps.add(Step.BACKUP);
        }
        steps.add(Step.ANYWHERE);
        if (scenario.sendsImport()) {
            steps.addAll(List.of(Step.IMPORT, Step.VERIFY));
            if (before.isRunning() && input.stopIfRunning()) {
                steps.addAll(List.of(Step.STOP, Step.RUN, Step.WAIT));
            }
            if (input.replace()) {
                steps.add(Step.DELETE);
            }
            if (!viaCli) {
                steps.add(Step.CANCEL);
            }
        }
        // The steps only some deploys take (a running task's stop, run and wait; replace's delete) are drawn more
        // often when a deploy takes them, so that every step is struck many times.
        List<Step> rare = steps.stream().filter(RARE_STEPS::contains).toList();
        Step step = !rare.isEmpty() && random.nextDouble() < 0.6 ? pick(rare) : pick(new ArrayList<>(steps));
        List<DeployFault> faults = new ArrayList<>();
        for (DeployFault f : DeployFault.values()) {
            // An outage to the end between DeleteTask and the import would leave the task deleted whatever a client
            // did: no client can import while AEM is gone. Brief outages test that the task comes back.
            boolean deletedForGood = f == DeployFault.AEM_GONE && input.replace();
            if (f.step == step && !deletedForGood) {
                faults.add(f);
            }
        }
        return pick(faults);
    }

    private int newThreads(ObjectNode truth) {
        int now = DefinitionTree.task(truth).path("task_settings").path("target_settings").path("ftm_settings")
                .path("parallel_load_threads").asInt();
        int n;
        do {
            n = 1 + random.nextInt(32);
        } while (n == now);
        return n;
    }

    private static ObjectNode edited(ObjectNode truth, DefinitionEdit edit) {
        ObjectNode copy = truth.deepCopy();
        edit.apply(copy);
        return copy;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** The options being decided, before they become a {@link DeployInput}. */
    private static final class Input {
        String task;
        final Map<String, String> secrets;
        final Map<String, String> substitutions = new HashMap<>();
        String user = LaneSim.DEPLOYER;
        boolean stopIfRunning;
        boolean replace;
        boolean dryRun;
        boolean withBackup = true;

        Input(String task, Map<String, String> secrets, boolean stopIfRunning) {
            this.task = task;
            this.secrets = secrets;
            this.stopIfRunning = stopIfRunning;
        }

        DeployInput build(String file) {
            return new DeployInput(task, file, substitutions, secrets, user, stopIfRunning, replace, dryRun, false,
                    withBackup, TIMEOUT);
        }
    }
}
