package io.jenkins.plugins.aem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.FormValidation;
import io.jenkins.plugins.aem.builders.AemRunTaskBuilder;
import io.jenkins.plugins.aem.builders.AemStopTaskBuilder;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.steps.AemRunTaskStep;
import io.jenkins.plugins.aem.steps.AemStopTaskStep;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Both steps, and "Test connection", in three situations real installations meet every day: an account with Operator
 * on its own tasks only, a server with many tasks and long messages, and a task whose failure AEM explains only in its
 * details. The console shows the client's own lines, so they are asserted exactly.
 */
class FieldSituationsTest extends AemJenkinsTest {

    static final String SERVER_LIST_NOTICE = "AEM refused GetServerList (UNAUTHORIZED_REQUEST): this account may not "
            + "read it, which is fine for an account that only runs its own tasks. Going on without it: the command "
            + "itself tells whether the server exists and is monitored.";
    static final String NO_OPTION = "No run option given and the server's kind is not known; sending none, so AEM decides";
    static final String QUIET_FAILED = "AEM: The task failed: ERROR (stop reason FATAL_ERROR): " + AemFixture.QUIET_REASON + ".";

    @BeforeEach
    void ciAccount() throws Exception {
        aem.configureCiAccount(j.jenkins);
    }

    /** How many console lines are exactly {@code [AEM] [s.ds] message}. */
    private static long progressLines(String log, String message) {
        Pattern line = Pattern.compile("\\[AEM\\] \\[\\d+\\.\\ds\\] " + Pattern.quote(message));
        return log.lines().filter(l -> line.matcher(l).matches()).count();
    }

    /** The failure's first line, as the step's AbortException puts it in the console (Jenkins prefixes "ERROR: "). */
    private static boolean failureLine(String line) {
        return line.equals(QUIET_FAILED) || line.equals("ERROR: " + QUIET_FAILED);
    }

    private FreeStyleBuild freestyle(hudson.tasks.Builder step, Result expected) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(step);
        FreeStyleBuild b = j.assertBuildStatus(expected, p.scheduleBuild2(0));
        aem.assertNoSecrets("the build log", JenkinsRule.getLog(b));
        return b;
    }

    @Test
    void pipelineRunAndStopWorkWithOperatorOnTheTaskAlone() throws Exception {
        WorkflowRun b = runPipeline("def r = aemRunTask connection: 'sim-ci', server: 'Replicate-1', task: 'Orders'\n"
                + "echo \"state=${r.state}\"\n"
                + "def s = aemStopTask connection: 'sim-ci', server: 'Replicate-1', task: 'Orders'\n"
                + "echo \"stopped=${s.state}\"", Result.SUCCESS);
        String log = JenkinsRule.getLog(b);
        j.assertLogContains("state=RUNNING", b);
        j.assertLogContains("stopped=STOPPED", b);
        assertEquals(2, progressLines(log, SERVER_LIST_NOTICE), log);
        assertEquals(1, progressLines(log, NO_OPTION), log);
        assertTrue(aem.journal().entries().stream().filter(JournalEntry::isRun).allMatch(e -> !e.query().containsKey("option")));
        assertEquals(1, aem.journal().count(e -> e.isServerList()), "the refusal is remembered for the connection");
    }

    @Test
    void freestyleRunWithWaitForCompletionAndStopWorkWithOperatorOnTheTaskAlone() throws Exception {
        AemRunTaskStep run = new AemRunTaskStep("Replicate-1", "Customers");
        run.setConnection(AemFixture.CI_CONNECTION);
        run.setWaitForCompletion(true);
        FreeStyleBuild b = freestyle(new AemRunTaskBuilder(run), Result.SUCCESS);
        assertEquals(1, progressLines(JenkinsRule.getLog(b), SERVER_LIST_NOTICE));

        aem.task("Replicate-1", "Orders").setState("RUNNING");
        AemStopTaskStep stop = new AemStopTaskStep("Replicate-1", "Orders");
        stop.setConnection(AemFixture.CI_CONNECTION);
        freestyle(new AemStopTaskBuilder(stop), Result.SUCCESS);
        assertEquals("STOPPED", aem.task("Replicate-1", "Orders").state());
    }

    @Test
    void testConnectionPassesTheLoginAndSaysTheAccountMayNotListServers() {
        AemConnection.DescriptorImpl d = j.jenkins.getDescriptorByType(AemConnection.DescriptorImpl.class);
        FormValidation ci = d.doTestConnection(aem.url(), AemFixture.CI_LOGIN_ID, "SYSTEM", null);
        assertEquals(FormValidation.Kind.OK, ci.kind, ci.getMessage());
        assertEquals("Logged in. This account may not list servers (AEM answered UNAUTHORIZED_REQUEST), which is fine "
                + "for an account that only runs its own tasks: builds use RunTask, StopTask and GetTaskDetails alone.",
                ci.getMessage());
        aem.assertNoSecrets("the Test connection answer", ci.renderHtml());
    }

    @Test
    void aWaitOnAServerWithManyTasksReadsItsOwnTask() throws Exception {
        // AEM's own wait ends before the task runs, so the step polls.
        aem.task("Replicate-Big", "Huge").spec().runErrorOnce("AEM_RUN_TASK_TIMEOUT");
        WorkflowRun b = runPipeline("def r = aemRunTask connection: 'sim', server: 'Replicate-Big', task: 'Huge'\n"
                + "echo \"state=${r.state}\"", Result.SUCCESS);
        j.assertLogContains("state=RUNNING", b);
        assertEquals(0, aem.journal().count(JournalEntry::isTaskList));
        assertTrue(aem.journal().count(JournalEntry::isTaskDetails) > 0);
    }

    @Test
    void bothStepsShowAemsMessageWhenTheAnswerHasNone() throws Exception {
        WorkflowRun b = runPipeline("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Quiet'", Result.FAILURE);
        assertTrue(JenkinsRule.getLog(b).lines().anyMatch(FieldSituationsTest::failureLine), JenkinsRule.getLog(b));

        AemRunTaskStep run = new AemRunTaskStep("Replicate-1", "Quiet");
        run.setConnection(AemFixture.CI_CONNECTION);
        FreeStyleBuild f = freestyle(new AemRunTaskBuilder(run), Result.FAILURE);
        assertTrue(JenkinsRule.getLog(f).lines().anyMatch(FieldSituationsTest::failureLine), JenkinsRule.getLog(f));
        j.assertLogNotContains("\tat ", f);
    }
}
