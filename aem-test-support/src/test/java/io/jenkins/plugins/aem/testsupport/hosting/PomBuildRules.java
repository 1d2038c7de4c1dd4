package io.jenkins.plugins.aem.testsupport.hosting;

import static io.jenkins.plugins.aem.testsupport.hosting.Finding.required;
import static io.jenkins.plugins.aem.testsupport.hosting.Finding.warning;
import static io.jenkins.plugins.aem.testsupport.hosting.PomIdentityRules.isBlank;

import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.codehaus.plexus.interpolation.MapBasedValueSource;
import org.codehaus.plexus.interpolation.RegexBasedInterpolator;

/**
 * {@code MavenVerifier}'s checks of how a POM builds: parent POM and Jenkins baseline, dependencies, properties, and
 * the continuous-delivery settings. Each method is the checker's method of the same name.
 *
 * <p>Two of them ask the Jenkins artifact repository (the banned-dependency list and the latest plugin BOM), which a
 * build here cannot reach. The aggregator has nothing for them to look at (no dependencies, no
 * {@code jenkins.version}), so here anything they would look at is a finding: the check stays strict rather than
 * guess.
 */
final class PomBuildRules {

    // hosting/Requirements.
    private static final PomVersion LOWEST_PARENT_POM_VERSION = PomVersion.parse("6.2211.v27f680c93c53");
    private static final PomVersion PARENT_POM_WITH_JENKINS_VERSION = PomVersion.parse("2");
    private static final PomVersion LOWEST_JENKINS_VERSION = PomVersion.parse("2.541.3");

    private static final List<String> ILLEGAL_PROPERTIES =
            List.of("java.level", "maven.compiler.source", "maven.compiler.target", "maven.compiler.release");

    void checkParentInfoAndJenkinsVersion(Model model, Collection<Finding> findings) {
        String check = "MavenVerifier.checkParentInfoAndJenkinsVersion";
        Parent parent = model.getParent();
        if (parent == null) {
            return;
        }
        try {
            if (!isBlank(parent.getGroupId()) && !parent.getGroupId().equals("org.jenkins-ci.plugins")) {
                findings.add(required(check, "The groupId for your parent pom is not \"org.jenkins-ci.plugins\""));
            }
            if (isBlank(parent.getVersion())) {
                return;
            }
            PomVersion parentVersion = PomVersion.parse(parent.getVersion());
            if (parentVersion.compareTo(LOWEST_PARENT_POM_VERSION) < 0) {
                findings.add(required(check, "The parent pom version '" + parentVersion + "' should be at least '"
                        + LOWEST_PARENT_POM_VERSION + "'"));
            }
            if (parentVersion.compareTo(PARENT_POM_WITH_JENKINS_VERSION) >= 0) {
                String jenkinsVersion = jenkinsVersion(model);
                if (jenkinsVersion == null) {
                    findings.add(required(check, "Your pom.xml is missing the property `jenkins.version`"));
                } else if (PomVersion.parse(jenkinsVersion).compareTo(LOWEST_JENKINS_VERSION) < 0) {
                    findings.add(required(check, "jenkins.version " + jenkinsVersion + " should be at least "
                            + LOWEST_JENKINS_VERSION));
                }
            }
        } catch (RuntimeException e) {
            // The checker logs this and reports nothing.
        }
    }

    /** The checker looks up compile-scope dependencies in its banned list, which is not here: any is a finding. */
    void checkDependencies(Model model, Collection<Finding> findings) {
        model.getDependencies().stream()
                .filter(d -> d.getScope() == null || d.getScope().equals("compile"))
                .forEach(d -> findings.add(required("MavenVerifier.checkDependencies", "The dependency `"
                        + d.getGroupId() + ":" + d.getArtifactId() + "` would be looked up in the checker's banned"
                        + " list, which is not available here: the aggregator should declare none")));
    }

    /** The checker compares the BOM with the latest released one, which needs the network: any jenkins.version is a finding. */
    void checkDependencyManagement(Model model, Collection<Finding> findings) {
        if (jenkinsVersion(model) != null) {
            findings.add(required("MavenVerifier.checkDependencyManagement", "With `jenkins.version` set, the checker"
                    + " checks the plugin BOM against the latest release, which needs the network: the aggregator"
                    + " should not set it"));
        }
    }

    void checkProperties(Model model, Collection<Finding> findings) {
        String check = "MavenVerifier.checkProperties";
        Properties props = model.getProperties();
        ILLEGAL_PROPERTIES.stream().filter(props::containsKey).forEach(p -> findings.add(required(check,
                "Please remove the property `" + p + "` from the pom.xml. It is already defined via the parent pom.")));
        if (!props.containsKey("jenkins.baseline")) {
            findings.add(required(check, "Please define the property `jenkins.baseline`"));
        }
        requireProperty("hpi.strictBundledArtifacts", "true", props, check, findings);
        requireProperty("ban-commons-lang-2.skip", "false", props, check, findings);
        requireProperty("ban-deprecated-stapler.skip", "false", props, check, findings);
        requireProperty("ban-junit4-imports.skip", "false", props, check, findings);
        requireProperty("banObsoleteDependencyOverrides.skip", "false", props, check, findings);
    }

    void checkAutomaticReleasesSettings(Model model, Collection<Finding> findings) {
        String check = "MavenVerifier.checkAutomaticReleasesSettings";
        requireProperty("changelist", "999999-SNAPSHOT", model.getProperties(), check, findings);
        String version = model.getVersion();
        if (!version.contains("${changelist}")) {
            findings.add(required(check, "The version in the pom.xml must contain `${changelist}` when CD is enabled."));
        }
        if (version.contains("${revision}${changelist}")) {
            findings.add(warning(check, "Using ${revision}${changelist} for the version is not recommended."));
        }
    }

    private static void requireProperty(String name, String value, Properties props, String check,
            Collection<Finding> findings) {
        if (!props.containsKey(name) || !props.getProperty(name).equals(value)) {
            findings.add(required(check, "Please define the property `" + name + "` and set it to `" + value + "`."));
        }
    }

    /**
     * {@code getJenkinsVersion}: {@code jenkins.version} with the POM's properties put in, or null where it is unset or
     * cannot be worked out (the checker then logs and goes on).
     */
    private static String jenkinsVersion(Model model) {
        Properties props = model.getProperties();
        if (!props.containsKey("jenkins.version")) {
            return null;
        }
        RegexBasedInterpolator interpolator = new RegexBasedInterpolator();
        interpolator.addValueSource(new MapBasedValueSource(props));
        try {
            String version = interpolator.interpolate(props.getProperty("jenkins.version"));
            interpolator.interpolate(props.getProperty("jenkins.baseline"));
            PomVersion.parse(version);
            return version;
        } catch (Exception e) {
            return null;
        }
    }
}
