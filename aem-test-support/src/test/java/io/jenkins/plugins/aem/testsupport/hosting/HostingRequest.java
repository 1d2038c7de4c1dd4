package io.jenkins.plugins.aem.testsupport.hosting;

import java.nio.file.Path;

/**
 * What the hosting checker knows of a request: the repository to read (here a folder, where the checker reads
 * GitHub), the "New Repository Name" field, and whether "Enable CD" is ticked.
 */
public record HostingRequest(Path repositoryRoot, String newRepoName, boolean enableCd) {

    /** This project's request: the name its jenkinsci repository will have, with continuous delivery. */
    public static HostingRequest forThisProject(Path repositoryRoot) {
        return new HostingRequest(repositoryRoot, "qlik-enterprise-manager-plugin", true);
    }
}
