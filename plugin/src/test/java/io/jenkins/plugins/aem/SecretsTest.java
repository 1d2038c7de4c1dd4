package io.jenkins.plugins.aem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.aem.builders.AemDeployTaskBuilder;
import io.jenkins.plugins.aem.builders.AemDeployTasksBuilder;
import io.jenkins.plugins.aem.builders.AemExportTaskBuilder;
import io.jenkins.plugins.aem.builders.AemRotateSecretsBuilder;
import io.jenkins.plugins.aem.builders.AemExportTasksBuilder;
import io.jenkins.plugins.aem.builders.AemRunTaskBuilder;
import io.jenkins.plugins.aem.builders.AemStopTaskBuilder;
import io.jenkins.plugins.aem.builders.AemWaitForTaskBuilder;
import io.jenkins.plugins.aem.impl.DeployCall;
import io.jenkins.plugins.aem.impl.DeployOptions;
import io.jenkins.plugins.aem.impl.RotateCall;
import io.jenkins.plugins.aem.impl.DeployTasksCall;
import io.jenkins.plugins.aem.impl.ExportTasksCall;
import io.jenkins.plugins.aem.impl.FolderOptions;
import io.jenkins.plugins.aem.impl.TaskTarget;
import io.jenkins.plugins.aem.report.AemBuildAction;
import io.jenkins.plugins.aem.report.CommandRecord;
import io.jenkins.plugins.aem.report.DeployRecord;
import io.jenkins.plugins.aem.report.DeployReport;
import io.jenkins.plugins.aem.report.ExportRecord;
import io.jenkins.plugins.aem.report.HealthReadings;
import io.jenkins.plugins.aem.report.HealthRecord;
import io.jenkins.plugins.aem.report.PlanRow;
import io.jenkins.plugins.aem.report.StatusRecord;
import io.jenkins.plugins.aem.report.StepRecords;
import io.jenkins.plugins.aem.steps.AemDeployTaskStep;
import io.jenkins.plugins.aem.steps.AemDeployTasksStep;
import io.jenkins.plugins.aem.steps.AemExportTaskStep;
import io.jenkins.plugins.aem.steps.AemRotateSecretsStep;
import io.jenkins.plugins.aem.steps.AemExportTasksStep;
import io.jenkins.plugins.aem.steps.AemRunTaskStep;
import io.jenkins.plugins.aem.steps.AemStopTaskStep;
import io.jenkins.plugins.aem.steps.AemTaskStatusStep;
import io.jenkins.plugins.aem.steps.AemWaitForTaskStep;
import io.jenkins.plugins.aem.steps.DefinitionValue;
import io.jenkins.plugins.aem.steps.EndpointCredentials;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** No secret is stored, shown or printed, whatever happens; TLS verification is on unless a connection turns it off. */
class SecretsTest extends AemJenkinsTest {

    @Test
    void noClassHoldsAPasswordOrSecret() {
        for (Class<?> type : List.of(AemConnection.class, AemGlobalConfiguration.class, AemRunTaskStep.class,
                AemStopTaskStep.class, AemRunTaskBuilder.class, AemStopTaskBuilder.class, AemTaskStatusStep.class,
                AemWaitForTaskStep.class, AemWaitForTaskBuilder.class, AemExportTaskStep.class, AemDeployTaskStep.class,
                AemExportTaskBuilder.class, AemDeployTaskBuilder.class, AemExportTasksStep.class, AemDeployTasksStep.class,
                AemExportTasksBuilder.class, AemDeployTasksBuilder.class, AemRotateSecretsStep.class,
                AemRotateSecretsBuilder.class, RotateCall.class, DefinitionValue.class, EndpointCredentials.class,
                AemBuildAction.class, StepRecords.class, CommandRecord.class, StatusRecord.class, HealthRecord.class,
                HealthReadings.class, ExportRecord.class, ExportRecord.Row.class, DeployRecord.class, DeployReport.class,
                PlanRow.class, TaskTarget.class, FolderOptions.class, DeployOptions.class, DeployCall.class,
                DeployTasksCall.class, ExportTasksCall.class)) {
            for (Class<?> c = type; c != null && c.getName().startsWith("io.jenkins.plugins.aem"); c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    assertFalse(f.getType() == Secret.class || f.getName().toLowerCase(Locale.ROOT).contains("password"),
                            c.getName() + "." + f.getName());
                }
            }
        }
    }

    @Test
    void formsHaveNoPasswordField() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        AemRunTaskStep run = new AemRunTaskStep("Replicate-1", "Orders");
        run.setUrl(aem.url());
        run.setCredentialsId(AemFixture.LOGIN_ID);
        p.getBuildersList().add(new AemRunTaskBuilder(run));
        String page = j.createWebClient().getPage(p, "configure").asXml();
        assertTrue(page.contains("Replicate-1"), "the step is on the page");
        assertFalse(page.toLowerCase(Locale.ROOT).contains("type=\"password\""));
        aem.assertNoSecrets("the job's configure page", page);
    }

    @Test
    void failingBuildsLeakNothingAndJobConfigHoldsOnlyTheId() throws Exception {
        aem.task("Replicate-1", "Orders").spec().runError("AEM_RUN_TASK_INNER_ERR");
        aem.simulator().faults().sessionExpiry(1.0);
        FreeStyleProject p = j.createFreeStyleProject();
        AemRunTaskStep run = new AemRunTaskStep("Replicate-1", "Orders");
        run.setUrl(aem.url());
        run.setCredentialsId(AemFixture.LOGIN_ID);
        p.getBuildersList().add(new AemRunTaskBuilder(run));
        FreeStyleBuild b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        aem.assertNoSecrets("the build log", JenkinsRule.getLog(b));
        String config = Files.readString(p.getConfigFile().getFile().toPath());
        assertTrue(config.contains(AemFixture.LOGIN_ID));
        aem.assertNoSecrets("the job's config.xml", config);
        assertFalse(aem.simulator().issuedSessionIds().isEmpty(), "the scan covered real session IDs");
    }

    @Test
    void tlsIsVerifiedByDefault() {
        assertEquals(io.jenkins.plugins.aem.client.TlsTrust.Mode.SYSTEM,
                new AemConnection("x", "https://aem.example.com", "id").getTlsMode());
    }
}
