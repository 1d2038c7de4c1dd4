package io.jenkins.plugins.aem.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import hudson.model.FreeStyleBuild;
import io.jenkins.plugins.aem.client.DeployOutcome;
import io.jenkins.plugins.aem.client.HealthConditions;
import io.jenkins.plugins.aem.client.ProgressFact;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.client.definition.DeployPlan;
import io.jenkins.plugins.aem.client.definition.Difference;
import io.jenkins.plugins.aem.client.definition.PlanChange;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * What a build keeps of a health wait of a day and of a deploy of 300 tasks, and the pages drawn from it, stay within a
 * few hundred KiB: readings thin as they age, and a set's tasks share the room for plans.
 */
@WithJenkins
class AemPageSizeTest {

    private static final int KIB = 1024;

    private static long fileSize(FreeStyleBuild b) {
        b.getAction(AemBuildAction.class).records().save();
        return new File(b.getRootDir(), StepRecords.FILE_NAME).length();
    }

    @Test
    void aHealthWaitOfADayKeepsAFewHundredPointsAndItsSpike(JenkinsRule j) throws Exception {
        FreeStyleBuild b = j.buildAndAssertSuccess(j.createFreeStyleProject());
        HealthRecord wait = HealthRecord.of("connection 'prod'", "Replicate-Prod", "Orders", new HealthConditions(null,
                false, Duration.ofSeconds(5), Duration.ofSeconds(60), true));
        StepRecorder.open(b, wait);
        long start = wait.getStartedAt();
        int reads = 24 * 3600 / 5;
        for (int i = 0; i < reads; i++) {
            long latency = i == 1000 ? 900 : 3 + (i / 720) % 12; // one spike of 15 minutes an hour or so in
            wait.reading(new HealthReadings.Reading(start + i * 5000L, latency, Math.min(i, 500), Math.max(0, 500 - i),
                    0, i > 15000 ? 1 : 0), latency <= 5 ? 30_000 : 0);
        }
        wait.ended(StepRecord.Status.SUCCESS, "healthy", null);

        List<HealthReadings.Reading> kept = wait.read(() -> wait.readingsForTest().points());
        assertTrue(kept.size() <= HealthReadings.MAX, "points kept: " + kept.size());
        assertEquals(start, kept.get(0).at(), "the first read is kept");
        assertEquals(start + (reads - 1) * 5000L, kept.get(kept.size() - 1).at(), "the last read is kept as read");
        assertEquals(900, kept.stream().mapToLong(HealthReadings.Reading::latency).max().orElseThrow(),
                "a spike stays visible however old");
        long file = fileSize(b);
        String html = BuildPages.html(j, b, "aem/step/1/");
        System.out.printf("A health wait of a day (%d reads): %d points, file %d KiB, page %d KiB%n", reads, kept.size(),
                file / KIB, html.length() / KIB);
        assertTrue(file < 100 * KIB, "the kept record: " + file);
        assertTrue(html.length() < 200 * KIB, "the page: " + html.length());
        assertTrue(html.matches("(?s).*17.?280 read\\(s\\).*"), "the page says how many reads there were");
    }

    /** A plan of {@code n} changed settings, each value {@code size} characters long. */
    static DeployPlan plan(int n, int size) {
        List<PlanChange> changes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String path = "task_settings.common_settings.setting_" + i;
            String before = "a".repeat(size);
            String after = "b".repeat(size);
            changes.add(new PlanChange(PlanChange.Kind.CHANGE_SETTING, "change setting " + path + ": \"aaa...\" -> \"bbb...\"",
                    new Difference(Difference.Kind.CHANGED, null, path, new TextNode(before), new TextNode(after), false)));
        }
        return new DeployPlan(changes);
    }

    /** Feeds the deploy of one task of a set as its single-task deploy would: plan, steps, backup, outcome. */
    static void deployed(StepRecorder recorder, DeployRecord set, TaskRef task, DeployPlan plan) {
        recorder.onFact(new ProgressFact.DeployPlanned(task, plan));
        List<String> actions = List.of("stopped " + task, "imported the definition into " + task, "checked " + task
                + ": it matches the file", "ran " + task + " again (RESUME_PROCESSING)");
        actions.forEach(a -> recorder.onFact(new ProgressFact.DeployAction(task, a)));
        set.backupKept(task, "aem-backups/" + task.server() + "/" + task.task() + ".json");
        set.taskDeployed(new DeployOutcome(task, DeployOutcome.Result.DEPLOYED, plan, actions, true, List.of(),
                "artifact", Duration.ofMillis(3200)));
    }

    @Test
    void aSetOf300TasksWithLargePlansSharesItsRoom(JenkinsRule j) throws Exception {
        FreeStyleBuild b = j.buildAndAssertSuccess(j.createFreeStyleProject());
        DeployRecord set = new DeployRecord("connection 'prod'", "Replicate-Prod", "300 tasks", "deploy tasks/", "tasks/",
                false, 300);
        StepRecorder recorder = StepRecorder.open(b, set);
        for (int i = 1; i <= 300; i++) {
            deployed(recorder, set, new TaskRef("Replicate-Prod", "Task-" + i), plan(40, 2000));
        }
        set.ended(StepRecord.Status.SUCCESS, "deployed 300 tasks", null);

        long file = fileSize(b);
        String whole = BuildPages.html(j, b, "aem/step/1/");
        String one = BuildPages.html(j, b, "aem/step/1/report/300/");
        System.out.printf("A set of 300 tasks, 40 changes of 4 KB each: file %d KiB, set page %d KiB, a task's page %d KiB%n",
                file / KIB, whole.length() / KIB, one.length() / KIB);
        assertTrue(file < 400 * KIB, "the kept record: " + file);
        assertTrue(whole.length() < 300 * KIB, "the set's page: " + whole.length());
        assertTrue(one.length() < 100 * KIB, "a task's page: " + one.length());
        assertEquals(300, set.getReports().size());
        assertTrue(whole.contains("href=\"report/300/\""), "each row opens its task's page");
        assertTrue(one.contains("Task-300") && one.contains("task_settings.common_settings.setting_0"), "its plan");
        assertTrue(one.contains("This page keeps about 1 KiB for each task"), "and says what it left out: " + one);
    }

    @Test
    void aSingleDeployKeepsItsWholeModestPlanWithItsValues(JenkinsRule j) throws Exception {
        FreeStyleBuild b = j.buildAndAssertSuccess(j.createFreeStyleProject());
        DeployRecord single = new DeployRecord("connection 'prod'", "Replicate-Prod", "Orders", "deploy Orders.json",
                "Orders.json", false, 1);
        StepRecorder recorder = StepRecorder.open(b, single);
        deployed(recorder, single, new TaskRef("Replicate-Prod", "Orders"), plan(20, 300));
        single.ended(StepRecord.Status.SUCCESS, "deployed", null);
        DeployReport report = single.getSingle();
        assertEquals(20, report.getPlan().size());
        assertTrue(report.getPlan().stream().allMatch(PlanRow::isValuesKept), "every value fits the room of one task");
        assertEquals(null, report.getNotKept());
        String html = BuildPages.html(j, b, "aem/step/1/");
        assertTrue(html.contains("setting_19"), "the plan is on the step's own page");
    }
}
