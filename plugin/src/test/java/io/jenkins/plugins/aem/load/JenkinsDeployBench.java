package io.jenkins.plugins.aem.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.Result;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.AemSimulatorBuilder;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The deploy benchmark inside Jenkins (issue 15): one pipeline exports 50 tasks from a development server, then deploys
 * the 50 files at once (parallel branches) to 50 tasks of a production server; half of the files change their task,
 * half are already in place and must send no import. It prints {@code JENKINS_DEPLOY_BENCH ...} and writes it to
 * {@code target/jenkins-deploy-bench.txt}. Not a test of the default run: {@code ./mvnw -B -ntp -Pjenkins-bench verify}.
 */
@WithJenkins
class JenkinsDeployBench {

    private static final int DEPLOYS = 50;
    private static final String CONNECTION = "release";

    @Test
    @Timeout(value = 9, unit = TimeUnit.MINUTES)
    void deployFifty(JenkinsRule j) throws Exception {
        try (AemSimulator aem = simulator().start()) {
            CrowdAem.configure(j.jenkins, aem.baseUrl().toString(), CONNECTION);
            WorkflowJob job = j.createProject(WorkflowJob.class, "deploy-fifty");
            job.setDefinition(new CpsFlowDefinition(script(), true));
            try (ControllerSampler sampler = ControllerSampler.start(250)) {
                ControllerSampler.Sample before = sampler.sample();
                WorkflowRun run = j.assertBuildStatus(Result.SUCCESS, job.scheduleBuild2(0));
                ControllerSampler.Sample peaks = sampler.peaks();
                String log = JenkinsRule.getLog(run);
                // The deploys' own requests: all but the pipeline's exports (without endpoints; a deploy's backup and
                // read-back export with them) and the one login.
                List<JournalEntry> deployPhase = aem.journal().entries().stream()
                        .filter(e -> !(e.isExport() && "false".equals(e.query().get("withendpoints"))))
                        .filter(e -> !e.isLogin()).toList();
                long succeeded = log.lines().filter(l -> l.startsWith("deployed ") || l.startsWith("in place ")).count();
                long noChangeImports = aem.journal().entries().stream().filter(JournalEntry::isImport)
                        .filter(e -> e.path().endsWith("/" + noChangeTask(e.path()))).count();
                FigureLine line = new FigureLine("JENKINS_DEPLOY_BENCH").put("deploys", DEPLOYS)
                        .put("succeeded", succeeded)
                        .put("requests_per_deploy", String.format(Locale.ROOT, "%.2f",
                                deployPhase.size() / (double) DEPLOYS))
                        .put("imports", deployPhase.stream().filter(JournalEntry::isImport).count())
                        .put("logins", aem.journal().count(JournalEntry::isLogin))
                        .put("nochange_imports", noChangeImports)
                        .put("plugin_threads_peak", peaks.pluginThreads())
                        .put("controller_threads_added", peaks.controllerThreads() - before.controllerThreads())
                        .put("executors_busy_peak", peaks.busyExecutors());
                line.publish(Path.of("target", "jenkins-deploy-bench.txt"));
                SecretScan.assertClean("the pipeline's log", log);
                // Correctness only: the figures are measured and reported, not asserted (a benchmark, not a timed test).
                assertEquals(DEPLOYS, succeeded, log);
                assertEquals(0, noChangeImports, "a file already in place sends no import");
            }
        }
    }

    /** The task's name when its deploy must change nothing (the odd ones), else a name no task has. */
    private static String noChangeTask(String path) {
        String task = path.substring(path.lastIndexOf('/') + 1);
        int i = Integer.parseInt(task.substring(1));
        return i % 2 == 1 ? task : "-";
    }

    /**
     * Exports each development task into the workspace, changing a setting in the files of the even tasks, then
     * deploys all 50 at once and prints one line per deploy.
     */
    private static String script() {
        String where = "connection: '" + CONNECTION + "'";
        return "node {\n"
                + "  def names = (0..<" + DEPLOYS + ").collect { String.format('T%03d', it) }\n"
                + "  for (n in names) {\n"
                + "    aemExportTask " + where + ", server: 'Dev', task: n, withEndpoints: false, file: n + '.json'\n"
                + "    if (Integer.parseInt(n.substring(1)) % 2 == 0) {\n"
                + "      writeFile file: n + '.json', text: readFile(n + '.json')"
                + ".replace('\"parallel_load_threads\": 4', '\"parallel_load_threads\": 8')\n"
                + "    }\n"
                + "  }\n"
                + "  def branches = [:]\n"
                + "  for (n in names) {\n"
                + "    def t = n\n"
                + "    branches[t] = {\n"
                + "      def d = aemDeployTask " + where + ", server: 'Prod', task: t, definition: t + '.json', timeout: 300\n"
                + "      echo((d.changed ? 'deployed ' : 'in place ') + t)\n"
                + "    }\n"
                + "  }\n"
                + "  parallel branches\n"
                + "}\n";
    }

    private static AemSimulatorBuilder simulator() {
        SimServer dev = SimServer.replicate("Dev");
        SimServer prod = SimServer.replicate("Prod");
        for (int i = 0; i < DEPLOYS; i++) {
            String task = String.format(Locale.ROOT, "T%03d", i);
            dev.task(SimTaskSpec.named(task));
            prod.task(SimTaskSpec.named(task));
        }
        return AemSimulator.builder().designer(CrowdAem.user(CONNECTION), CrowdAem.PASSWORD).server(dev).server(prod);
    }
}
