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
        DeployRecord set = new DeployRecord("connection 'prod'", "Replicate-Prod", "3 tasks", "deploy tasks/", "tasks/",
                false, 3);
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
        set.ended(StepRecord.Status.FAILURE, "failed", "AEM refused ImportTask: AEM_IMPORT_INVALID_CONTENT");

        assertEquals(List.of("DEPLOYED", "NO_CHANGE", "FAILED"), set.getReports().stream().map(DeployReport::getResult).toList());
        assertNull(set.getSingle(), "a set shows rows, not one task's plan");
        String rows = BuildPages.text(j, b, "aem/step/1/");
        assertTrue(rows.contains("deploy of 3 tasks"), rows);
        assertTrue(rows.contains("Orders\tReplicate-Prod\tDEPLOYED\t2\t4\tbackup\t3.2 s"), rows);
        assertTrue(rows.contains("Customers\tReplicate-Prod\tNO_CHANGE\t0\t0"), rows);
        assertTrue(rows.contains("Invoices\tReplicate-Prod\tFAILED\t1\t1"), rows);
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
