package io.jenkins.plugins.aem.testsupport.hosting;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of the Jenkins hosting checker (jenkins-infra/repository-permissions-updater,
 * {@code hosting/HostingChecker}) that read the repository's files: {@code MavenVerifier} on the root POM and
 * {@code RequiredFilesVerifier}. They run on a folder rather than on GitHub, so that a build can tell before a hosting
 * request what the checker would say. Not mirrored: the checks of the request's own fields, of GitHub users, and
 * {@code JellyVerifier}, which reads only {@code src/main/resources/} at the root (this repository has none there).
 */
public final class HostingChecker {

    private final MavenRules maven = new MavenRules();
    private final RequiredFilesRules requiredFiles = new RequiredFilesRules();

    public List<Finding> check(HostingRequest request) {
        List<Finding> findings = new ArrayList<>(maven.check(request));
        findings.addAll(requiredFiles.check(request));
        return findings;
    }
}
