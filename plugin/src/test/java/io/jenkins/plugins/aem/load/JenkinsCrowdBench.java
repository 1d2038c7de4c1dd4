package io.jenkins.plugins.aem.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.Executor;
import hudson.model.Result;
import io.jenkins.plugins.aem.client.PollSchedule;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.AemSimulatorBuilder;
import io.jenkins.plugins.aem.simulator.CommandRecord;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTask;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import io.jenkins.plugins.aem.simulator.StateChange;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The crowd benchmark (issue 11): 200 pipelines wait at once, each on its own task that takes 60 s to reach RUNNING,
 * then stop it; then 50 more are aborted at once mid-wait. It prints {@code JENKINS_BENCH ...} and writes it to
 * {@code target/jenkins-bench.txt}. Not a test of the default run: {@code ./mvnw -B -ntp -Pjenkins-bench verify}.
 *
 * <p>A {@link JenkinsRule} in this JVM rather than a jenkins.war process: the figures are the controller's own threads,
 * heap and executors, which are read directly here, and the simulator (whose journal counts every request) shares the
 * JVM so that its clock is the controller's. Nothing in the crowd needs a real process.
 */
@WithJenkins
class JenkinsCrowdBench {

    private static final int BUILDS = 200;
    private static final int SERVERS = 2;
    private static final int ABORTS = 50;
    private static final String CONNECTION = "crowd";
    private static final Duration START = Duration.ofSeconds(60);
    private static final String WARM = "Warm";

    @Test
    @Timeout(value = 9, unit = TimeUnit.MINUTES)
    void crowd(JenkinsRule j) throws Exception {
        j.jenkins.setNumExecutors(2); // there to be taken: the steps must not take them
        try (AemSimulator aem = simulator().start()) {
            CrowdAem.configure(j.jenkins, aem.baseUrl().toString(), CONNECTION);
            // Loads the classes, opens the one session and the plugin's threads, as any controller in use has them.
            runToSuccess(j, job(j, "warm", CrowdAem.runThenStop(CONNECTION, CrowdAem.server(0, SERVERS), WARM, 60)));
            List<WorkflowJob> jobs = new ArrayList<>();
            for (int i = 0; i < BUILDS; i++) {
                jobs.add(job(j, "crowd-" + CrowdAem.task(i),
                        CrowdAem.runThenStop(CONNECTION, CrowdAem.server(i, SERVERS), CrowdAem.task(i), 600)));
            }
            FigureLine line = new FigureLine("JENKINS_BENCH").put("builds", BUILDS);
            List<String> details = new ArrayList<>();
            int succeeded = crowdRound(j, aem, jobs, line, details);
            int aborted = abortRound(j, aem, line, details);
            line.publish(Path.of("target", "jenkins-bench.txt"));
            details.forEach(System.out::println);
            // Correctness only: the figures are measured and reported, not asserted (a benchmark, not a timed test).
            assertEquals(BUILDS, succeeded, "every build of the crowd succeeds");
            assertEquals(ABORTS, aborted, "every aborted build ends ABORTED");
        }
    }

    private int crowdRound(JenkinsRule j, AemSimulator aem, List<WorkflowJob> jobs, FigureLine line,
                            List<String> details) throws Exception {
        HeapFigures.Heap heapBefore = HeapFigures.measure();
        try (ControllerSampler sampler = ControllerSampler.start(250)) {
            ControllerSampler.Sample before = sampler.sample();
            long wallStart = System.nanoTime();
            List<WorkflowRun> runs = new ArrayList<>();
            for (WorkflowJob job : jobs) {
                runs.add(job.scheduleBuild2(0).waitForStart());
            }
            // Every step waiting: the crowd at its largest.
            awaitRuns(aem, BUILDS, Duration.ofMinutes(4));
            HeapFigures.Heap heapCrowd = HeapFigures.measure();
            int succeeded = 0;
            for (WorkflowRun run : runs) {
                j.waitForCompletion(run);
                if (run.getResult() == Result.SUCCESS) {
                    succeeded++;
                }
            }
            double wall = (System.nanoTime() - wallStart) / 1e9;
            ControllerSampler.Sample peaks = sampler.peaks();

            Detection detection = detection(aem, runs);
            JournalFigures journal = new JournalFigures(aem.journal().entries());
            line.put("succeeded", succeeded)
                    .put("plugin_threads_peak", peaks.pluginThreads())
                    .put("controller_threads_added", peaks.controllerThreads() - before.controllerThreads())
                    .put("heap_added_mib", mib(heapCrowd.usedBytes() - heapBefore.usedBytes()))
                    .put("executors_busy_peak", peaks.busyExecutors())
                    .put("aem_status_requests_per_s", String.format(Locale.ROOT, "%.2f",
                            journal.maxStatusReadsPerSecond(detection.firstCommand, detection.lastEnd)))
                    .put("aem_logins", journal.logins())
                    .put("detect_p99_ms", detection.p99());
            details.add("JENKINS_BENCH_DETAIL crowd_wall_s=" + String.format(Locale.ROOT, "%.1f", wall)
                    + " detect_p50_ms=" + detection.percentile(50) + " detect_max_ms=" + detection.percentile(100)
                    + " detect_within_interval=" + detection.withinInterval + "/" + detection.delays.size()
                    + " status_reads_per_server=" + journal.statusReadsPerServer(detection.firstCommand, detection.lastEnd)
                    + " window_s=" + String.format(Locale.ROOT, "%.1f",
                            Duration.between(detection.firstCommand, detection.lastEnd).toMillis() / 1000.0)
                    + " controller_threads_before=" + before.controllerThreads()
                    + " controller_threads_peak=" + peaks.controllerThreads()
                    + " heap_before_mib=" + mib(heapBefore.usedBytes()) + " heap_crowd_mib=" + mib(heapCrowd.usedBytes())
                    + " plugin_heap_before_kib=" + heapBefore.pluginBytes() / 1024
                    + " plugin_heap_crowd_kib=" + heapCrowd.pluginBytes() / 1024
                    + " thread_groups_at_peak=" + sampler.largestGroupsAtPeak(8));
            detection.unmeasured.forEach(u -> details.add("JENKINS_BENCH_UNMEASURED " + u));
            for (WorkflowRun run : runs) {
                String log = JenkinsRule.getLog(run);
                SecretScan.assertClean("the build log of " + run, log);
                if (run.getResult() != Result.SUCCESS) {
                    details.add("JENKINS_BENCH_FAILED " + run + " " + run.getResult() + ": " + aemLines(log));
                }
            }
            return succeeded;
        }
    }

    /**
     * 50 more builds, on 50 of the crowd's tasks (stopped again by now), aborted at once while they wait; half ask for
     * the task to be stopped then. Each abort must be reported within 1 s, and no call naming an aborted task may reach
     * AEM afterwards but the stop asked for.
     */
    private int abortRound(JenkinsRule j, AemSimulator aem, FigureLine line, List<String> details) throws Exception {
        List<WorkflowRun> runs = new ArrayList<>();
        Set<String> stopAsked = new HashSet<>();
        for (int i = 0; i < ABORTS; i++) {
            boolean stopOnAbort = i % 2 == 0;
            String task = CrowdAem.task(i);
            if (stopOnAbort) {
                stopAsked.add(task);
            }
            runs.add(job(j, "abort-" + task, CrowdAem.runOnly(CONNECTION, CrowdAem.server(i, SERVERS), task, 600, stopOnAbort))
                    .scheduleBuild2(0).waitForStart());
        }
        for (WorkflowRun run : runs) {
            j.waitForMessage("Sending RunTask", run);
        }
        Thread.sleep(3_000); // a few polls in: the waits are under way
        Instant abortedAt = Instant.now();
        long[] abortNanos = new long[ABORTS];
        Instant[] interruptedAt = new Instant[ABORTS];
        for (int i = 0; i < ABORTS; i++) {
            Executor executor = runs.get(i).getExecutor();
            abortNanos[i] = System.nanoTime();
            interruptedAt[i] = Instant.now();
            if (executor != null) {
                executor.interrupt();
            }
        }
        long[] reportedMillis = new long[ABORTS];
        java.util.Arrays.fill(reportedMillis, -1);

        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int pending = ABORTS;
        while (pending > 0 && System.nanoTime() < giveUp) {
            pending = 0;
            for (int i = 0; i < ABORTS; i++) {
                if (reportedMillis[i] < 0) {
                    if (JenkinsRule.getLog(runs.get(i)).contains("The build was aborted")) {
                        reportedMillis[i] = (System.nanoTime() - abortNanos[i]) / 1_000_000;
                    } else {
                        pending++;
                    }
                }
            }
            Thread.sleep(20);
        }
        int aborted = 0;
        for (WorkflowRun run : runs) {
            j.waitForCompletion(run);
            if (run.getResult() == Result.ABORTED) {
                aborted++;
            }
        }
        // Longer than the longest poll interval: a wait that was not really cancelled would show in the journal.
        Thread.sleep(PollSchedule.DEFAULT.max().toMillis() * 12 / 10 + 1_000);
        Instant quietFrom = Instant.now().minus(PollSchedule.DEFAULT.max());
        JournalFigures journal = new JournalFigures(aem.journal().entries());
        long unasked = 0;
        long stopsSent = 0;
        List<String> unaskedDelays = new ArrayList<>();
        for (int i = 0; i < ABORTS; i++) {
            String task = CrowdAem.task(i);
            Set<String> one = Set.of(task);
            String server = CrowdAem.server(i, SERVERS);
            stopsSent += journal.taskCallsAfter(server, one, abortedAt).stream()
                    .filter(e -> e.isStop() && stopAsked.contains(task)).count();
            // Counted from this build's own abort, not from the first of the 50: the interrupts take a while, and a
            // poll made before a build's abort is not a call after it. Where stopTaskOnAbort asked for a stop, that
            // stop and the status reads of its wait for STOPPED are asked for; anything before the stop is not.
            Instant from = interruptedAt[i];
            List<JournalEntry> after = journal.taskCallsAfter(server, one, from);
            Instant stopAt = stopAsked.contains(task) ? after.stream().filter(JournalEntry::isStop).map(JournalEntry::at)
                    .findFirst().orElse(Instant.MAX) : Instant.MAX;
            for (var e : after) {
                if (!e.isStop() && e.at().isBefore(stopAt) || e.isStop() && !stopAsked.contains(task)) {
                    unasked++;
                    unaskedDelays.add(java.time.Duration.between(from, e.at()).toMillis() + "ms:" + e.method() + " " + task);
                }
            }
        }
        long maxReported = java.util.Arrays.stream(reportedMillis).max().orElse(-1);
        boolean allReported = java.util.Arrays.stream(reportedMillis).allMatch(ms -> ms >= 0);
        line.put("aborted", aborted)
                .put("abort_reported_max_ms", allReported ? maxReported : "unreported")
                .put("calls_after_abort_unasked", unasked);
        details.add("JENKINS_BENCH_ABORT aborted=" + aborted + "/" + ABORTS + " reported_within_1s="
                + java.util.Arrays.stream(reportedMillis).filter(ms -> ms >= 0 && ms <= 1000).count()
                + " stops_sent_on_abort=" + stopsSent + "/" + stopAsked.size()
                + " status_reads_once_all_ended=" + journal.statusReadsAfter(quietFrom)
                + (unaskedDelays.isEmpty() ? "" : " unasked_calls=" + String.join(",", unaskedDelays)));
        return aborted;
    }

    private static AemSimulatorBuilder simulator() {
        AemSimulatorBuilder b = AemSimulator.builder()
                .user(CrowdAem.user(CONNECTION), CrowdAem.PASSWORD)
                // As in the engine's slow-start scenario: AEM's own wait on the run ends after 1 s, so the whole
                // minute is watched by polling, the wait's costly part.
                .serverWaitCap(Duration.ofSeconds(1))
                .seed(11L);
        List<SimServer> servers = new ArrayList<>();
        for (int s = 0; s < SERVERS; s++) {
            servers.add(SimServer.replicate(CrowdAem.server(s, SERVERS)));
        }
        servers.get(0).task(SimTaskSpec.named(WARM).startDuration(Duration.ofMillis(200)).stopDuration(Duration.ofMillis(200)));
        for (int i = 0; i < BUILDS; i++) {
            // STARTING while it starts, as AEM shows it: a task still STOPPED 30 s after its run is one that did not start.
            servers.get(i % SERVERS).task(SimTaskSpec.named(CrowdAem.task(i)).startDuration(START).startingState("STARTING")
                    .stopDuration(Duration.ofSeconds(1)));
        }
        servers.forEach(b::server);
        return b;
    }

    private static WorkflowJob job(JenkinsRule j, String name, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private static void runToSuccess(JenkinsRule j, WorkflowJob job) throws Exception {
        j.assertBuildStatusSuccess(job.scheduleBuild2(0));
    }

    /** Waits until {@code count} crowd tasks have had their run; fails after {@code limit}. */
    private static void awaitRuns(AemSimulator aem, int count, Duration limit) throws InterruptedException {
        long giveUp = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < giveUp) {
            long ran = 0;
            for (int i = 0; i < count; i++) {
                if (!aem.task(CrowdAem.server(i, SERVERS), CrowdAem.task(i)).commands().isEmpty()) {
                    ran++;
                }
            }
            if (ran == count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the crowd's runs did not all reach AEM within " + limit);
    }

    /** Per build: from its task reaching RUNNING to its step ending, and whether within the poll interval in force. */
    private static Detection detection(AemSimulator aem, List<WorkflowRun> runs) {
        Detection d = new Detection();
        for (int i = 0; i < runs.size(); i++) {
            SimTask task = aem.task(CrowdAem.server(i, SERVERS), CrowdAem.task(i));
            CommandRecord run = task.commands().stream().filter(CommandRecord::isRun).findFirst().orElse(null);
            Instant running = run == null ? null : task.history().stream()
                    .filter(c -> !c.at().isBefore(run.at()) && "RUNNING".equals(c.state()))
                    .map(StateChange::at).findFirst().orElse(null);
            Instant ended = StepEndTimes.endOf(runs.get(i), "aemRunTask");
            if (running == null || ended == null) {
                d.unmeasured.add(task.wireName() + " (run " + (run == null ? "never sent" : "sent") + ", RUNNING "
                        + (running == null ? "never" : "at " + running) + ", step end " + (ended == null ? "unknown" : ended) + ")");
                continue;
            }
            long delay = Duration.between(running, ended).toMillis();
            Duration interval = PollSchedule.DEFAULT.intervalAt(Duration.between(run.at(), running));
            long allowed = Math.round(interval.toMillis() * (1 + PollSchedule.DEFAULT.jitter()));
            d.delays.add(delay);
            if (delay <= allowed) {
                d.withinInterval++;
            }
            d.firstCommand = d.firstCommand == null || run.at().isBefore(d.firstCommand) ? run.at() : d.firstCommand;
            d.lastEnd = d.lastEnd == null || ended.isAfter(d.lastEnd) ? ended : d.lastEnd;
        }
        d.delays.sort(null);
        return d;
    }

    /** The plugin's own console lines, which say what happened (and hold no secret: the log was scanned above). */
    private static String aemLines(String log) {
        return String.join(" | ", log.lines().filter(l -> l.contains("[AEM]") || l.contains("ERROR")).toList());
    }

    private static long mib(long bytes) {
        return Math.round(HeapFigures.Heap.mib(bytes));
    }

    /** The detection delays of one round, sorted, and the span from the first run sent to the last step ended. */
    private static final class Detection {
        final List<Long> delays = new ArrayList<>();
        final List<String> unmeasured = new ArrayList<>();
        int withinInterval;
        Instant firstCommand;
        Instant lastEnd;

        long percentile(int p) {
            if (delays.isEmpty()) {
                return -1;
            }
            int at = (int) Math.ceil(p / 100.0 * delays.size()) - 1;
            return delays.get(Math.max(0, Math.min(delays.size() - 1, at)));
        }

        long p99() {
            return percentile(99);
        }
    }
}
