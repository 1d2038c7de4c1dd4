package io.jenkins.plugins.aem.testsupport.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.testsupport.hosting.RepositoryFiles;
import io.jenkins.plugins.aem.testsupport.hosting.TrackedFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every message the plugin can show, in a build's console or in a form, is in docs/troubleshooting.md, so that a user
 * who searches for the words on the screen finds what they mean and what to do. The plugin prints its own messages
 * and the client's: both are read from the sources (the client's error codes are checked by aem-client's
 * TroubleshootingDocTest).
 */
class TroubleshootingCoverageTest {

    /** The plugin's texts that are labels or an all-clear, not a message about a problem. */
    private static final Pattern NOT_A_PROBLEM = Pattern.compile(
            ".*\\.DisplayName|AemConnection\\.Tls.*|TaskForms\\.(InlineConnection|DefaultOption|CaBundleOk|TimeoutDefault)"
                    + "|DeployForms\\.DefaultRunOption|HealthForms\\.AnyState|ConnectionTester\\.Success");

    private static final Set<String> SOURCES = Set.of("aem-client/src/main/java/", "plugin/src/main/java/");
    private static final String PLUGIN_MESSAGES = "plugin/src/main/resources/io/jenkins/plugins/aem/Messages.properties";

    private final Path root = RepositoryFiles.root();

    @Test
    void everyMessageOfTheClientAndThePluginIsInTheTroubleshootingPage() throws IOException {
        String doc = normalized(Files.readString(root.resolve("docs/troubleshooting.md"), StandardCharsets.UTF_8));
        List<UserMessages.Message> messages = sourceMessages();
        messages.addAll(pluginProperties());

        assertThat(messages).as("messages found in the sources").hasSizeGreaterThan(60);
        assertThat(messages)
                .filteredOn(m -> !doc.contains(normalized(m.lookup())))
                .as("messages missing from docs/troubleshooting.md (add each with what it means and what to do)")
                .isEmpty();
    }

    @Test
    void aMessageLeftOutOfThePageIsFound() {
        List<UserMessages.Message> found = UserMessages.in("Example.java", """
                class Example {
                    void check(String text) {
                        // AemException.of(FailureKind.AEM_ERROR, "A message in a comment is no message at all");
                        throw AemException.invalidInput("option", "'" + text
                                + "' is not a run option. Use one of: " + names() + ".");
                    }
                    void warn() {
                        event(ProgressEvent.Kind.WARNING, "Cannot read AEM's server list (" + code + "); going on.");
                        throw new AbortException("AEM: Jenkins restarted before the " + action + " was sent.");
                    }
                }
                """);

        assertThat(found).extracting(UserMessages.Message::lookup).containsExactlyInAnyOrder(
                "is not a run option. Use one of", "Cannot read AEM's server list", "AEM: Jenkins restarted before the");
    }

    private List<UserMessages.Message> sourceMessages() throws IOException {
        List<UserMessages.Message> messages = new ArrayList<>();
        for (Path file : new TrackedFiles().list(root)) {
            String name = file.toString().replace('\\', '/');
            if (name.endsWith(".java") && SOURCES.stream().anyMatch(name::startsWith)) {
                messages.addAll(UserMessages.in(name, Files.readString(root.resolve(file), StandardCharsets.UTF_8)));
            }
        }
        return messages;
    }

    private List<UserMessages.Message> pluginProperties() throws IOException {
        Properties texts = new Properties();
        try (Reader in = Files.newBufferedReader(root.resolve(PLUGIN_MESSAGES), StandardCharsets.ISO_8859_1)) {
            texts.load(in);
        }
        List<UserMessages.Message> messages = new ArrayList<>();
        for (String key : texts.stringPropertyNames()) {
            if (!NOT_A_PROBLEM.matcher(key).matches()) {
                messages.add(new UserMessages.Message(PLUGIN_MESSAGES + " " + key,
                        UserMessages.lookupOfProperty(texts.getProperty(key))));
            }
        }
        return messages;
    }

    /** Markdown wraps lines and quotes code in backticks; neither changes the words a user searches for. */
    private static String normalized(String text) {
        return text.replace("`", "").replace("\\|", "|").replaceAll("\\s+", " ");
    }
}
