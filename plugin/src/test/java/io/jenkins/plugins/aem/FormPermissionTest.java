package io.jenkins.plugins.aem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Descriptor;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.aem.builders.AemDeployTaskBuilder;
import io.jenkins.plugins.aem.builders.AemDeployTasksBuilder;
import io.jenkins.plugins.aem.builders.AemExportTaskBuilder;
import io.jenkins.plugins.aem.builders.AemRotateSecretsBuilder;
import io.jenkins.plugins.aem.builders.AemExportTasksBuilder;
import io.jenkins.plugins.aem.builders.AemRunTaskBuilder;
import io.jenkins.plugins.aem.builders.AemStopTaskBuilder;
import io.jenkins.plugins.aem.builders.AemWaitForTaskBuilder;
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
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.kohsuke.stapler.verb.POST;

/**
 * Every form method is POST-only and refuses users who may not configure: Jenkins (global connections) or the job
 * (steps). "Test connection" never logs in for a user who is not an administrator.
 */
class FormPermissionTest extends AemJenkinsTest {

    private static final List<Class<? extends Descriptor<?>>> DESCRIPTORS = List.of(
            AemConnection.DescriptorImpl.class, AemRunTaskStep.DescriptorImpl.class, AemStopTaskStep.DescriptorImpl.class,
            AemTaskStatusStep.DescriptorImpl.class, AemWaitForTaskStep.DescriptorImpl.class,
            AemExportTaskStep.DescriptorImpl.class, AemDeployTaskStep.DescriptorImpl.class,
            AemExportTasksStep.DescriptorImpl.class, AemDeployTasksStep.DescriptorImpl.class,
            AemRotateSecretsStep.DescriptorImpl.class, DefinitionValue.DescriptorImpl.class, EndpointCredentials.DescriptorImpl.class);

    private FreeStyleProject job;

    @BeforeEach
    void secureJenkins() throws Exception {
        job = j.createFreeStyleProject("job");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("configurer"));
    }

    @Test
    void everyFormMethodIsPostOnly() {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Class<?> d : DESCRIPTORS) {
            for (Method m : d.getMethods()) {
                if (m.getName().matches("do(Check|Fill|Test).*")) {
                    checked++;
                    if (!m.isAnnotationPresent(POST.class)) {
                        missing.add(d.getName() + "." + m.getName());
                    }
                }
            }
        }
        assertTrue(checked >= 20, "found only " + checked + " form methods");
        assertEquals(List.of(), missing);
    }

    @Test
    void stepFormMethodsNeedConfigureOnTheJob() throws Exception {
        for (String id : List.of(AemRunTaskStep.class.getName(), AemStopTaskStep.class.getName(),
                AemTaskStatusStep.class.getName(), AemWaitForTaskStep.class.getName(), AemExportTaskStep.class.getName(),
                AemDeployTaskStep.class.getName(), AemExportTasksStep.class.getName(), AemDeployTasksStep.class.getName(),
                AemRotateSecretsStep.class.getName())) {
            for (String method : List.of("checkConnection?value=sim", "checkUrl?value=https://a.example",
                    "checkTimeout?value=5", "fillConnectionItems")) {
                String path = "job/job/descriptorByName/" + id + "/" + method;
                assertEquals(403, post("reader", path), path);
                assertEquals(200, post("configurer", path), path);
            }
        }
        for (String method : List.of("checkOption?value=RELOAD_TARGET", "checkCdcPosition?value=x&option=RELOAD_TARGET",
                "fillOptionItems")) {
            String path = "job/job/descriptorByName/" + AemRunTaskStep.class.getName() + "/" + method;
            assertEquals(403, post("reader", path), path);
            assertEquals(200, post("configurer", path), path);
        }
        for (String method : List.of(AemWaitForTaskStep.class.getName() + "/fillStateItems",
                AemWaitForTaskStep.class.getName() + "/checkMaxLatency?value=5&state=RUNNING",
                AemWaitForTaskStep.class.getName() + "/checkLatencyHeldFor?value=60&maxLatency=5",
                AemExportTaskStep.class.getName() + "/checkFile?value=a.json",
                AemDeployTaskStep.class.getName() + "/checkDefinition?value=a.json",
                AemDeployTaskStep.class.getName() + "/fillRunOptionItems",
                AemDeployTaskStep.class.getName() + "/checkRunOption?value=RELOAD_TARGET",
                AemDeployTaskStep.class.getName() + "/checkCdcPosition?value=x&runOption=RELOAD_TARGET",
                AemRotateSecretsStep.class.getName() + "/fillRunOptionItems",
                AemRotateSecretsStep.class.getName() + "/checkRunOption?value=RELOAD_TARGET",
                AemRotateSecretsStep.class.getName() + "/checkCdcPosition?value=x&runOption=RELOAD_TARGET",
                AemExportTasksStep.class.getName() + "/checkDir?value=release",
                AemExportTasksStep.class.getName() + "/checkValuesFile?value=env/dev.values",
                AemExportTasksStep.class.getName() + "/checkParallel?value=4",
                AemDeployTasksStep.class.getName() + "/checkDir?value=release",
                AemDeployTasksStep.class.getName() + "/checkParallel?value=4",
                AemDeployTasksStep.class.getName() + "/fillRunOptionItems",
                AemDeployTasksStep.class.getName() + "/checkRunOption?value=RELOAD_TARGET",
                AemDeployTasksStep.class.getName() + "/checkCdcPosition?value=x&runOption=RELOAD_TARGET",
                AemDeployTasksStep.class.getName() + "/fillOnDriftItems",
                AemDeployTasksStep.class.getName() + "/checkOnDrift?value=UNSTABLE",
                DefinitionValue.class.getName() + "/checkName?value=ENV",
                EndpointCredentials.class.getName() + "/checkEndpoint?value=Source-DB")) {
            String path = "job/job/descriptorByName/" + method;
            assertEquals(403, post("reader", path), path);
            assertEquals(200, post("configurer", path), path);
        }
    }

    /** A build step shows its pipeline step's form, so it has no form methods that could be left unguarded. */
    @Test
    void buildStepsHaveNoFormMethodsOfTheirOwn() {
        for (Class<?> d : List.of(AemRunTaskBuilder.DescriptorImpl.class, AemStopTaskBuilder.DescriptorImpl.class,
                AemWaitForTaskBuilder.DescriptorImpl.class, AemExportTaskBuilder.DescriptorImpl.class,
                AemDeployTaskBuilder.DescriptorImpl.class, AemExportTasksBuilder.DescriptorImpl.class,
                AemDeployTasksBuilder.DescriptorImpl.class, AemRotateSecretsBuilder.DescriptorImpl.class)) {
            for (Method m : d.getMethods()) {
                assertFalse(m.getName().matches("do(Check|Fill|Test).*"), d.getName() + "." + m.getName());
            }
        }
    }

    @Test
    void globalFormMethodsNeedAdminister() throws Exception {
        String base = "descriptorByName/" + AemConnection.class.getName() + "/";
        for (String method : List.of("checkUrl?value=https://a.example", "checkTlsMode?value=SYSTEM", "checkCaBundle?value=&tlsMode=SYSTEM", "checkDefaultTimeout?value=60",
                "fillTlsModeItems")) {
            assertEquals(403, post("configurer", base + method), method);
            assertEquals(200, post("admin", base + method), method);
        }
    }

    @Test
    void testConnectionNeverLogsInForNonAdministrators() throws Exception {
        String path = "descriptorByName/" + AemConnection.class.getName() + "/testConnection?url=" + aem.url()
                + "&credentialsId=" + AemFixture.LOGIN_ID + "&tlsMode=SYSTEM";
        assertEquals(403, post("configurer", path));
        assertEquals(0, aem.journal().entries().size(), "nothing may reach AEM");
        assertEquals(200, post("admin", path));
        assertEquals(1, aem.journal().count(e -> e.isLogin()));
    }

    @Test
    void credentialsListShowsOnlyTheCurrentValueToOthers() {
        AemRunTaskStep.DescriptorImpl d = j.jenkins.getDescriptorByType(AemRunTaskStep.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            ListBoxModel items = d.doFillCredentialsIdItems(job, aem.url(), "current-id");
            assertEquals(1, items.size());
            assertEquals("current-id", items.get(0).value);
        }
        try (ACLContext ignored = ACL.as2(User.getById("configurer", true).impersonate2())) {
            ListBoxModel items = d.doFillCredentialsIdItems(job, aem.url(), "");
            assertTrue(items.stream().anyMatch(o -> o.value.equals(AemFixture.LOGIN_ID)));
            assertTrue(items.stream().anyMatch(o -> o.value.equals(AemFixture.TOKEN_ID)));
        }
    }

    @Test
    void formMethodsRefuseGet() throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.login("admin");
        int status = wc.goTo("descriptorByName/" + AemConnection.class.getName() + "/checkName?value=x", null)
                .getWebResponse().getStatusCode();
        assertFalse(status == 200, "GET answered " + status);
    }

    /** Each web client is closed: a login's pages and scripts would otherwise pile up over the many requests here. */
    private int post(String user, String path) throws Exception {
        try (JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false)) {
            wc.login(user);
            WebRequest request = new WebRequest(new URL(j.getURL(), path), HttpMethod.POST);
            try {
                return wc.getPage(wc.addCrumb(request)).getWebResponse().getStatusCode();
            } catch (FailingHttpStatusCodeException e) {
                return e.getStatusCode();
            }
        }
    }
}
