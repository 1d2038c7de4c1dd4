package io.jenkins.plugins.aem.testsupport.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.testsupport.hosting.RepositoryFiles;
import io.jenkins.plugins.aem.testsupport.hosting.TrackedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the README promises a reader who runs its commands: they exist, and they are what CI runs. */
class ReadmeTest {

    private final Path root = RepositoryFiles.root();

    @Test
    void theFirstCodeBlockUnderTryItRunsAScriptOfTheRepository() throws IOException {
        Markdown readme = new Markdown(Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8));

        Markdown.CodeBlock tryIt = readme.codeBlocks().stream().filter(b -> b.heading().startsWith("Try it"))
                .findFirst().orElseThrow(() -> new AssertionError("README.md has no code block under a 'Try it' heading"));
        String script = tryIt.text().strip().split("\\s+")[0];

        assertThat(new TrackedFiles().list(root)).as("files git tracks").contains(Path.of(script));
        assertThat(root.resolve(script)).isExecutable();
    }

    @Test
    void theReadmeGivesTheTestCommandsCiRuns() throws IOException {
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        List<String> commands = ciCommands(Files.readString(root.resolve(".ci/run"), StandardCharsets.UTF_8));

        assertThat(commands).as("the Maven commands .ci/run runs").hasSize(2);
        assertThat(commands).allSatisfy(command -> assertThat(readme).contains("`" + command + "`"));
    }

    /** The Maven commands a CI script runs (not those it only prints), without the flags for unattended runs. */
    static List<String> ciCommands(String script) {
        Matcher m = Pattern.compile("(?m)^\\s*(\\./mvnw\\s[^\\n#]*?)\\s*$").matcher(script);
        List<String> commands = new ArrayList<>();
        while (m.find()) {
            commands.add(m.group(1).replaceAll("\\s-(B|ntp|q)(?=\\s)", "").replaceAll("\\s+", " "));
        }
        return commands;
    }

    @Test
    void ciCommandsAreReadWithoutTheFlagsForUnattendedRuns() {
        assertThat(ciCommands("echo \"CI: ./mvnw -B -ntp verify\"\n  ./mvnw -B -ntp -DskipPlugin verify\n"))
                .containsExactly("./mvnw -DskipPlugin verify");
    }
}
