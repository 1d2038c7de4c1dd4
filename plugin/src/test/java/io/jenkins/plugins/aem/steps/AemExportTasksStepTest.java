package io.jenkins.plugins.aem.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.FilePath;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.aem.AemFixture;
import io.jenkins.plugins.aem.AemJenkinsTest;
import io.jenkins.plugins.aem.report.BuildPages;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * {@code aemExportTasks}: a server's tasks into a release folder of the workspace, its placeholders kept where the
 * environment's values give the server's value, its stale files listed or pruned; on the controller or on an agent.
 */
class AemExportTasksStepTest extends AemJenkinsTest {

    private static final String EXPORT_AGAIN = "aemExportTasks connection: 'sim', server: 'Replicate-1', dir: 'release', "
            + ReleaseFolders.TASKS + ", withEndpoints: true, ";

    /** The README's hand edit is gone: an unchanged server exported into a templated folder changes no byte. */
    @Test
    void placeholdersSurviveTheRoundTripByteForByteAndADifferingValueIsWrittenAndNamed() throws Exception {
        WorkflowRun b = runPipeline("node {\n" + ReleaseFolders.EXPORT + ReleaseFolders.VALUES
                + "def files = ['release/tasks/Orders.json', 'release/tasks/Customers.json', "
                + "'release/endpoints/Source-DB.json', 'release/endpoints/Target-DB.json']\n"
                + "def before = files.collect { readFile it }\n"
                + "def again = " + EXPORT_AGAIN + "valuesFile: 'env/dev.values'\n"
                + "def same = before == files.collect { readFile it }\n"
                + "echo \"again written=${again.written} statuses=${again.tasks.collect { it.task + ':' + it.status }} "
                + "same=${same} placeholders=${again.placeholders}\"\n"
                + "def other = " + EXPORT_AGAIN + "valuesFile: 'env/dev.values', values: [SALES_DB: 'SALES_PROD']\n"
                + "echo \"other kept=${readFile('release/endpoints/Source-DB.json').contains('${SALES_DB}')} "
                + "warnings=${other.warnings}\"\n"
                + "}", Result.SUCCESS);
        j.assertLogContains("again written=[] statuses=[Customers:UNCHANGED, Orders:UNCHANGED] same=true "
                + "placeholders=[${secret:Source-DB/password}, ${secret:Target-DB/password}]", b);
        j.assertLogContains("other kept=false", b);
        j.assertLogContains("endpoints/Source-DB.json: '${SALES_DB}' at db_settings.database is replaced by the "
                + "server's value", b);
        assertEquals(List.of(AemFixture.DESIGNER), aem.journal().entries().stream().filter(JournalEntry::isLogin)
                .map(JournalEntry::user).distinct().toList(), "the connection's release credentials export");
        assertEquals(6, aem.journal().count(JournalEntry::isExport), "one ExportTask per task and export");
        String page = BuildPages.text(j, b, "aem/step/2/");
        assertTrue(page.contains("export of Orders, Customers from server 'Replicate-1' into release/"), "its heading: " + page);
        assertTrue(page.contains("Orders\ttasks/Orders.json\tUNCHANGED"), page);
        assertTrue(page.contains("${secret:Source-DB/password}"), page);
    }

    @Test
    void staleFilesAreListedAndDeletedOnlyWithPrune() throws Exception {
        WorkflowRun b = runPipeline("node {\n"
                + "writeFile file: 'release/tasks/Retired.json', text: '{}'\n"
                + "writeFile file: 'release/README.md', text: 'not a task'\n"
                + "def kept = aemExportTasks connection: 'sim', server: 'Replicate-1', dir: 'release'\n"
                + "echo \"kept stale=${kept.stale} pruned=${kept.pruned} there=${fileExists 'release/tasks/Retired.json'}\"\n"
                + "def pruned = aemExportTasks connection: 'sim', server: 'Replicate-1', dir: 'release', prune: true\n"
                + "echo \"pruned stale=${pruned.stale} pruned=${pruned.pruned} there=${fileExists 'release/tasks/Retired.json'} "
                + "readme=${fileExists 'release/README.md'} tasks=${pruned.tasks.size()}\"\n"
                + "}", Result.SUCCESS);
        j.assertLogContains("kept stale=[tasks/Retired.json] pruned=false there=true", b);
        j.assertLogContains("pruned stale=[tasks/Retired.json] pruned=true there=false readme=true tasks=5", b);
        j.assertLogContains("Not on the server any more, kept (prune removes them): tasks/Retired.json", b);
    }

    /** A large server: the console says how far the export has got, with one login and one list of the tasks. */
    @Test
    void aLargeServersExportSaysHowFarItHasGot() throws Exception {
        WorkflowRun b = runPipeline("node {\n  def e = aemExportTasks connection: 'sim', server: 'Replicate-Big', dir: "
                + "'release', tasks: ['Filler-*'], parallel: 8\n  echo \"exported=${e.tasks.size()} "
                + "written=${e.written.size()}\"\n}", Result.SUCCESS);
        j.assertLogContains("exported=900 written=900", b);
        String log = JenkinsRule.getLog(b);
        for (int n = 90; n <= 900; n += 90) {
            assertTrue(log.contains("] exported " + n + " of 900 tasks"), "progress at " + n + ": " + log);
        }
        assertEquals(1, aem.journal().count(JournalEntry::isLogin));
        assertEquals(1, aem.journal().count(JournalEntry::isTaskList));
        assertEquals(900, aem.journal().count(JournalEntry::isExport));
    }

    /** The folder is written on the agent that holds the workspace, through the remoting channel. */
    @Test
    void writesTheFolderOnAnAgent() throws Exception {
        DumbSlave agent = j.createOnlineSlave(j.jenkins.getLabel("remote"));
        WorkflowRun b = runPipeline("node('remote') {\n" + ReleaseFolders.EXPORT + ReleaseFolders.VALUES
                + "def again = " + EXPORT_AGAIN + "valuesFile: 'env/dev.values'\n"
                + "echo \"written=${again.written}\"\n}", Result.SUCCESS);
        j.assertLogContains("written=[]", b);
        FilePath folder = agent.getWorkspaceFor(b.getParent()).child("release");
        assertEquals(List.of("Customers.json", "Orders.json"), folder.child("tasks").list().stream().map(FilePath::getName)
                .sorted().toList(), "no temporary file is left beside them");
        assertTrue(folder.child("endpoints/Source-DB.json").readToString().contains("\"database\": \"${SALES_DB}\""));
    }

    @Test
    void aTaskAemRefusesFailsTheStepOnceTheOthersAreWritten() throws Exception {
        aem.simulator().faults().failNext(RequestKind.EXPORT, 1, "AEM_EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT");
        WorkflowRun b = runPipeline("node {\n  aemExportTasks connection: 'sim', server: 'Replicate-1', dir: 'release', "
                + "parallel: 1\n}", Result.FAILURE);
        j.assertLogContains("AEM_EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT", b);
        j.assertLogContains("1 of the 5 task(s) of server 'Replicate-1' were not exported: 'Broken'. Their files were left "
                + "as they were; the other tasks' files were written.", b);
        j.assertLogNotContains("\tat ", b);
        assertEquals(4, j.jenkins.getWorkspaceFor(b.getParent()).child("release/tasks").list().size());
        String page = BuildPages.text(j, b, "aem/step/1/");
        assertTrue(page.contains("Broken\ttasks/Broken.json\tFAILED"), page);
    }

    @Test
    void refusesBadInputBeforeAnythingIsSent() throws Exception {
        WorkflowRun b = runPipeline("node { aemExportTasks connection: 'sim', server: 'Replicate-1', dir: '../out' }",
                Result.FAILURE);
        j.assertLogContains("dir: '../out' is not a file inside the workspace", b);
        b = runPipeline("node { aemExportTasks connection: 'sim', server: 'Replicate-1', dir: 'release', parallel: 40 }",
                Result.FAILURE);
        j.assertLogContains("parallel: must be 1 to 16 (was 40)", b);
        b = runPipeline("node { aemExportTasks connection: 'sim', server: 'Replicate-1', dir: 'release', "
                + "valuesFile: 'env/none.values' }", Result.FAILURE);
        j.assertLogContains("valuesFile: 'env/none.values' does not exist in the workspace", b);
        assertEquals(0, aem.journal().entries().size(), "nothing reached AEM");
        b = runPipeline("node { aemExportTasks connection: 'sim', server: 'Replicate-1', dir: 'release', tasks: 'Sales*' }",
                Result.FAILURE);
        j.assertLogContains("task: 'Sales*' matches no task on server 'Replicate-1'", b);
        assertEquals(0, aem.journal().count(JournalEntry::isExport));
        b = runPipeline("aemExportTasks connection: 'sim', server: 'Replicate-1', dir: 'release'", Result.FAILURE);
        j.assertLogContains("Required context class hudson.FilePath is missing", b);
    }

    @Test
    void snippetGeneratorWritesOnlyWhatWasGivenAndTheStepTakesTheShortForms() throws Exception {
        AemExportTasksStep step = new AemExportTasksStep("Replicate-1", "release");
        step.setConnection("sim");
        step.setTasks(List.of("Orders", "Sales*"));
        step.setValues(List.of(new DefinitionValue("SALES_DB", "Sales")));
        step.setValuesFile("env/dev.values");
        step.setWithEndpoints(true);
        step.setPrune(true);
        assertEquals("aemExportTasks connection: 'sim', dir: 'release', prune: true, server: 'Replicate-1', tasks: "
                + "['Orders', 'Sales*'], values: [[name: 'SALES_DB', value: 'Sales']], valuesFile: 'env/dev.values', "
                + "withEndpoints: true", Snippetizer.object2Groovy(step));
        AemExportTasksStep shortForm = (AemExportTasksStep) step.getDescriptor().newInstance(new java.util.LinkedHashMap<>(
                Map.of("server", "Replicate-1", "dir", "release", "connection", "sim", "tasks", "Orders\nSales*",
                        "values", Map.of("SALES_DB", "Sales"), "valuesFile", "env/dev.values", "withEndpoints", true,
                        "prune", true)));
        j.assertEqualDataBoundBeans(step, shortForm);
    }
}
