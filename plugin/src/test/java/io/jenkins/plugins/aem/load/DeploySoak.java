package io.jenkins.plugins.aem.load;

import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.Credentials;
import io.jenkins.plugins.aem.client.ExportRequest;
import io.jenkins.plugins.aem.client.ProgressListener;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.AemSimulatorBuilder;
import io.jenkins.plugins.aem.simulator.DurationRange;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jvnet.hudson.test.junit.jupiter.RealJenkinsExtension;

/**
 * The deploy part of the fault soak (issue 23): 48 {@code aemDeployTask} builds on a server of their own, each on a
 * task of its own with its own source endpoint (changed, with its password from a Jenkins credential, and tested), three
 * in four of the tasks running (stopping and starting take 4 to 12 s each). 24 are interrupted by a graceful restart and 24 by a {@code kill -9} of the controller, each at
 * a random moment a few seconds after the builds started, so that they are caught before any change, stopping,
 * importing, checking, testing or running the task again. Each deploy is judged against the simulator's ground truth
 * ({@link SoakDeploy#judge}); the line is {@code JENKINS_DEPLOY_SOAK ...}.
 *
 * <p>{@code duplicate_imports} counts a deploy's own ImportTask reaching AEM more than once (a restore's import of the
 * backup may be sent again after a restart: importing the backup is the restore itself, and it is not counted).
 */
final class DeploySoak {

    static final String CONNECTION = "soak-deploy";
    private static final String SERVER = "Replicate-D";
    private static final String DB_CREDENTIALS = "soak-db";
    /** Every source endpoint's password: long enough for the secret scan, reported to it by the simulator. */
    private static final String DB_PASSWORD = "Soak-Db-Pa55-not-for-logs";
    private static final int PER_FAULT = 24;

    private final AemSimulator aem;
    private final RealJenkinsExtension controller;
    private final Random random = new Random(23);
    private final List<SoakDeploy> deploys = new ArrayList<>();
    private final List<SoakRemote.Outcome> outcomes = new ArrayList<>();

    DeploySoak(AemSimulator aem, RealJenkinsExtension controller) {
        this.aem = aem;
        this.controller = controller;
    }

    private static String task(int i) {
        return String.format(Locale.ROOT, "D%02d", i);
    }

    private static String source(int i) {
        return "Src-" + task(i);
    }

    /** The designer the deploys log in as, and the deploys' server: its tasks, their endpoints, AEM's delays. */
    static AemSimulatorBuilder addTo(AemSimulatorBuilder builder) {
        SimServer server = SimServer.replicate(SERVER)
                .importDelay(DurationRange.between(Duration.ofMillis(300), Duration.ofMillis(1500)))
                .exportDelay(DurationRange.between(Duration.ofMillis(100), Duration.ofMillis(800)))
                .endpoint("{\"name\":\"Tgt-Soak\",\"role\":\"TARGET\",\"is_licensed\":true,\"type_id\":"
                        + "\"SNOWFLAKE_COMPONENT_TYPE\",\"db_settings\":{\"$type\":\"SnowflakeSettings\",\"username\":"
                        + "\"loader\",\"password\":\"Soak-Target-Pa55-unused\",\"server\":\"acme.snowflakecomputing.com\"},"
                        + "\"override_properties\":{}}");
        for (int i = 0; i < 2 * PER_FAULT; i++) {
            server.endpoint("{\"name\":\"" + source(i) + "\",\"role\":\"SOURCE\",\"is_licensed\":true,\"type_id\":"
                    + "\"SQL_SERVER_COMPONENT_TYPE\",\"db_settings\":{\"$type\":\"SqlserverSettings\",\"username\":"
                    + "\"replicate\",\"password\":\"" + DB_PASSWORD + "\",\"server\":\"sqlserver.example.internal\","
                    + "\"database\":\"Sales\"},\"override_properties\":{}}");
            SimTaskSpec spec = SimTaskSpec.named(task(i)).endpoints(source(i), "Tgt-Soak")
                    .startDuration(Duration.ofSeconds(4), Duration.ofSeconds(12))
                    .stopDuration(Duration.ofSeconds(4), Duration.ofSeconds(12));
            server.task(i % 4 != 3 ? spec.initialState("RUNNING", "NONE", "") : spec);
        }
        return builder.designer(CrowdAem.user(CONNECTION), CrowdAem.PASSWORD).server(server);
    }

    /** Runs the deploys through a restart and a kill, and judges them. */
    FigureLine run() throws Throwable {
        controller.runRemotely(SoakRemote::addLogin, DB_CREDENTIALS, "replicate", DB_PASSWORD);
        // Every deploy runs in a node block at once, as it would on a controller sized for it; with the built-in
        // node's 2 executors the others would wait in the queue, and after a restart be given up on.
        controller.runRemotely(SoakRemote::executors, PER_FAULT + 4);
        plan();
        interrupt(deploys.subList(0, PER_FAULT), false);
        interrupt(deploys.subList(PER_FAULT, 2 * PER_FAULT), true);
        return judge();
    }

    /** Each task's own export (with its endpoints), changed, and the task as it is before the deploy. */
    private void plan() throws Exception {
        try (AemClientPool pool = AemClientPool.create()) {
            AemClient client = pool.client(ConnectionSettings.builder(aem.baseUrl().toString(),
                    Credentials.of(CrowdAem.user(CONNECTION), CrowdAem.PASSWORD)).build());
            List<CompletableFuture<String>> exports = new ArrayList<>();
            for (int i = 0; i < 2 * PER_FAULT; i++) {
                exports.add(client.exportTask(new ExportRequest(new TaskRef(SERVER, task(i)), true, Duration.ofSeconds(60)),
                        ProgressListener.NONE).thenApply(e -> e.text()));
            }
            for (int i = 0; i < 2 * PER_FAULT; i++) {
                String marker = "Sales-" + task(i) + "-soak";
                int threads = 5 + random.nextInt(12);
                deploys.add(new SoakDeploy(SERVER, task(i), SoakDeploy.changed(exports.get(i).get(), marker, threads),
                        aem.repository(SERVER).definition(task(i)).orElseThrow(),
                        "RUNNING".equals(aem.task(SERVER, task(i)).state()), marker, threads));
            }
        }
    }

    /** Starts the deploys, stops the controller (gracefully, or with SIGKILL) a few seconds on, and awaits their end. */
    private void interrupt(List<SoakDeploy> batch, boolean kill) throws Throwable {
        TreeMap<String, String> scripts = new TreeMap<>();
        batch.forEach(d -> scripts.put(d.task(), d.script(CONNECTION, DB_CREDENTIALS, source(Integer.parseInt(
                d.task().substring(1))))));
        controller.runRemotely(SoakRemote::startBuildsAtOnce, scripts);
        Thread.sleep(2_000 + random.nextInt(8_000));
        if (kill) {
            controller.stopJenkinsForcibly();
        } else {
            controller.stopJenkins();
        }
        controller.startJenkins();
        outcomes.addAll(controller.runRemotely(SoakRemote::awaitOutcomes, new ArrayList<>(scripts.keySet())));
    }

    private FigureLine judge() throws IOException {
        JournalFigures journal = new JournalFigures(aem.journal().entries());
        Map<String, SoakDeploy> byTask = new TreeMap<>();
        deploys.forEach(d -> byTask.put(d.task(), d));
        int wrong = 0;
        int half = 0;
        int resumed = 0;
        long duplicates = 0;
        int leaked = 0;
        Map<String, Integer> endings = new TreeMap<>();
        for (SoakRemote.Outcome o : outcomes) {
            SoakDeploy d = byTask.get(o.job());
            SoakDeploy.Verdict v = d.judge(o, aem.repository(SERVER), aem.task(SERVER, d.task()), journal);
            if (v.problem() != null) {
                wrong++;
                System.out.println("JENKINS_DEPLOY_SOAK_WRONG " + o.job() + ": " + v.problem());
            }
            half += v.halfChanged() ? 1 : 0;
            resumed += v.resumed() ? 1 : 0;
            duplicates += v.duplicateImports();
            leaked += leaks(o.log());
            endings.merge(o.result() + (v.resumed() ? "_resumed" : ""), 1, Integer::sum);
        }
        wrong += deploys.size() - outcomes.size();
        leaked += leaksInFiles(controller.getHome().toPath().resolve("jobs"));
        System.out.println("JENKINS_DEPLOY_SOAK_DETAIL endings=" + endings);
        return new FigureLine("JENKINS_DEPLOY_SOAK").put("deploys", deploys.size()).put("restarts", 1).put("kills", 1)
                .put("resumed", resumed).put("wrong", wrong).put("half_changed", half)
                .put("duplicate_imports", duplicates).put("leaked_secrets", leaked);
    }

    /** 1 when the text holds any secret the suite's scan knows (the endpoints' passwords and ciphertext included). */
    private static int leaks(String text) {
        try {
            SecretScan.assertClean("a soak deploy's output", text);
            return 0;
        } catch (AssertionError leak) {
            System.out.println("JENKINS_DEPLOY_SOAK_LEAK " + leak.getMessage());
            return 1;
        }
    }

    /** The files below {@code root} that hold a secret the suite's scan knows. */
    private static int leaksInFiles(Path root) throws IOException {
        int n = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                n += leaks(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return n;
    }
}
