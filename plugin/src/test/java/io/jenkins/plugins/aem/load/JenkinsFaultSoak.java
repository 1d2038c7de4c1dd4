package io.jenkins.plugins.aem.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.AemSimulatorBuilder;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.RealJenkinsExtension;

/**
 * The fault soak (issue 11): a controller restarted gracefully while 20 steps wait, AEM losing every session while 20
 * wait, and the controller killed with SIGKILL while 20 wait, 10 of them after and 10 before their run was recorded as
 * sent; then 48 deploys interrupted by a graceful restart and by SIGKILL ({@link DeploySoak}). It prints
 * {@code JENKINS_SOAK ...} and {@code JENKINS_DEPLOY_SOAK ...} and writes both to {@code target/jenkins-soak.txt}. Not
 * a test of the default run: {@code ./mvnw -B -ntp -Pjenkins-soak verify}.
 *
 * <p>The controller is a real {@code java -jar jenkins.war} process with a JENKINS_HOME of its own
 * ({@link RealJenkinsExtension}), because only a process can be killed for real: a JenkinsRule in this JVM can be
 * restarted, never SIGKILLed. The simulator stays in this JVM, so it outlives every controller and its journal proves
 * what reached AEM across all of them.
 */
class JenkinsFaultSoak {

    private static final String CONNECTION = "soak";
    /** A second login, so that its session (and the server list behind it) is not the first one's. */
    private static final String HELD_CONNECTION = "soak-held";
    private static final String SERVER = "Replicate-A";
    private static final int PER_PHASE = 20;
    private static final String PLUGIN = "qlik-enterprise-manager";

    @RegisterExtension
    private final RealJenkinsExtension controller = new RealJenkinsExtension().withTimeout(720);

    @Test
    @Timeout(value = 26, unit = TimeUnit.MINUTES)
    void soak() throws Throwable {
        Map<String, SoakExpectation> expected = new LinkedHashMap<>();
        Map<String, String> deadlines = new TreeMap<>();
        List<SoakRemote.Outcome> outcomes = new ArrayList<>();
        installPackagedPlugin();
        try (AemSimulator aem = simulator().start()) {
            controller.startJenkins();
            controller.runRemotely(SoakRemote::configure, aem.baseUrl().toString(),
                    new ArrayList<>(List.of(CONNECTION, HELD_CONNECTION, DeploySoak.CONNECTION)));

            // 1. Graceful restart while 20 steps wait: 15 tasks get there after it, 5 never do and must time out at
            //    the deadline stored before it.
            TreeMap<String, String> graceful = new TreeMap<>();
            for (int i = 0; i < PER_PHASE; i++) {
                boolean reaches = i < 15;
                String job = name("G", i);
                graceful.put(job, CrowdAem.runOnly(CONNECTION, SERVER, job, reaches ? 300 : 40, false));
                expected.put(job, reaches ? SoakExpectation.RESUMED_SUCCESS : SoakExpectation.RESUMED_TIMEOUT);
            }
            startAndAwaitSent(graceful);
            deadlines.putAll(controller.runRemotely(SoakRemote::deadlines));
            controller.stopJenkins();
            controller.startJenkins();
            outcomes.addAll(controller.runRemotely(SoakRemote::awaitOutcomes, new ArrayList<>(graceful.keySet())));

            // 2. AEM restarts mid-wait: unreachable for 5 s, then back with every session gone.
            TreeMap<String, String> aemRestart = new TreeMap<>();
            for (int i = 0; i < PER_PHASE; i++) {
                String job = name("E", i);
                aemRestart.put(job, CrowdAem.runOnly(CONNECTION, SERVER, job, 300, false));
                expected.put(job, SoakExpectation.SUCCESS);
            }
            startAndAwaitSent(aemRestart);
            Instant down = Instant.now();
            aem.faults().reset(1.0);
            Thread.sleep(5_000);
            aem.expireAllSessions();
            aem.faults().clear();
            outcomes.addAll(controller.runRemotely(SoakRemote::awaitOutcomes, new ArrayList<>(aemRestart.keySet())));
            long relogins = aem.journal().count(e -> e.isLogin() && e.status() == 200 && e.at().isAfter(down));

            // 3. kill -9 while 20 steps wait: 10 whose run was recorded as sent, 10 whose login AEM holds, so that their
            //    run has not left (the controller's record of them has the deadline, not the send).
            TreeMap<String, String> sent = new TreeMap<>();
            TreeMap<String, String> held = new TreeMap<>();
            for (int i = 0; i < PER_PHASE; i++) {
                String job = name("K", i);
                boolean afterSend = i < PER_PHASE / 2;
                (afterSend ? sent : held).put(job, afterSend ? CrowdAem.runOnly(CONNECTION, SERVER, job, 400, false)
                        : CrowdAem.runOnly(HELD_CONNECTION, SERVER, job, 60, false));
                expected.put(job, afterSend ? SoakExpectation.KILLED_AFTER_SENT : SoakExpectation.KILLED_BEFORE_SENT);
            }
            startAndAwaitSent(sent);
            aem.faults().latency(1.0, Duration.ofMinutes(3), Duration.ofMinutes(3)).onlyFor(RequestKind.LOGIN);
            controller.runRemotely(SoakRemote::startBuilds, held);
            controller.runRemotely(SoakRemote::awaitLogs, new ArrayList<>(held.keySet()), "Connecting to AEM");
            Thread.sleep(3_000); // the step has started: its program, deadline included, is saved with it
            controller.stopJenkinsForcibly();
            aem.faults().clear();
            controller.startJenkins();
            ArrayList<String> killed = new ArrayList<>(sent.keySet());
            killed.addAll(held.keySet());
            outcomes.addAll(controller.runRemotely(SoakRemote::awaitOutcomes, killed));

            // 4. Deploys interrupted by a graceful restart and by kill -9 (DeploySoak), each judged against AEM.
            FigureLine deploys = new DeploySoak(aem, controller).run();
            controller.stopJenkins();

            Verdict verdict = judge(aem, expected, deadlines, outcomes, relogins);
            verdict.line().publish(Path.of("target", "jenkins-soak.txt"));
            deploys.append(Path.of("target", "jenkins-soak.txt"));
            assertEquals(0, verdict.failures(), "wrong, duplicate_commands, lost_builds and leaked_secrets are all 0");
            assertEquals("0 0 0 0", deploys.get("wrong") + " " + deploys.get("half_changed") + " "
                    + deploys.get("duplicate_imports") + " " + deploys.get("leaked_secrets"),
                    "deploys: wrong, half_changed, duplicate_imports and leaked_secrets are all 0");
            assertTrue(((Number) deploys.get("resumed")).intValue() >= 10, "at least 10 deploys resumed: " + deploys);
        }
    }

    /**
     * Puts the .hpi just packaged in place of the classes folder the extension links by default, so that the controller
     * loads the plugin as a user installs it, with the libraries it bundles.
     */
    private void installPackagedPlugin() throws Exception {
        Path hpi = Path.of("target", PLUGIN + ".hpi");
        if (!Files.isRegularFile(hpi)) {
            throw new AssertionError(hpi + " is missing: run the soak through Maven, after the package phase");
        }
        Path plugins = controller.getHome().toPath().resolve("plugins");
        Files.deleteIfExists(plugins.resolve(PLUGIN + ".jpl"));
        Files.copy(hpi, plugins.resolve(PLUGIN + ".jpi"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void startAndAwaitSent(TreeMap<String, String> scripts) throws Throwable {
        controller.runRemotely(SoakRemote::startBuilds, scripts);
        controller.runRemotely(SoakRemote::awaitLogs, new ArrayList<>(scripts.keySet()), "Sending RunTask");
    }

    private Verdict judge(AemSimulator aem, Map<String, SoakExpectation> expected, Map<String, String> deadlines,
                             List<SoakRemote.Outcome> outcomes, long relogins) throws Exception {
        JournalFigures journal = new JournalFigures(aem.journal().entries());
        LeakCounter leaks = new LeakCounter(aem.secrets(), List.of(CrowdAem.user(CONNECTION) + ":" + CrowdAem.PASSWORD,
                CrowdAem.user(HELD_CONNECTION) + ":" + CrowdAem.PASSWORD));
        int wrong = 0;
        int resumed = 0;
        int lost = 0;
        long duplicates = 0;
        int leaked = 0;
        Map<String, Integer> endings = new TreeMap<>();
        for (SoakRemote.Outcome o : outcomes) {
            SoakExpectation e = expected.get(o.job());
            long runs = journal.commands(SERVER, o.job(), true);
            duplicates += Math.max(0, runs - 1);
            if (SoakExpectation.lost(o)) {
                lost++;
            }
            if (SoakExpectation.resumed(o)) {
                resumed++;
            }
            String problem = e.problem(o, deadlines.get(o.job()), runs);
            if (problem != null) {
                wrong++;
                System.out.println("JENKINS_SOAK_WRONG " + o.job() + " (" + e + "): " + problem);
            }
            leaked += leaks.count(o.log());
            endings.merge(e + ":" + e.endingSeen(o).replace(' ', '_'), 1, Integer::sum);
        }
        System.out.println("JENKINS_SOAK_DETAIL stored_deadlines=" + deadlines.size() + " endings=" + endings);
        lost += expected.size() - outcomes.size();
        leaked += leaks.countInFiles(controller.getHome().toPath());
        FigureLine line = new FigureLine("JENKINS_SOAK").put("builds", expected.size()).put("restarts", 1).put("kills", 1)
                .put("resumed", resumed).put("wrong", wrong).put("duplicate_commands", duplicates)
                .put("lost_builds", lost).put("leaked_secrets", leaked)
                .put("aem_restarts", 1).put("relogins_after_aem_restart", relogins);
        return new Verdict(line, wrong + duplicates + lost + leaked);
    }

    /** The line, and the sum of the figures that must be 0. */
    private record Verdict(FigureLine line, long failures) {
    }

    private static String name(String phase, int i) {
        return phase + String.format(java.util.Locale.ROOT, "%02d", i);
    }

    private static AemSimulatorBuilder simulator() {
        SimServer server = SimServer.replicate(SERVER);
        for (int i = 0; i < PER_PHASE; i++) {
            // Past the restart (which takes tens of seconds here), or never.
            // STARTING while it starts, as AEM shows it: a task still STOPPED 30 s after its run is one that did not start.
            server.task(SimTaskSpec.named(name("G", i)).startingState("STARTING")
                    .startDuration(i < 15 ? Duration.ofSeconds(45) : Duration.ofHours(1)));
            server.task(SimTaskSpec.named(name("E", i)).startingState("STARTING").startDuration(Duration.ofSeconds(30)));
            server.task(SimTaskSpec.named(name("K", i)).startingState("STARTING").startDuration(Duration.ofSeconds(90)));
        }
        return DeploySoak.addTo(AemSimulator.builder())
                .user(CrowdAem.user(CONNECTION), CrowdAem.PASSWORD)
                .user(CrowdAem.user(HELD_CONNECTION), CrowdAem.PASSWORD)
                .serverWaitCap(Duration.ofSeconds(1)) // the waits are watched by polling, which a restart must resume
                .seed(11L)
                .server(server);
    }
}
