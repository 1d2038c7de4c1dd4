package io.jenkins.plugins.aem.testsupport.hosting;

import static io.jenkins.plugins.aem.testsupport.hosting.Finding.required;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hosting checker's {@code RequiredFilesVerifier}: the files every jenkinsci plugin repository has, read from the
 * repository's root folder as the checker reads them from GitHub (a path counts when it is a file). Each method is
 * the checker's method of the same name; the Jenkinsfile's content is {@link JenkinsfileRules}'.
 */
final class RequiredFilesRules {

    private final JenkinsfileRules jenkinsfile = new JenkinsfileRules();

    List<Finding> check(HostingRequest request) {
        Path root = request.repositoryRoot();
        List<Finding> findings = new ArrayList<>();
        checkJenkinsfile(root, findings);
        checkSecurityScan(root, findings);
        checkCodeOwners(root, request.newRepoName(), findings);
        checkGitignore(root, findings);
        checkDependencyBot(root, findings);
        if (request.enableCd()) {
            checkFilesForCD(root, findings);
        }
        return findings;
    }

    private void checkJenkinsfile(Path root, List<Finding> findings) {
        Path file = root.resolve("Jenkinsfile");
        if (!Files.isRegularFile(file)) {
            findings.add(required("RequiredFilesVerifier.checkJenkinsfile", "Missing file `Jenkinsfile`"));
            return;
        }
        jenkinsfile.check(read(file)).ifPresent(findings::add);
    }

    private static void checkSecurityScan(Path root, List<Finding> findings) {
        if (noneIsFile(root, ".github/workflows/jenkins-security-scan.yml", ".github/workflows/jenkins-security-scan.yaml")) {
            findings.add(required("RequiredFilesVerifier.checkSecurityScan",
                    "Missing file `.github/workflows/jenkins-security-scan.yml`"));
        }
    }

    private static void checkCodeOwners(Path root, String forkTo, List<Finding> findings) {
        String check = "RequiredFilesVerifier.checkCodeOwners";
        String expected = "* @jenkinsci/" + forkTo + "-developers";
        Path file = root.resolve(".github/CODEOWNERS");
        if (!Files.isRegularFile(file)) {
            findings.add(required(check, "Missing file `.github/CODEOWNERS` with the line `" + expected + "`"));
        } else if (lines(file).noneMatch(expected::equals)) {
            findings.add(required(check, "The file `.github/CODEOWNERS` doesn't contain the line `" + expected + "`"));
        }
    }

    private static void checkGitignore(Path root, List<Finding> findings) {
        String check = "RequiredFilesVerifier.checkGitignore";
        Path file = root.resolve(".gitignore");
        if (!Files.isRegularFile(file)) {
            findings.add(required(check, "Missing file `.gitignore`"));
            return;
        }
        for (String dir : List.of("target", "work")) {
            if (lines(file).noneMatch(line -> line.equals(dir) || line.equals(dir + "/") || line.equals("/" + dir + "/"))) {
                findings.add(required(check, "The file `.gitignore` doesn't exclude `" + dir + "`"));
            }
        }
    }

    private static void checkDependencyBot(Path root, List<Finding> findings) {
        if (noneIsFile(root, ".github/dependabot.yml", ".github/dependabot.yaml", "renovate.json",
                ".github/renovate.json", ".github/workflows/updatecli.yml", ".github/workflows/updatecli.yaml")) {
            findings.add(required("RequiredFilesVerifier.checkDependencyBot",
                    "No files found related to automatically updating the plugin dependencies"));
        }
    }

    private static void checkFilesForCD(Path root, List<Finding> findings) {
        String check = "RequiredFilesVerifier.checkFilesForCD";
        if (noneIsFile(root, ".mvn/extensions.xml")) {
            findings.add(required(check, "Missing file `.mvn/extensions.xml`"));
        }
        if (noneIsFile(root, ".github/workflows/cd.yaml", ".github/workflows/cd.yml")) {
            findings.add(required(check, "Missing file `.github/workflows/cd.yaml`"));
        }
        for (String dir : List.of(".github/", ".github/workflows/")) {
            if (!noneIsFile(root, dir + "release-drafter.yml", dir + "release-drafter.yaml")) {
                findings.add(required(check, "The file `" + dir + "release-drafter.y*ml` should be removed"));
            }
        }
        String expected = "-Dchangelist.format=%d.v%s";
        Path config = root.resolve(".mvn/maven.config");
        if (!Files.isRegularFile(config)) {
            findings.add(required(check, "Missing file `.mvn/maven.config` with the line `" + expected + "`"));
        } else if (lines(config).noneMatch(expected::equals)) {
            findings.add(required(check, "The file `.mvn/maven.config` doesn't contain the line `" + expected + "`"));
        }
    }

    private static boolean noneIsFile(Path root, String... paths) {
        return Stream.of(paths).map(root::resolve).noneMatch(Files::isRegularFile);
    }

    /** Split as the checker's BufferedReader splits: at \n, \r or \r\n. */
    private static Stream<String> lines(Path file) {
        return read(file).lines();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
