package io.jenkins.plugins.aem.testsupport.hosting;

import static io.jenkins.plugins.aem.testsupport.hosting.RepositoryFiles.Edit.replace;
import static io.jenkins.plugins.aem.testsupport.hosting.RepositoryFiles.Edit.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules this project adds to the hosting checker's for its multi-module layout: Dependabot reaches every module,
 * the defaults that three POMs each declare agree, and the plugin module's parent is at the hosting floor and is what
 * CI probes for. Each holds for this repository and catches a copy that breaks it.
 */
class ProjectConventionsTest {

    private final DependabotReach dependabot = new DependabotReach();
    private final SharedDefaults defaults = new SharedDefaults();
    private final PluginModuleParent pluginParent = new PluginModuleParent();

    @Test
    void dependabotReachesEveryModuleOfThisRepository() {
        assertThat(dependabot.check(RepositoryFiles.root())).isEmpty();
    }

    /** What {@code hpi:run} leaves in the ignored plugin/work/: the POM inside every plugin it unpacked. */
    private static final String UNPACKED_PLUGIN_POM = "<project><modelVersion>4.0.0</modelVersion>"
            + "<groupId>org.jenkins-ci.plugins</groupId><artifactId>credentials</artifactId>"
            + "<version>1415.v831096eb_5534</version><packaging>hpi</packaging></project>";

    @Test
    void aPomARunLeftInAnIgnoredFolderIsNoModule(@TempDir Path clone) throws Exception {
        RepositoryFiles.gitWorkTree(RepositoryFiles.copy(RepositoryFiles.root(), clone));
        write("plugin/work/plugins/credentials/META-INF/maven/org.jenkins-ci.plugins/credentials/pom.xml",
                UNPACKED_PLUGIN_POM).apply(clone);

        assertThat(dependabot.check(clone)).isEmpty();
    }

    @Test
    void theSamePomOutsideAnIgnoredFolderIsAModuleDependabotMisses(@TempDir Path clone) throws Exception {
        RepositoryFiles.gitWorkTree(RepositoryFiles.copy(RepositoryFiles.root(), clone));
        write("plugin/extra/pom.xml", UNPACKED_PLUGIN_POM).apply(clone);

        assertThat(dependabot.check(clone)).extracting(Finding::message)
                .containsExactly(Path.of("plugin", "extra", "pom.xml") + " is not reached by Dependabot");
    }

    @Test
    void aModuleLeftOutOfTheAggregatorIsNotReached(@TempDir Path copy) throws Exception {
        replace("pom.xml", "<module>aem-bench</module>", "").apply(RepositoryFiles.copy(RepositoryFiles.root(), copy));

        assertThat(dependabot.check(copy)).extracting(Finding::message)
                .containsExactly(Path.of("aem-bench", "pom.xml") + " is not reached by Dependabot");
    }

    @Test
    void dependabotPointedAtOneModuleMissesTheOthers(@TempDir Path copy) throws Exception {
        write(".github/dependabot.yml", "version: 2\nupdates:\n  - package-ecosystem: maven\n    directory: /plugin\n")
                .apply(RepositoryFiles.copy(RepositoryFiles.root(), copy));

        assertThat(dependabot.check(copy)).extracting(Finding::message)
                .hasSize(7)
                .contains("pom.xml is not reached by Dependabot")
                .noneMatch(m -> m.startsWith("plugin"));
    }

    @Test
    void theSharedDefaultsOfThisRepositoryAgree() {
        assertThat(defaults.check(RepositoryFiles.root())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "aem-parent/pom.xml | <changelist>999999-SNAPSHOT</changelist> | <changelist>1.0-SNAPSHOT</changelist>"
                + " | aem-parent/pom.xml sets changelist to 1.0-SNAPSHOT, the root pom.xml to 999999-SNAPSHOT",
        "plugin/pom.xml | <changelist>999999-SNAPSHOT</changelist> | <changelist>-SNAPSHOT</changelist>"
                + " | plugin/pom.xml sets changelist to -SNAPSHOT, the root pom.xml to 999999-SNAPSHOT",
        "plugin/pom.xml | <jenkins.baseline>2.541</jenkins.baseline> | <jenkins.baseline>2.555</jenkins.baseline>"
                + " | plugin/pom.xml sets jenkins.baseline to 2.555, the root pom.xml to 2.541"})
    void aDefaultThatDriftsFromTheRootsIsCaught(String file, String text, String replacement, String message,
            @TempDir Path copy) throws Exception {
        replace(file, text, replacement).apply(RepositoryFiles.copy(RepositoryFiles.root(), copy));

        assertThat(defaults.check(copy)).extracting(Finding::message).containsExactly(message);
    }

    @Test
    void thePluginModulesParentIsAtTheHostingFloorAndIsWhatCiProbesFor() {
        assertThat(pluginParent.check(RepositoryFiles.root())).isEmpty();
    }

    @Test
    void aPluginModuleParentBelowTheFloorIsCaught(@TempDir Path copy) throws Exception {
        Path root = RepositoryFiles.copy(RepositoryFiles.root(), copy);
        replace("plugin/pom.xml", "<version>6.2152.ve00a_731c3ce9</version>", "<version>6.2138.v03274d462c13</version>")
                .apply(root);
        replace(".ci/run", "plugin/6.2152.ve00a_731c3ce9/plugin-6.2152.ve00a_731c3ce9.pom",
                "plugin/6.2138.v03274d462c13/plugin-6.2138.v03274d462c13.pom").apply(root);

        assertThat(pluginParent.check(root)).extracting(Finding::message)
                .containsExactly("plugin/pom.xml's parent 6.2138.v03274d462c13 is below the hosting floor 6.2152.ve00a_731c3ce9");
    }

    @Test
    void aParentMovedWithoutCisProbeIsCaught(@TempDir Path copy) throws Exception {
        Path root = RepositoryFiles.copy(RepositoryFiles.root(), copy);
        replace("plugin/pom.xml", "<version>6.2152.ve00a_731c3ce9</version>", "<version>6.2211.v27f680c93c53</version>")
                .apply(root);

        assertThat(pluginParent.check(root)).extracting(Finding::message).containsExactly(".ci/run does not probe for "
                + "org/jenkins-ci/plugins/plugin/6.2211.v27f680c93c53/plugin-6.2211.v27f680c93c53.pom, the parent "
                + "plugin/pom.xml names");
    }

    @Test
    void aPluginModuleWithAnotherParentIsCaught(@TempDir Path copy) throws Exception {
        Path root = RepositoryFiles.copy(RepositoryFiles.root(), copy);
        replace("plugin/pom.xml", "<artifactId>plugin</artifactId>", "<artifactId>aem-parent</artifactId>").apply(root);

        assertThat(pluginParent.check(root)).extracting(Finding::message)
                .containsExactly("plugin/pom.xml's parent is not org.jenkins-ci.plugins:plugin");
    }
}
