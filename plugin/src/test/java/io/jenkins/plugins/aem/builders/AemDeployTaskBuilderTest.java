package io.jenkins.plugins.aem.builders;

import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.aem.AemFixture;
import io.jenkins.plugins.aem.AemJenkinsTest;
import io.jenkins.plugins.aem.steps.AemDeployTaskStep;
import io.jenkins.plugins.aem.steps.AemExportTaskStep;
import io.jenkins.plugins.aem.steps.AemRotateSecretsStep;
import io.jenkins.plugins.aem.steps.DefinitionValue;
import io.jenkins.plugins.aem.steps.EndpointCredentials;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The freestyle export and deploy build steps: the same steps, with the job's workspace. */
class AemDeployTaskBuilderTest extends AemJenkinsTest {

    @Test
    void exportsAndDeploysInOneFreestyleJob() throws Exception {
        AemExportTaskStep export = new AemExportTaskStep("Replicate-1", "Orders");
        export.setConnection("sim");
        export.setWithEndpoints(true);
        AemDeployTaskStep deploy = new AemDeployTaskStep("Replicate-Prod", "${TARGET}", "Orders.json");
        deploy.setConnection("sim");
        deploy.setEndpointCredentials(List.of(new EndpointCredentials("Source-DB", AemFixture.SOURCE_DB_ID),
                new EndpointCredentials("Target-DB", AemFixture.TARGET_DB_ID)));
        FreeStyleProject p = j.createFreeStyleProject();
        p.addProperty(new hudson.model.ParametersDefinitionProperty(new hudson.model.StringParameterDefinition("TARGET", "Orders")));
        p.getBuildersList().add(new AemExportTaskBuilder(export));
        p.getBuildersList().add(new AemDeployTaskBuilder(deploy));
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        assertTrue(aem.simulator().repository("Replicate-Prod").taskExists("Orders"));
        aem.assertNoSecrets("the build log", JenkinsRule.getLog(b));
    }

    @Test
    void configurationRoundTripsThroughTheForm() throws Exception {
        AemDeployTaskStep deploy = new AemDeployTaskStep("Replicate-Prod", "Orders", "tasks/Orders.json");
        deploy.setConnection("sim");
        deploy.setSubstitutions(List.of(new DefinitionValue("ENV", "PROD")));
        deploy.setEndpointCredentials(List.of(new EndpointCredentials("Source-DB", AemFixture.SOURCE_DB_ID)));
        deploy.setStopIfRunning(true);
        deploy.setRunOption("RELOAD_TARGET");
        deploy.setReplace(true);
        deploy.setDryRun(true);
        deploy.setAllowNewerVersion(true);
        deploy.setUpdateSecrets(true);
        deploy.setSkipEndpointTest(true);
        deploy.setTimeout(900);
        AemExportTaskStep export = new AemExportTaskStep("Replicate-1", "Orders");
        export.setConnection("sim");
        export.setWithEndpoints(true);
        export.setFile("tasks/Orders.json");
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new AemExportTaskBuilder(export));
        p.getBuildersList().add(new AemDeployTaskBuilder(deploy));
        j.configRoundtrip(p);
        j.assertEqualDataBoundBeans(export, p.getBuildersList().get(AemExportTaskBuilder.class).getStep());
        j.assertEqualDataBoundBeans(deploy, p.getBuildersList().get(AemDeployTaskBuilder.class).getStep());
    }

    @Test
    void theRotationBuildStepRoundTripsThroughTheFormAndRotates() throws Exception {
        AemRotateSecretsStep rotate = new AemRotateSecretsStep("Replicate-Prod", "${TARGET}");
        rotate.setConnection("sim");
        rotate.setEndpointCredentials(List.of(new EndpointCredentials("Target-DB", AemFixture.TARGET_DB_ID)));
        rotate.setStopIfRunning(true);
        rotate.setRunOption("RELOAD_TARGET");
        rotate.setTimeout(300);
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new AemRotateSecretsBuilder(rotate));
        j.configRoundtrip(p);
        j.assertEqualDataBoundBeans(rotate, p.getBuildersList().get(AemRotateSecretsBuilder.class).getStep());

        exportsAndDeploysInOneFreestyleJob();
        p.addProperty(new hudson.model.ParametersDefinitionProperty(new hudson.model.StringParameterDefinition("TARGET", "Orders")));
        rotate.setRunOption(null);
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        j.assertLogContains("rotate the secret of endpoint 'Target-DB' (password) through PatchEndpoint", b);
        assertTrue(aem.simulator().repository("Replicate-Prod").endpoints().patches().size() == 1);
        aem.assertNoSecrets("the build log", JenkinsRule.getLog(b));
    }
}
