package io.jenkins.plugins.aem;

import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** A Jenkins per test with the {@link AemFixture}'s simulator, credentials and global connection in place. */
@WithJenkins
public abstract class AemJenkinsTest {

    protected JenkinsRule j;
    protected AemFixture aem;

    @BeforeEach
    void startAem(JenkinsRule rule) throws Exception {
        j = rule;
        aem = AemFixture.start();
        aem.configure(j.jenkins);
    }

    @AfterEach
    void stopAem() {
        aem.close();
    }

    /** Runs a sandboxed pipeline to the expected result, and checks that its log holds no secret. */
    protected WorkflowRun runPipeline(String script, Result expected) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun build = j.assertBuildStatus(expected, job.scheduleBuild2(0));
        aem.assertNoSecrets("the build log", JenkinsRule.getLog(build));
        return build;
    }
}
