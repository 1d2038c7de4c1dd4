package io.jenkins.plugins.aem.builders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.StringParameterDefinition;
import io.jenkins.plugins.aem.AemFixture;
import io.jenkins.plugins.aem.AemJenkinsTest;
import io.jenkins.plugins.aem.report.BuildPages;
import io.jenkins.plugins.aem.steps.AemDeployTasksStep;
import io.jenkins.plugins.aem.steps.AemExportTasksStep;
import io.jenkins.plugins.aem.steps.DefinitionValue;
import io.jenkins.plugins.aem.steps.EndpointCredentials;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The freestyle export-tasks and deploy-tasks build steps: the same steps, with the job's workspace and its variables. */
class AemSetBuildersTest extends AemJenkinsTest {

    @Test
    void exportsAndReleasesAFolderInOneFreestyleJobWithItsVariables() throws Exception {
        AemExportTasksStep export = new AemExportTasksStep("Replicate-1", "${DIR}");
        export.setConnection("sim");
        export.setTasks(List.of("Orders", "Cust*"));
        export.setWithEndpoints(true);
        AemDeployTasksStep release = new AemDeployTasksStep("${TARGET}", "${DIR}");
        release.setConnection("sim");
        release.setEndpointCredentials(List.of(new EndpointCredentials("Source-DB", AemFixture.SOURCE_DB_ID),
                new EndpointCredentials("Target-DB", AemFixture.TARGET_DB_ID)));
        release.setAtomic(true);
        FreeStyleProject p = j.createFreeStyleProject();
        p.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("TARGET", "Replicate-Prod"),
                new StringParameterDefinition("DIR", "release")));
        p.getBuildersList().add(new AemExportTasksBuilder(export));
        p.getBuildersList().add(new AemDeployTasksBuilder(release));
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        assertEquals(List.of("Customers", "Orders"), aem.simulator().repository("Replicate-Prod").taskNames().stream()
                .filter(t -> List.of("Customers", "Orders").contains(t)).sorted().toList());
        assertTrue(j.jenkins.getWorkspaceFor(p).child("release/tasks/Orders.json").exists(), "the variable gave the folder");
        String rows = BuildPages.text(j, b, "aem/step/2/");
        assertTrue(rows.contains("Orders\tReplicate-Prod\tDEPLOYED"), rows);
        assertTrue(rows.contains("AEM step 2: release of 2 task(s) from release/ to server 'Replicate-Prod'"), rows);
        assertTrue(rows.contains("Asked\trelease folder release/ (every task); endpoint secrets from credentials 'Source-DB' "
                + "from '" + AemFixture.SOURCE_DB_ID + "', 'Target-DB' from '" + AemFixture.TARGET_DB_ID + "'"), rows);
        assertTrue(rows.contains("; atomic: put back every task changed if one fails"), rows);
        assertTrue(BuildPages.text(j, b, "aem/step/1/").contains("Customers\ttasks/Customers.json\tWRITTEN"));
        aem.assertNoSecrets("the build log", JenkinsRule.getLog(b));
    }

    @Test
    void configurationRoundTripsThroughTheForm() throws Exception {
        AemExportTasksStep export = new AemExportTasksStep("Replicate-1", "release");
        export.setConnection("sim");
        export.setTasks(List.of("Orders", "Sales*"));
        export.setValues(List.of(new DefinitionValue("SALES_DB", "Sales")));
        export.setValuesFile("env/dev.values");
        export.setParallel(2);
        export.setWithEndpoints(true);
        export.setPrune(true);
        export.setTimeout(120);
        AemDeployTasksStep release = new AemDeployTasksStep("Replicate-Prod", "release");
        release.setConnection("sim");
        release.setTasks(List.of("Orders"));
        release.setValues(List.of(new DefinitionValue("SALES_DB", "SALES_PROD")));
        release.setValuesFile("env/prod.values");
        release.setParallel(3);
        release.setEndpointCredentials(List.of(new EndpointCredentials("Source-DB", AemFixture.SOURCE_DB_ID)));
        release.setStopIfRunning(true);
        release.setRunOption("RELOAD_TARGET");
        release.setReplace(true);
        release.setAtomic(true);
        release.setSkipRefused(true);
        release.setDryRun(true);
        release.setOnDrift("UNSTABLE");
        release.setAllowNewerVersion(true);
        release.setTimeout(900);
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new AemExportTasksBuilder(export));
        p.getBuildersList().add(new AemDeployTasksBuilder(release));
        j.configRoundtrip(p);
        assertNotSame(export, p.getBuildersList().get(AemExportTasksBuilder.class).getStep(), "bound from the form");
        j.assertEqualDataBoundBeans(export, p.getBuildersList().get(AemExportTasksBuilder.class).getStep());
        j.assertEqualDataBoundBeans(release, p.getBuildersList().get(AemDeployTasksBuilder.class).getStep());

        AemExportTasksStep every = new AemExportTasksStep("Replicate-1", "release");
        every.setConnection("sim");
        p.getBuildersList().replace(new AemExportTasksBuilder(every));
        j.configRoundtrip(p);
        assertEquals(List.of(), p.getBuildersList().get(AemExportTasksBuilder.class).getStep().getTasks(),
                "an empty text area is every task");
    }
}
