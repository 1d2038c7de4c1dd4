package io.jenkins.plugins.aem.testsupport.hosting;

import static io.jenkins.plugins.aem.testsupport.hosting.Finding.required;
import static io.jenkins.plugins.aem.testsupport.hosting.Finding.warning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.model.Model;

/**
 * The hosting checker's {@code MavenVerifier}, on the root {@code pom.xml} only, as it reads it. Its checks run in its
 * order; as there, a check that throws ends the run with INVALID_POM, and equal messages count once (it keeps a set).
 */
final class MavenRules {

    static final String VERIFY = "MavenVerifier.verify";
    static final String INVALID_POM = "The pom.xml file in the root of the origin repository is not valid";

    private final PomIdentityRules identity = new PomIdentityRules();
    private final PomBuildRules build = new PomBuildRules();

    List<Finding> check(HostingRequest request) {
        Path pom = request.repositoryRoot().resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return List.of(warning(VERIFY, "No pom.xml found in root of project"));
        }
        Optional<Model> read = Poms.read(pom);
        if (read.isEmpty()) {
            return List.of(required(VERIFY, INVALID_POM));
        }
        Model model = read.get();
        Set<Finding> findings = new LinkedHashSet<>();
        try {
            identity.checkArtifactId(model, request.newRepoName(), findings);
            build.checkParentInfoAndJenkinsVersion(model, findings);
            identity.checkName(model, findings);
            identity.checkLicenses(model, findings);
            identity.checkGroupId(model, findings);
            identity.checkRepositories(model, findings);
            identity.checkSoftwareConfigurationManagementField(model, findings);
            build.checkDependencies(model, findings);
            build.checkDependencyManagement(model, findings);
            identity.checkDevelopersTag(model, findings);
            build.checkProperties(model, findings);
            identity.checkUrl(model, findings);
            if (request.enableCd()) {
                build.checkAutomaticReleasesSettings(model, findings);
            }
        } catch (RuntimeException e) {
            findings.add(required(VERIFY, INVALID_POM));
        }
        return List.copyOf(findings);
    }

    /** Adds INVALID_POM the way the checks that catch their own exceptions do, and goes on. */
    static void invalidPom(Collection<Finding> findings) {
        findings.add(required(VERIFY, INVALID_POM));
    }
}
