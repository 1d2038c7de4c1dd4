package io.jenkins.plugins.aem.testsupport.hosting;

import static io.jenkins.plugins.aem.testsupport.hosting.Finding.required;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Model;
import org.apache.maven.model.Repository;
import org.apache.maven.model.Scm;
import org.codehaus.plexus.interpolation.InterpolationException;
import org.codehaus.plexus.interpolation.MapBasedValueSource;
import org.codehaus.plexus.interpolation.RegexBasedInterpolator;

/**
 * {@code MavenVerifier}'s checks of what a POM says the project is: coordinates, name, licence, home page, source
 * repository, artifact repositories, developers. Each method is the checker's method of the same name.
 */
final class PomIdentityRules {

    private static final int MAX_LENGTH_OF_ARTIFACT_ID = 37;
    private static final int MAX_LENGTH_OF_GROUP_ID_PLUS_ARTIFACT_ID = 100;
    private static final String JENKINS_REPOSITORY = "repo.jenkins-ci.org";

    void checkArtifactId(Model model, String forkTo, Collection<Finding> findings) {
        String check = "MavenVerifier.checkArtifactId";
        try {
            if (isBlank(forkTo)) {
                findings.add(required(check, "Missing value for 'New Repository Name' field"));
            }
            String groupId = model.getGroupId();
            String artifactId = model.getArtifactId();
            if (isBlank(artifactId)) {
                findings.add(required(check, "The pom.xml file does not contain a valid 'artifactId' for the project"));
                return;
            }
            // The checker removes every "-plugin", not only a trailing one.
            if (!isBlank(forkTo) && !artifactId.equals(forkTo.replace("-plugin", ""))) {
                findings.add(required(check, "The 'artifactId' (`" + artifactId + "`) should be `"
                        + forkTo.replace("-plugin", "").toLowerCase() + "` (the repository name without \"-plugin\")"));
            }
            if (artifactId.length() >= MAX_LENGTH_OF_ARTIFACT_ID) {
                findings.add(required(check, "The 'artifactId' must have less than " + MAX_LENGTH_OF_ARTIFACT_ID
                        + " characters"));
            }
            if (groupId.length() + artifactId.length() >= MAX_LENGTH_OF_GROUP_ID_PLUS_ARTIFACT_ID) {
                findings.add(required(check, "The 'artifactId' and 'groupId' must have less than "
                        + MAX_LENGTH_OF_GROUP_ID_PLUS_ARTIFACT_ID + " characters together"));
            }
            if (artifactId.toLowerCase().contains("jenkins")) {
                findings.add(required(check, "The 'artifactId' should not contain \"Jenkins\""));
            }
            if (!artifactId.toLowerCase().equals(artifactId)) {
                findings.add(required(check, "The 'artifactId' should be all lower case"));
            }
        } catch (RuntimeException e) {
            MavenRules.invalidPom(findings);
        }
    }

    void checkName(Model model, Collection<Finding> findings) {
        String name = model.getName();
        if (isBlank(name)) {
            findings.add(required("MavenVerifier.checkName", "The pom.xml file does not contain a valid `<name>`"));
        } else if (name.toLowerCase().contains("jenkins")) {
            findings.add(required("MavenVerifier.checkName", "The 'name' field should not contain \"Jenkins\""));
        }
    }

    void checkLicenses(Model model, Collection<Finding> findings) {
        if (model.getLicenses().isEmpty()) {
            findings.add(required("MavenVerifier.checkLicenses", "Please specify a license using the <licenses> tag"));
        }
    }

    void checkGroupId(Model model, Collection<Finding> findings) {
        String check = "MavenVerifier.checkGroupId";
        String groupId = model.getGroupId();
        if (!isBlank(groupId)) {
            if (!groupId.equals("io.jenkins.plugins")) {
                findings.add(required(check, "The <groupId> should be `io.jenkins.plugins` instead of `" + groupId + "`"));
            }
        } else if (model.getParent() != null && "org.jenkins-ci.plugins".equals(model.getParent().getGroupId())) {
            findings.add(required(check, "You must add a 'groupId' with the value `io.jenkins.plugins`"));
        }
    }

    /** {@code checkRepositories} and {@code checkPluginRepositories}: the Jenkins repository only over https. */
    void checkRepositories(Model model, Collection<Finding> findings) {
        checkHttps(model.getRepositories(), "MavenVerifier.checkRepositories", "<repository>", findings);
        checkHttps(model.getPluginRepositories(), "MavenVerifier.checkPluginRepositories", "<pluginRepository>",
                findings);
    }

    private static void checkHttps(List<Repository> repositories, String check, String tag, Collection<Finding> findings) {
        for (Repository r : repositories) {
            if (r.getUrl().contains(JENKINS_REPOSITORY) || r.getId().contains(JENKINS_REPOSITORY)) {
                try {
                    if (!new URI(r.getUrl()).getScheme().equals("https")) {
                        findings.add(required(check, "You MUST use an https:// scheme for the " + tag + " url of "
                                + JENKINS_REPOSITORY));
                    }
                } catch (URISyntaxException e) {
                    findings.add(required(check, "The " + tag + " for " + JENKINS_REPOSITORY + " has an invalid URL"));
                }
            }
        }
    }

    void checkSoftwareConfigurationManagementField(Model model, Collection<Finding> findings) {
        String check = "MavenVerifier.checkSoftwareConfigurationManagementField";
        Scm scm = model.getScm();
        if (scm == null) {
            findings.add(required(check, "You must specify an `<scm>` block"));
            return;
        }
        String connection = scm.getConnection();
        if (connection == null) {
            findings.add(required(check, "You must specify a `<connection>` tag in your `<scm>` block"));
        } else if (connection.startsWith("scm:git:git:") || connection.startsWith("scm:git:http:")) {
            findings.add(required(check, "You must use HTTPS for the `<connection>` tag in your `<scm>` block"));
        }
        if (scm.getUrl() == null) {
            findings.add(required(check, "You must specify an `<url>` tag in your `<scm>` block"));
        }
        if (scm.getDeveloperConnection() == null) {
            findings.add(required(check, "You must specify a `<developerConnection>` tag in your <scm> block"));
        }
        if (scm.getTag() == null) {
            findings.add(required(check, "You must specify a `<tag>` tag in your `<scm>` block"));
        }
    }

    void checkDevelopersTag(Model model, Collection<Finding> findings) {
        if (!model.getDevelopers().isEmpty()) {
            findings.add(required("MavenVerifier.checkDevelopersTag", "Please remove the `developers` tag"));
        }
    }

    /** The {@code <url>}, with the POM's properties and {@code project.artifactId} put in, must be the jenkinsci repository. */
    void checkUrl(Model model, Collection<Finding> findings) {
        Properties props = new Properties();
        props.putAll(model.getProperties());
        props.put("project.artifactId", model.getArtifactId());
        RegexBasedInterpolator interpolator = new RegexBasedInterpolator();
        interpolator.addValueSource(new MapBasedValueSource(props));
        try {
            String url = interpolator.interpolate(model.getUrl());
            if (!url.equals("https://github.com/jenkinsci/" + model.getArtifactId() + "-plugin")) {
                findings.add(required("MavenVerifier.checkUrl",
                        "The `<url>` field should be `https://github.com/jenkinsci/${project.artifactId}-plugin`."));
            }
        } catch (InterpolationException e) {
            // The checker logs this and reports nothing.
        }
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
