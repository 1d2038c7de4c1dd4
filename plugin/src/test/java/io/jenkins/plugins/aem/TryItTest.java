package io.jenkins.plugins.aem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import hudson.util.FormValidation;
import io.jenkins.plugins.aem.impl.ConnectionTester;
import io.jenkins.plugins.aem.report.AemBuildAction;
import io.jenkins.plugins.aem.report.DeployRecord;
import io.jenkins.plugins.aem.report.DeployReport;
import io.jenkins.plugins.aem.report.PlanRow;
import io.jenkins.plugins.aem.report.StepRecord;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.ServerRepository;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jenkins.model.ParameterizedJobMixIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The try-it Jenkins (plugin/try-it.sh) as its files set it up: its Configuration as Code, with the variables the script
 * sets, gives a working connection to the simulator the script starts (try-it/aem-simulator.json), and every example
 * job of try-it/jobs/ loads and ends as the comment at its top says
 * ({@code <!-- try-it expects: RESULT [text the console shows] -->}).
 */
@WithJenkins
class TryItTest {

    private static final Path TRY_IT = Path.of("try-it");
    private static final Pattern EXPECTS = Pattern.compile("<!-- try-it expects: (SUCCESS|UNSTABLE|FAILURE)(?: (.*?))? -->");

    private AemSimulator aem;
    private JenkinsRule j;

    @BeforeEach
    void startAemAndApplyTheConfiguration(JenkinsRule rule, @TempDir Path dir) throws Exception {
        j = rule;
        aem = AemSimulator.fromConfig(TRY_IT.resolve("aem-simulator.json")).port(0).tls(true).start();
        String yaml = Files.readString(TRY_IT.resolve("jenkins.yaml"), StandardCharsets.UTF_8);
        Path ca = dir.resolve("aem-ca.pem");
        Files.writeString(ca, aem.certificatePem(), StandardCharsets.US_ASCII);
        Map<String, String> variables = Map.of("AEM_TRY_IT_PASSWORD", "demo-password",
                "AEM_TRY_IT_RELEASE_PASSWORD", "designer-password",
                "AEM_TRY_IT_SOURCE_DB_PASSWORD", "try-it-source-db-secret", "AEM_TRY_IT_TARGET_DB_PASSWORD", "try-it-target-db-secret",
                "AEM_TRY_IT_URL", "https://localhost:" + aem.port(), "AEM_TRY_IT_CA_FILE", ca.toString(),
                "TRY_IT_JENKINS_URL", j.getURL().toString());
        for (Map.Entry<String, String> v : variables.entrySet()) {
            // The environment variables try-it.sh sets; Configuration as Code itself reads the file they name.
            assertTrue(yaml.contains("${" + v.getKey() + "}"), "jenkins.yaml uses ${" + v.getKey() + "}");
            yaml = yaml.replace("${" + v.getKey() + "}", v.getValue());
        }
        Path resolved = dir.resolve("jenkins.yaml");
        Files.writeString(resolved, yaml, StandardCharsets.UTF_8);
        ConfigurationAsCode.get().configure(resolved.toString());
    }

    @AfterEach
    void stopAem() {
        aem.close();
    }

    @Test
    void theConnectionReachesTheSimulatorWithTheCredentialFromTheEnvironment() {
        AemConnection connection = AemGlobalConfiguration.get().getConnections().get(0);

        assertEquals("try-it", connection.getName());
        assertTrue(connection.getCaBundle().startsWith("-----BEGIN CERTIFICATE-----"), connection.getCaBundle());
        FormValidation test = ConnectionTester.test(connection.getUrl(), connection.getCredentialsId(),
                connection.getTlsMode().name(), connection.getCaBundle());
        assertEquals(FormValidation.Kind.OK, test.kind, test.getMessage());
        assertTrue(test.getMessage().contains("Replicate-Demo"), test.getMessage());
    }

    @Test
    void everyExampleJobEndsAsItSays() throws Exception {
        List<Path> jobs;
        try (Stream<Path> files = Files.list(TRY_IT.resolve("jobs"))) {
            jobs = files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
        assertTrue(jobs.size() >= 4, "example jobs: " + jobs);
        for (Path file : jobs) {
            buildAsItSays(file);
        }
    }

    /** The promote job's deploy reached the test server with the endpoint passwords Configuration as Code supplied. */
    @Test
    void thePromoteJobDeploysWithTheEndpointPasswordsFromTheEnvironment() throws Exception {
        Run<?, ?> build = buildAsItSays(TRY_IT.resolve("jobs/promote-a-task.xml"));

        ServerRepository test = aem.repository("Replicate-Test");
        assertTrue(test.taskExists("Sales"), "the deploy created the task on the test server");
        assertTrue(test.secretMatches("Source-DB", "password", "try-it-source-db-secret"));
        assertTrue(test.secretMatches("Target-DB", "password", "try-it-target-db-secret"));
        assertTrue(test.definition("Sales").orElseThrow().contains("\"Sales_Test\""), "the substitution for test was applied");
        assertEquals("RUNNING", aem.task("Replicate-Test", "Sales").state());
        assertTrue(JenkinsRule.getLog(build).contains("Deploy to Replicate-Test: DEPLOYED, changed: true"));

        // Built again, as a user does: the export replaces its file and the deploy finds the task in place.
        Run<?, ?> again = j.assertBuildStatusSuccess(((ParameterizedJobMixIn.ParameterizedJob<?, ?>) build.getParent())
                .scheduleBuild2(0));
        String log = JenkinsRule.getLog(again);
        assertTrue(log.contains("Deploy to Replicate-Test: NO_CHANGE, changed: false"), log);
    }

    /** The review job's dry run plans the three settings it changed, and its page on the build shows their diff. */
    @Test
    void theReviewJobsDryRunShowsItsPlanAndDiffOnTheBuildsPage() throws Exception {
        Run<?, ?> build = buildAsItSays(TRY_IT.resolve("jobs/review-a-change.xml"));

        List<StepRecord> steps = build.getAction(AemBuildAction.class).getSteps();
        assertEquals(List.of("export", "deploy", "deploy"), steps.stream().map(StepRecord::getKind).toList());
        DeployReport dryRun = ((DeployRecord) steps.get(2)).getSingle();
        assertEquals("DRY_RUN", dryRun.getResult());
        assertEquals(List.of("task_settings.common_settings.full_load_sub_tasks",
                "task_settings.sorter_settings.local_transactions_storage.memory_limit_total",
                "task_settings.target_settings.ftm_settings.parallel_load_threads"),
                dryRun.getPlan().stream().map(PlanRow::getWhere).toList());
        assertTrue(JenkinsRule.getLog(build).contains("Review the plan and the diff at " + j.getURL() + build.getUrl()
                + "aem/step/3/"), "the step returns its page");
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            String page = web.goTo(build.getUrl() + "aem/step/3/").asNormalizedText();
            assertTrue(page.contains("- 1024") && page.contains("+ 2048"), page);
        }
        assertFalse(aem.repository("Replicate-Test").definition("Inventory").orElseThrow().contains("2048"),
                "the dry run changed nothing");
    }

    /**
     * The release job exports two tasks as a folder whose placeholders survive the export, and releases it to the QA
     * server with QA's values, one row per task on its page; built again, it finds nothing to change.
     */
    @Test
    void theReleaseJobReleasesAFolderOfTwoTasksWithEachEnvironmentsValues() throws Exception {
        Run<?, ?> build = buildAsItSays(TRY_IT.resolve("jobs/release-a-folder.xml"));

        String log = JenkinsRule.getLog(build);
        assertTrue(log.contains("Exported from Replicate-Demo: [Billing UNCHANGED, Payments UNCHANGED]; files changed: []"),
                "the placeholders survived the export: " + log);
        assertTrue(log.contains("Would create or change on Replicate-QA: [Billing, Payments]"), log);
        assertTrue(log.contains("Released to Replicate-QA: deployed [Billing, Payments]"), log);
        ServerRepository qa = aem.repository("Replicate-QA");
        for (String task : List.of("Billing", "Payments")) {
            String definition = qa.definition(task).orElseThrow();
            assertTrue(definition.contains("\"Sales_QA\"") && definition.contains("\"ANALYTICS_QA\""),
                    "QA's values: " + definition);
        }
        assertTrue(qa.secretMatches("Source-DB", "password", "try-it-source-db-secret"));
        assertTrue(qa.secretMatches("Target-DB", "password", "try-it-target-db-secret"));
        List<StepRecord> steps = build.getAction(AemBuildAction.class).getSteps();
        DeployRecord release = (DeployRecord) steps.get(steps.size() - 1);
        assertEquals(List.of("Billing:DEPLOYED", "Payments:DEPLOYED"), release.getReports().stream()
                .map(r -> r.getTask() + ":" + r.getResult()).toList(), "a row per task, by name");

        Run<?, ?> again = j.assertBuildStatusSuccess(((ParameterizedJobMixIn.ParameterizedJob<?, ?>) build.getParent())
                .scheduleBuild2(0));
        String second = JenkinsRule.getLog(again);
        assertTrue(second.contains("Would create or change on Replicate-QA: []"), second);
        assertTrue(second.contains("Released to Replicate-QA: deployed []"), second);
    }

    /** Loads a job file, builds it once, and checks it ends as its comment says. */
    private Run<?, ?> buildAsItSays(Path file) throws Exception {
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        Matcher expects = EXPECTS.matcher(xml);
        assertTrue(expects.find(), file + " starts with <!-- try-it expects: RESULT -->");
        String name = file.getFileName().toString().replaceFirst("\\.xml$", "");
        TopLevelItem item;
        try (InputStream in = Files.newInputStream(file)) {
            item = j.jenkins.createProjectFromXML(name, in);
        }
        Job<?, ?> job = (Job<?, ?>) item;
        assertFalse(job.getDescription().isBlank(), name + " says what it shows");

        Run<?, ?> build = j.assertBuildStatus(Result.fromString(expects.group(1)),
                ((ParameterizedJobMixIn.ParameterizedJob<?, ?>) job).scheduleBuild2(0));
        String log = JenkinsRule.getLog(build);
        assertTrue(log.contains("[AEM] "), name + "'s console: " + log);
        if (expects.group(2) != null) {
            assertTrue(log.contains(expects.group(2)), name + "'s console: " + log);
        }
        return build;
    }
}
