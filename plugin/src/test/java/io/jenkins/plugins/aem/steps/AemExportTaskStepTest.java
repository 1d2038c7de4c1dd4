package io.jenkins.plugins.aem.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.Result;
import io.jenkins.plugins.aem.AemFixture;
import io.jenkins.plugins.aem.AemJenkinsTest;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;

/** {@code aemExportTask}: a task's definition into the workspace, fit for version control and free of secrets. */
class AemExportTaskStepTest extends AemJenkinsTest {

    @Test
    void writesAStableFileWithPlaceholdersForEverySecret() throws Exception {
        WorkflowRun b = runPipeline("node {\n"
                + "  def e = aemExportTask connection: 'sim', server: 'Replicate-1', task: 'Orders', withEndpoints: true, "
                + "file: 'tasks/Orders.json'\n"
                + "  echo \"file=${e.file} placeholders=${e.placeholders} version=${e.version}\"\n"
                + "  aemExportTask connection: 'sim', server: 'Replicate-1', task: 'Orders', withEndpoints: true, file: 'again.json'\n"
                + "  def first = readFile 'tasks/Orders.json'\n"
                + "  echo \"same=${first == readFile('again.json')} ciphertext=${first.contains('{Z')} "
                + "secrets=${first.contains('${secret:Source-DB/password}')} label=${first.contains('Host name')}\"\n"
                + "}", Result.SUCCESS);
        j.assertLogContains("file=tasks/Orders.json placeholders=[${secret:Source-DB/password}, "
                + "${secret:Target-DB/password}] version=2024", b);
        j.assertLogContains("same=true ciphertext=false secrets=true label=false", b);
        j.assertLogContains("[AEM] Wrote the definition of task 'Orders' on server 'Replicate-1' to tasks/Orders.json", b);
        assertEquals(2, aem.journal().count(JournalEntry::isExport));
        assertEquals(java.util.List.of(AemFixture.DESIGNER), aem.journal().entries().stream().filter(JournalEntry::isLogin)
                .map(JournalEntry::user).distinct().toList(), "the connection's release credentials export");
    }

    /** A checked-out definition is exported again over itself: the file is replaced whole. */
    @Test
    void anExportReplacesTheFileItFinds() throws Exception {
        WorkflowRun b = runPipeline("node {\n  writeFile file: 'tasks/Orders.json', text: 'an older export'\n"
                + "  aemExportTask connection: 'sim', server: 'Replicate-1', task: 'Orders', file: 'tasks/Orders.json'\n"
                + "  aemExportTask connection: 'sim', server: 'Replicate-1', task: 'Orders', file: 'tasks/Orders.json'\n"
                + "  echo \"replaced=${readFile('tasks/Orders.json').startsWith('{')}\"\n}", Result.SUCCESS);
        j.assertLogContains("replaced=true", b);
        assertEquals(java.util.List.of("Orders.json"), j.jenkins.getWorkspaceFor(b.getParent()).child("tasks").list()
                .stream().map(hudson.FilePath::getName).toList(), "no temporary file is left beside it");
    }

    @Test
    void theDefaultFileIsNamedAfterTheTask() throws Exception {
        WorkflowRun b = runPipeline("node {\n  def e = aemExportTask connection: 'sim', server: 'Replicate-1', task: 'Orders'\n"
                + "  echo \"file=${e.file} exists=${fileExists 'Orders.json'}\"\n}", Result.SUCCESS);
        j.assertLogContains("file=Orders.json exists=true", b);
    }

    @Test
    void refusesComposeAndPathsOutsideTheWorkspace() throws Exception {
        WorkflowRun b = runPipeline("node { aemExportTask connection: 'sim', server: 'Compose-1', task: 'Load', project: 'DWH' }",
                Result.FAILURE);
        j.assertLogNotContains("\tat ", b);
        b = runPipeline("node { aemExportTask connection: 'sim', server: 'Replicate-1', task: 'Orders', file: '../x.json' }",
                Result.FAILURE);
        j.assertLogContains("file: '../x.json' is not a file inside the workspace", b);
        assertEquals(0, aem.journal().count(JournalEntry::isExport), "no export for a path outside the workspace");
    }

    @Test
    void needsANode() throws Exception {
        WorkflowRun b = runPipeline("aemExportTask connection: 'sim', server: 'Replicate-1', task: 'Orders'", Result.FAILURE);
        j.assertLogContains("Required context class hudson.FilePath is missing", b);
        j.assertLogContains("such as: node", b);
        assertEquals(0, aem.journal().entries().size());
    }

    @Test
    void snippetGeneratorWritesOnlyWhatWasGiven() throws Exception {
        AemExportTaskStep step = new AemExportTaskStep("Replicate-1", "Orders");
        step.setConnection("sim");
        step.setWithEndpoints(true);
        step.setFile("tasks/Orders.json");
        assertEquals("aemExportTask connection: 'sim', file: 'tasks/Orders.json', server: 'Replicate-1', task: 'Orders', "
                + "withEndpoints: true", Snippetizer.object2Groovy(step));
    }
}
