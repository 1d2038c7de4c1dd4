package io.jenkins.plugins.aem.report;

import hudson.model.Run;
import org.jvnet.hudson.test.JenkinsRule;

/** Reads a build's pages as a browser gets them, for the tests of the AEM page. */
public final class BuildPages {

    private BuildPages() {
    }

    /** The page's text as a user reads it; {@code path} is from the build's URL. */
    public static String text(JenkinsRule j, Run<?, ?> b, String path) throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            return web.goTo(b.getUrl() + path).asNormalizedText();
        }
    }

    /** The page's HTML as sent. */
    public static String html(JenkinsRule j, Run<?, ?> b, String path) throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            return web.goTo(b.getUrl() + path).getWebResponse().getContentAsString();
        }
    }
}
