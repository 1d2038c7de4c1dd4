package io.jenkins.plugins.aem.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.aem.AemJenkinsTest;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Whatever came from AEM or from the job is shown as text on the build's AEM page, never as markup: a setting's value
 * in a deploy's plan and diff, a task's name, and AEM's own message.
 */
class AemPageEscapingTest extends AemJenkinsTest {

    private static final String IN_SETTING = "<b id=from-setting>SALES</b>";
    private static final String IN_TASK = "<img id=\"from-task\" src=\"x\">";
    private static final String IN_MESSAGE = "<script id=\"from-aem\">alert('aem')</script>";

    /** Reads a page, checks that {@code markup} is on it as text and not as an element, and returns its text. */
    private String assertShownAsText(Run<?, ?> b, String path, String markup, String id) throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            web.getOptions().setThrowExceptionOnScriptError(false);
            HtmlPage page = web.goTo(b.getUrl() + path);
            String html = page.getWebResponse().getContentAsString();
            assertFalse(html.contains(markup), "the markup reached the page as markup: " + path);
            assertTrue(page.getElementById(id) == null, "an element of the job's or AEM's text is on " + path);
            String text = page.asNormalizedText();
            assertTrue(text.contains(markup), "the markup is shown as text on " + path + ": " + text);
            return text;
        }
    }

    @Test
    void aSettingValueInThePlanAndDiffIsText() throws Exception {
        WorkflowRun b = runPipeline("node {\n" + AemBuildPageTest.EXPORT
                + "writeFile file: 'Orders.json', text: readFile('Orders.json').replace('\"Sales\"', '\"" + IN_SETTING
                .replace("\"", "\\\\\"") + "\"')\n" + AemBuildPageTest.deploy(", dryRun: true") + "}", Result.SUCCESS);
        String text = assertShownAsText(b, "aem/step/2/", IN_SETTING, "from-setting");
        assertTrue(text.contains("create task 'Orders' using endpoints"), "a whole task is worded in the plan: " + text);
    }

    @Test
    void aTaskNameIsText() throws Exception {
        WorkflowRun b = runPipeline("aemRunTask connection: 'sim', server: 'Replicate-1', task: '" + IN_TASK + "'",
                Result.FAILURE);
        assertShownAsText(b, "aem/", IN_TASK, "from-task");
        assertShownAsText(b, "aem/step/1/", IN_TASK, "from-task");
        assertShownAsText(b, "", IN_TASK, "from-task");
    }

    @Test
    void aemsMessageIsText() throws Exception {
        aem.task("Replicate-1", "Broken").spec().failOnRun(IN_MESSAGE);
        WorkflowRun b = runPipeline("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Broken'", Result.FAILURE);
        String text = assertShownAsText(b, "aem/step/1/", IN_MESSAGE, "from-aem");
        assertTrue(text.contains("ERROR"), text);
    }
}
