package io.jenkins.plugins.aem.testsupport.hosting;

import static io.jenkins.plugins.aem.testsupport.hosting.Finding.required;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;

/**
 * This project's rule for the module that is the plugin. The hosting checker reads the root POM only, and the root has
 * no parent, so the checker's parent rule never looks at {@code plugin/pom.xml}, whose parent is the one that counts: a
 * reviewer reads both. Here the plugin module's parent must be the Jenkins plugin POM at the hosting floor or above,
 * and CI's probe ({@code .ci/run}) must look for that very parent in the local Maven repository, so that a parent
 * moved without the probe never sends CI down the path that leaves the plugin's tests out unnoticed.
 *
 * <p>The floor is 6.2152, the parent this project's local Jenkins is built with. The checker's own Requirements have
 * moved over time (6.2152 with Jenkins 2.528, 6.2211 with 2.541.3, which {@link PomBuildRules} mirrors for the root);
 * the plugin module follows the floor the build can reach here.
 */
final class PluginModuleParent {

    static final PomVersion FLOOR = PomVersion.parse("6.2152.ve00a_731c3ce9");
    private static final String CHECK = "project: the plugin module's parent";

    List<Finding> check(Path root) {
        Model plugin = Poms.read(root.resolve("plugin/pom.xml"))
                .orElseThrow(() -> new IllegalStateException("Not a POM: plugin/pom.xml"));
        List<Finding> findings = new ArrayList<>();
        Parent parent = plugin.getParent();
        if (parent == null || !"org.jenkins-ci.plugins".equals(parent.getGroupId())
                || !"plugin".equals(parent.getArtifactId())) {
            findings.add(required(CHECK, "plugin/pom.xml's parent is not org.jenkins-ci.plugins:plugin"));
            return findings;
        }
        String version = parent.getVersion() == null ? "" : parent.getVersion().trim();
        if (version.isEmpty() || PomVersion.parse(version).compareTo(FLOOR) < 0) {
            findings.add(required(CHECK, "plugin/pom.xml's parent " + version + " is below the hosting floor " + FLOOR));
        }
        String probed = "org/jenkins-ci/plugins/plugin/" + version + "/plugin-" + version + ".pom";
        if (!version.isEmpty() && !read(root.resolve(".ci/run")).contains(probed)) {
            findings.add(required(CHECK, ".ci/run does not probe for " + probed + ", the parent plugin/pom.xml names"));
        }
        return findings;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
