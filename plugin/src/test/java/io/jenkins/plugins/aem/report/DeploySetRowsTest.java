package io.jenkins.plugins.aem.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import io.jenkins.plugins.aem.client.DeployOutcome;
import io.jenkins.plugins.aem.client.ProgressFact;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.client.definition.DeployPlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A deploy of several tasks shows one row per task, each opening its own plan, diff and steps, fed as each task's
 * single deploy goes: the shape a set step's page takes.
 */
@WithJenkins
class DeploySetRowsTest {

    @Test
    void eachTaskIsARowThatOpensItsOwnPlanAndATaskLeftWithoutResultIsMarkedWhenTheSetFails(JenkinsRule j) throws Exception {
        FreeStyleBuild b = j.buildAndAssertSuccess(j.createFreeStyleProject());
        DeployRecord set = DeployRecord.ofSet("connection 'prod'", "Replicate-Prod", "every task",
                "release folder tasks/ (every task)", "tasks/", false);
        set.expect(3);
        StepRecorder recorder = StepRecorder.open(b, set);
        TaskRef orders = new TaskRef("Replicate-Prod", "Orders");
        TaskRef customers = new TaskRef("Replicate-Prod", "Customers");
        TaskRef invoices = new TaskRef("Replicate-Prod", "Invoices");
        AemPageSizeTest.deployed(recorder, set, orders, AemPageSizeTest.plan(2, 20));
        recorder.onFact(new ProgressFact.DeployPlanned(customers, new DeployPlan(List.of())));
        set.taskDeployed(new DeployOutcome(customers, DeployOutcome.Result.NO_CHANGE, new DeployPlan(List.of()), List.of(),
                false, List.of(), null, Duration.ofMillis(400)));
        recorder.onFact(new ProgressFact.DeployPlanned(invoices, AemPageSizeTest.plan(1, 10)));
        recorder.onFact(new ProgressFact.DeployAction(invoices, "stopped " + invoices));
        recorder.onFact(new ProgressFact.DeployEnded(invoices, Duration.ofMillis(7400)));
        set.ended(StepRecord.Status.FAILURE, "failed", "AEM refused ImportTask: AEM_IMPORT_INVALID_CONTENT");

        assertEquals(List.of("Customers:NO_CHANGE", "Invoices:FAILED", "Orders:DEPLOYED"), set.getReports().stream()
                .map(r -> r.getTask() + ":" + r.getResult()).toList(), "the rows by task name, not as their plans came");
        assertNull(set.getSingle(), "a set shows rows, not one task's plan");
        String rows = BuildPages.text(j, b, "aem/step/1/");
        assertTrue(rows.contains("AEM step 1: release of 3 task(s) from tasks/ to server 'Replicate-Prod'"), rows);
        assertTrue(rows.contains("Orders\tReplicate-Prod\tDEPLOYED\t2\t4\tbackup\t3.2 s"), rows);
        assertTrue(rows.contains("Customers\tReplicate-Prod\tNO_CHANGE\t0\t0"), rows);
        assertTrue(rows.contains("Invoices\tReplicate-Prod\tFAILED\t1\t1\t\t7.4 s"), "a failed task's time too: " + rows);
        assertTrue(rows.indexOf("Customers\t") < rows.indexOf("Invoices\t") && rows.indexOf("Invoices\t") < rows.indexOf("Orders\t"),
                "the rows by task name: " + rows);
        assertTrue(BuildPages.html(j, b, "aem/step/1/").contains("href=\"report/1/\">Orders</a>"),
                "a row's page keeps the number it was given as it came: report/1/ is still Orders'");
        String summary = BuildPages.text(j, b, "");
        assertTrue(summary.contains("release of 3 task(s) from tasks/ to server 'Replicate-Prod': "), summary);
        String first = BuildPages.text(j, b, "aem/step/1/report/1/");
        assertTrue(first.contains("Deploy of Orders (Replicate-Prod)"), first);
        assertTrue(first.contains("- \"" + "a".repeat(20) + "\""), "its own diff: " + first);
        assertTrue(first.contains("ran task 'Orders' on server 'Replicate-Prod' again"), first);
        String third = BuildPages.text(j, b, "aem/step/1/report/3/");
        assertTrue(third.contains("FAILED") && third.contains("stopped task 'Invoices'"), third);
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            web.assertFails(b.getUrl() + "aem/step/1/report/4/", 404);
            web.assertFails(b.getUrl() + "aem/step/2/", 404);
        }
    }
}
