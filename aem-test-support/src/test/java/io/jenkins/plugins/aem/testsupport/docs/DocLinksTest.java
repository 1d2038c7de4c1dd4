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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The documentation stands on its own: every link of every Markdown page leads to a file of this repository (and,
 * with an anchor, to a heading of it) or to a public web address, and no page sends a reader to a file beside the
 * repository that users do not have.
 */
class DocLinksTest {

    private final Path root = RepositoryFiles.root();
    private final List<Path> tracked = new TrackedFiles().list(root);
    private final Set<String> trackedNames = tracked.stream().map(DocLinksTest::slashes).collect(Collectors.toSet());

    @Test
    void everyLinkLeadsIntoTheRepositoryOrToAPublicAddress() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> pages = pages();
        assertThat(pages).extracting(DocLinksTest::slashes)
                .contains("README.md", "CONTRIBUTING.md", "docs/aem-api.md", "docs/troubleshooting.md");
        for (Path page : pages) {
            for (String link : read(page).links()) {
                problem(page, link).ifPresent(p -> broken.add(slashes(page) + ": " + link + " " + p));
            }
        }
        assertThat(broken).as("links that lead nowhere, or outside the repository").isEmpty();
    }

    @Test
    void noPageSendsReadersToFilesBesideTheRepository() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path page : pages()) {
            String text = Files.readString(root.resolve(page), StandardCharsets.UTF_8);
            for (String outside : List.of("/work/shared", "shared/aem-", "../shared")) {
                if (text.contains(outside)) {
                    found.add(slashes(page) + " mentions " + outside);
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void aLinkOutOfTheRepositoryOrToAMissingHeadingIsCaught() {
        Path readme = Path.of("README.md");
        assertThat(problem(readme, "../shared/aem-api.md")).isPresent();
        assertThat(problem(readme, "/work/shared/aem-api.md")).isPresent();
        assertThat(problem(readme, "docs/aem-api.md#no-such-heading")).isPresent();
        assertThat(problem(readme, "docs/no-such-page.md")).isPresent();
        assertThat(problem(readme, "file:///etc/passwd")).isPresent();
        assertThat(problem(readme, "docs/aem-api.md#6-what-a-timeout-means-and-how-the-wait-works")).isEmpty();
        assertThat(problem(readme, "https://www.jenkins.io/")).isEmpty();
        assertThat(problem(readme, "plugin")).isEmpty();
    }

    private Optional<String> problem(Path page, String link) {
        if (link.startsWith("https://") || link.startsWith("http://") || link.startsWith("mailto:")) {
            return Optional.empty();
        }
        if (link.contains(":")) {
            return Optional.of("is neither a public address nor a file of the repository");
        }
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        String anchor = hash < 0 ? null : link.substring(hash + 1);
        Path target = path.isEmpty() ? page : (page.getParent() == null ? Path.of(path) : page.getParent().resolve(path));
        target = target.normalize();
        if (path.startsWith("/") || target.startsWith("..")) {
            return Optional.of("leads outside the repository");
        }
        String name = slashes(target);
        boolean file = trackedNames.contains(name);
        boolean folder = trackedNames.stream().anyMatch(n -> n.startsWith(name + "/"));
        if (!file && !folder) {
            return Optional.of("is no file of the repository");
        }
        if (anchor != null) {
            if (!file || !name.endsWith(".md")) {
                return Optional.of("has an anchor, but is not a Markdown page");
            }
            try {
                if (!read(target).anchors().contains(anchor)) {
                    return Optional.of("names no heading of " + name);
                }
            } catch (IOException e) {
                return Optional.of("cannot be read: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private List<Path> pages() {
        return tracked.stream().filter(p -> p.toString().endsWith(".md")).toList();
    }

    private Markdown read(Path page) throws IOException {
        return new Markdown(Files.readString(root.resolve(page), StandardCharsets.UTF_8));
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }
}
