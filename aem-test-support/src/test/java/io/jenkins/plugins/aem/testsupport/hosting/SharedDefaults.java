package io.jenkins.plugins.aem.testsupport.hosting;

import static io.jenkins.plugins.aem.testsupport.hosting.Finding.required;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.maven.model.Model;

/**
 * This project's rule: the settings that three POMs must each declare agree. The root declares {@code changelist} and
 * {@code jenkins.baseline} for the hosting checker, aem-parent declares {@code changelist} for the engine modules, and
 * plugin/ both for the plugin (its parent is the Jenkins plugin POM, so it inherits neither). A release overrides
 * {@code changelist} everywhere at once; it is the local default that could drift, leaving the plugin to look for
 * an engine version nobody builds.
 */
final class SharedDefaults {

    private static final String CHECK = "project: shared defaults agree";

    List<Finding> check(Path root) {
        Model aggregator = read(root.resolve("pom.xml"));
        Model engine = read(root.resolve("aem-parent/pom.xml"));
        Model plugin = read(root.resolve("plugin/pom.xml"));
        List<Finding> findings = new ArrayList<>();
        agree("changelist", aggregator, engine, findings, "aem-parent/pom.xml");
        agree("changelist", aggregator, plugin, findings, "plugin/pom.xml");
        agree("jenkins.baseline", aggregator, plugin, findings, "plugin/pom.xml");
        return findings;
    }

    private static void agree(String property, Model aggregator, Model other, List<Finding> findings, String where) {
        String expected = aggregator.getProperties().getProperty(property);
        String actual = other.getProperties().getProperty(property);
        if (!Objects.equals(expected, actual)) {
            findings.add(required(CHECK, where + " sets " + property + " to " + actual + ", the root pom.xml to "
                    + expected));
        }
    }

    private static Model read(Path pom) {
        return Poms.read(pom).orElseThrow(() -> new IllegalStateException("Not a POM: " + pom));
    }
}
