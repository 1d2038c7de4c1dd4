package io.jenkins.plugins.aem.testsupport.hosting;

import static io.jenkins.plugins.aem.testsupport.hosting.RepositoryFiles.Edit.delete;
import static io.jenkins.plugins.aem.testsupport.hosting.RepositoryFiles.Edit.move;
import static io.jenkins.plugins.aem.testsupport.hosting.RepositoryFiles.Edit.replace;
import static io.jenkins.plugins.aem.testsupport.hosting.RepositoryFiles.Edit.replacePattern;
import static io.jenkins.plugins.aem.testsupport.hosting.RepositoryFiles.Edit.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.jenkins.plugins.aem.testsupport.hosting.Finding.Severity;
import io.jenkins.plugins.aem.testsupport.hosting.RepositoryFiles.Edit;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * This repository passes every rule of the Jenkins hosting checker that reads its files, and a copy with one rule
 * broken is refused by the mirrored check that the rule belongs to, and by no other.
 */
class HostingCheckerTest {

    private static final String POM = "pom.xml";
    private static final String REQUIRED = "REQUIRED";

    private final HostingChecker checker = new HostingChecker();

    @Test
    void thisRepositoryHasNoFindingAtAll() {
        assertThat(checker.check(HostingRequest.forThisProject(RepositoryFiles.root()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void aBrokenRuleIsReportedByItsCheck(String rule, Edit edit, String check, String severity, @TempDir Path copy)
            throws Exception {
        edit.apply(RepositoryFiles.copy(RepositoryFiles.root(), copy));

        List<Finding> findings = checker.check(HostingRequest.forThisProject(copy));

        assertThat(findings).as(rule).isNotEmpty()
                .allSatisfy(f -> assertThat(f.check()).isEqualTo(check))
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.valueOf(severity)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedAlternatives")
    void whatTheCheckerAlsoAcceptsPasses(String alternative, Edit edit, @TempDir Path copy) throws Exception {
        edit.apply(RepositoryFiles.copy(RepositoryFiles.root(), copy));

        assertThat(checker.check(HostingRequest.forThisProject(copy))).as(alternative).isEmpty();
    }

    @Test
    void withoutContinuousDeliveryItsFilesAreNotAskedFor(@TempDir Path copy) throws Exception {
        delete(".mvn/extensions.xml").apply(RepositoryFiles.copy(RepositoryFiles.root(), copy));

        assertThat(checker.check(new HostingRequest(copy, "qlik-enterprise-manager-plugin", false))).isEmpty();
    }

    @Test
    void theRepositoryNameDecidesTheArtifactIdAndTheTeam() {
        List<Finding> findings = checker.check(new HostingRequest(RepositoryFiles.root(), "qlik-em-plugin", true));

        assertThat(findings).extracting(Finding::check)
                .containsExactlyInAnyOrder("MavenVerifier.checkArtifactId", "RequiredFilesVerifier.checkCodeOwners");
    }

    static Stream<Arguments> brokenRules() {
        String artifactId = "MavenVerifier.checkArtifactId";
        String properties = "MavenVerifier.checkProperties";
        String cd = "MavenVerifier.checkAutomaticReleasesSettings";
        String cdFiles = "RequiredFilesVerifier.checkFilesForCD";
        String jenkinsfile = "RequiredFilesVerifier.validateJenkinsFile";
        return Stream.of(
                arguments("artifactId is not the repository name without -plugin",
                        replace(POM, "<artifactId>qlik-enterprise-manager</artifactId>", "<artifactId>aem-parent</artifactId>"),
                        artifactId, REQUIRED),
                arguments("artifactId upper case",
                        replace(POM, "<artifactId>qlik-enterprise-manager</artifactId>", "<artifactId>Qlik-enterprise-manager</artifactId>"),
                        artifactId, REQUIRED),
                arguments("name says Jenkins", replacePattern(POM, "<name>[^<]*</name>", "<name>Qlik for Jenkins</name>"),
                        "MavenVerifier.checkName", REQUIRED),
                arguments("no name", replacePattern(POM, "<name>[^<]*</name>", ""), "MavenVerifier.checkName", REQUIRED),
                arguments("no licenses", replacePattern(POM, "(?s)<licenses>.*</licenses>", ""),
                        "MavenVerifier.checkLicenses", REQUIRED),
                arguments("groupId of the engine, not io.jenkins.plugins",
                        replace(POM, "<groupId>io.jenkins.plugins</groupId>", "<groupId>io.jenkins.plugins.aem</groupId>"),
                        "MavenVerifier.checkGroupId", REQUIRED),
                arguments("Jenkins repository over http", replace(POM, "<profiles>", "<repositories><repository>"
                                + "<id>repo.jenkins-ci.org</id><url>http://repo.jenkins-ci.org/public/</url>"
                                + "</repository></repositories><profiles>"),
                        "MavenVerifier.checkRepositories", REQUIRED),
                arguments("Jenkins plugin repository over http", replace(POM, "<profiles>", "<pluginRepositories>"
                                + "<pluginRepository><id>jenkins</id><url>http://repo.jenkins-ci.org/public/</url>"
                                + "</pluginRepository></pluginRepositories><profiles>"),
                        "MavenVerifier.checkPluginRepositories", REQUIRED),
                arguments("scm without url", replace(POM, "<url>https://github.com/${gitHubRepo}</url>", ""),
                        "MavenVerifier.checkSoftwareConfigurationManagementField", REQUIRED),
                arguments("scm over git://", replace(POM, "<connection>scm:git:https:", "<connection>scm:git:git:"),
                        "MavenVerifier.checkSoftwareConfigurationManagementField", REQUIRED),
                arguments("developers listed", replace(POM, "<modules>",
                                "<developers><developer><id>someone</id></developer></developers><modules>"),
                        "MavenVerifier.checkDevelopersTag", REQUIRED),
                arguments("compiler release set", replace(POM, "<properties>",
                                "<properties><maven.compiler.release>17</maven.compiler.release>"),
                        properties, REQUIRED),
                arguments("no jenkins.baseline", replacePattern(POM, "<jenkins.baseline>[^<]*</jenkins.baseline>", ""),
                        properties, REQUIRED),
                arguments("strict bundling off", replace(POM, "<hpi.strictBundledArtifacts>true<",
                        "<hpi.strictBundledArtifacts>false<"), properties, REQUIRED),
                arguments("a ban lifted", replace(POM, "<ban-junit4-imports.skip>false<", "<ban-junit4-imports.skip>true<"),
                        properties, REQUIRED),
                arguments("url elsewhere", replace(POM, "<url>https://github.com/jenkinsci/${project.artifactId}-plugin</url>",
                        "<url>https://github.com/example/qlik</url>"), "MavenVerifier.checkUrl", REQUIRED),
                arguments("no url", replace(POM, "<url>https://github.com/jenkinsci/${project.artifactId}-plugin</url>", ""),
                        "MavenVerifier.checkUrl", REQUIRED),
                arguments("changelist other than 999999-SNAPSHOT",
                        replace(POM, "<changelist>999999-SNAPSHOT</changelist>", "<changelist>-SNAPSHOT</changelist>"),
                        cd, REQUIRED),
                arguments("version without ${changelist}",
                        replace(POM, "<version>${changelist}-aggregator</version>", "<version>1.0.0-SNAPSHOT</version>"),
                        cd, REQUIRED),
                arguments("version ${revision}${changelist}",
                        replace(POM, "<version>${changelist}-aggregator</version>", "<version>${revision}${changelist}</version>"),
                        cd, "WARNING"),
                arguments("parent POM older than the checker accepts", replace(POM, "<groupId>io.jenkins.plugins</groupId>",
                                "<parent><groupId>org.jenkins-ci.plugins</groupId><artifactId>plugin</artifactId>"
                                + "<version>6.2138.v03274d462c13</version><relativePath/></parent>"
                                + "<groupId>io.jenkins.plugins</groupId>"),
                        "MavenVerifier.checkParentInfoAndJenkinsVersion", REQUIRED),
                arguments("a compile dependency in the aggregator", replace(POM, "<profiles>", "<dependencies><dependency>"
                                + "<groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId>"
                                + "<version>3.17.0</version></dependency></dependencies><profiles>"),
                        "MavenVerifier.checkDependencies", REQUIRED),
                arguments("jenkins.version in the aggregator", replace(POM, "<properties>",
                                "<properties><jenkins.version>${jenkins.baseline}.3</jenkins.version>"),
                        "MavenVerifier.checkDependencyManagement", REQUIRED),
                arguments("pom.xml not XML", write(POM, "<project><unclosed></project>"), "MavenVerifier.verify", REQUIRED),
                arguments("no pom.xml", delete(POM), "MavenVerifier.verify", "WARNING"),
                arguments("no CODEOWNERS", delete(".github/CODEOWNERS"), "RequiredFilesVerifier.checkCodeOwners", REQUIRED),
                arguments("CODEOWNERS names another team", write(".github/CODEOWNERS", "* @jenkinsci/qlik-developers\n"),
                        "RequiredFilesVerifier.checkCodeOwners", REQUIRED),
                arguments("no security scan", delete(".github/workflows/jenkins-security-scan.yml"),
                        "RequiredFilesVerifier.checkSecurityScan", REQUIRED),
                arguments(".gitignore keeps work/", replacePattern(".gitignore", "(?m)^work/$", ""),
                        "RequiredFilesVerifier.checkGitignore", REQUIRED),
                arguments("no .gitignore", delete(".gitignore"), "RequiredFilesVerifier.checkGitignore", REQUIRED),
                arguments("no dependabot", delete(".github/dependabot.yml"), "RequiredFilesVerifier.checkDependencyBot",
                        REQUIRED),
                arguments("no incrementals extension", delete(".mvn/extensions.xml"), cdFiles, REQUIRED),
                arguments("no cd workflow", delete(".github/workflows/cd.yaml"), cdFiles, REQUIRED),
                arguments("release drafter left", write(".github/workflows/release-drafter.yml", "name: Release Drafter\n"),
                        cdFiles, REQUIRED),
                arguments("maven.config without the N.vHASH format",
                        replacePattern(".mvn/maven.config", "(?m)^-Dchangelist.format=.*$", ""), cdFiles, REQUIRED),
                arguments("no Jenkinsfile", delete("Jenkinsfile"), "RequiredFilesVerifier.checkJenkinsfile", REQUIRED),
                arguments("Jenkinsfile asks for JDK 17", replace("Jenkinsfile", "jdk: 25", "jdk: 17"), jenkinsfile, REQUIRED),
                arguments("Jenkinsfile asks for JDK '21'", replace("Jenkinsfile", "jdk: 21", "jdk: '21'"), jenkinsfile,
                        REQUIRED),
                arguments("Jenkinsfile configuration without platform", replace("Jenkinsfile", "platform: 'linux', ", ""),
                        jenkinsfile, REQUIRED),
                arguments("Jenkinsfile calls more than buildPlugin", write("Jenkinsfile",
                        "echo 'hi'\nbuildPlugin(configurations: [[platform: 'linux', jdk: 25]])\n"), jenkinsfile, REQUIRED),
                arguments("Jenkinsfile calls something else", write("Jenkinsfile", "node { echo 'hi' }\n"), jenkinsfile,
                        REQUIRED),
                arguments("Jenkinsfile without configurations", write("Jenkinsfile", "buildPlugin(forkCount: '1C')\n"),
                        jenkinsfile, REQUIRED),
                arguments("Jenkinsfile without parameters", write("Jenkinsfile", "buildPlugin()\n"), jenkinsfile, REQUIRED),
                arguments("Jenkinsfile naming an unknown variable",
                        write("Jenkinsfile", "buildPlugin(configurations: configs)\n"), jenkinsfile, REQUIRED),
                arguments("Jenkinsfile not Groovy", write("Jenkinsfile", "buildPlugin(\n"), jenkinsfile, REQUIRED));
    }

    static Stream<Arguments> acceptedAlternatives() {
        return Stream.of(
                arguments("security scan named .yaml", move(".github/workflows/jenkins-security-scan.yml",
                        ".github/workflows/jenkins-security-scan.yaml")),
                arguments("renovate instead of dependabot",
                        Edit.andThen(delete(".github/dependabot.yml"), write(".github/renovate.json", "{}\n"))),
                // Maven's model answers HEAD for a missing <scm><tag>, so the checker's test for none never fires.
                arguments("scm without tag", replace(POM, "<tag>${scmTag}</tag>", "")),
                arguments("cd workflow named .yml", move(".github/workflows/cd.yaml", ".github/workflows/cd.yml")),
                arguments("/target/ and /work/ in .gitignore", Edit.andThen(
                        replacePattern(".gitignore", "(?m)^target/$", "/target/"),
                        replacePattern(".gitignore", "(?m)^work/$", "/work/"))),
                arguments("Jenkinsfile configurations through a variable", write("Jenkinsfile",
                        "def configs = [[platform: 'linux', jdk: 25], [platform: 'windows', jdk: 21]]\n"
                                + "buildPlugin(useContainerAgent: true, configurations: configs)\n")));
    }
}
