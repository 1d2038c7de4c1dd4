package io.jenkins.plugins.aem.testsupport.hosting;

import static io.jenkins.plugins.aem.testsupport.hosting.Finding.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.model.Model;
import org.apache.maven.model.Profile;

/**
 * This project's rule, beyond the hosting checker's (which is content with any Dependabot file): Dependabot's Maven
 * updates reach every {@code pom.xml} of the repository. From each directory it is given, Dependabot reads that
 * {@code pom.xml}, follows {@code <modules>} (those in profiles too) and each {@code <relativePath>} parent
 * (dependabot-core, {@code maven/file_fetcher.rb}); this follows the same links and names the POMs left over.
 */
final class DependabotReach {

    private static final String CHECK = "project: Dependabot reaches every module";

    private final TrackedFiles files;

    DependabotReach() {
        this(new TrackedFiles());
    }

    DependabotReach(TrackedFiles files) {
        this.files = files;
    }

    List<Finding> check(Path root) {
        Path config = root.resolve(".github/dependabot.yml");
        if (!Files.isRegularFile(config)) {
            return List.of(required(CHECK, "No .github/dependabot.yml"));
        }
        Set<Path> reached = new LinkedHashSet<>();
        mavenDirectories(config).forEach(dir -> follow(root.resolve(dir.replaceFirst("^/", "")).normalize(), reached));
        List<Finding> findings = new ArrayList<>();
        allPoms(root).filter(pom -> !reached.contains(pom))
                .forEach(pom -> findings.add(required(CHECK, root.relativize(pom) + " is not reached by Dependabot")));
        return findings;
    }

    private static List<String> mavenDirectories(Path config) {
        JsonNode updates;
        try {
            updates = new ObjectMapper(new YAMLFactory()).readTree(config.toFile()).path("updates");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> dirs = new ArrayList<>();
        for (JsonNode update : updates) {
            if (update.path("package-ecosystem").asText().equals("maven")) {
                if (update.has("directory")) {
                    dirs.add(update.get("directory").asText());
                }
                update.path("directories").forEach(d -> dirs.add(d.asText()));
            }
        }
        return dirs;
    }

    private static void follow(Path dir, Set<Path> reached) {
        Deque<Path> todo = new ArrayDeque<>(List.of(dir.resolve("pom.xml")));
        while (!todo.isEmpty()) {
            Path pom = todo.pop().normalize();
            if (!Files.isRegularFile(pom) || !reached.add(pom)) {
                continue;
            }
            Model model = Poms.read(pom).orElseThrow(() -> new IllegalStateException("Not a POM: " + pom));
            List<String> modules = new ArrayList<>(model.getModules());
            model.getProfiles().stream().map(Profile::getModules).forEach(modules::addAll);
            for (String module : modules) {
                Path target = pom.getParent().resolve(module);
                todo.push(Files.isDirectory(target) ? target.resolve("pom.xml") : target);
            }
            if (model.getParent() != null && !model.getParent().getRelativePath().isEmpty()) {
                Path parent = pom.getParent().resolve(model.getParent().getRelativePath());
                todo.push(Files.isDirectory(parent) ? parent.resolve("pom.xml") : parent);
            }
        }
    }

    /** Every pom.xml of the repository: what git tracks, so nothing a run left in an ignored folder. */
    private Stream<Path> allPoms(Path root) {
        return files.list(root).stream()
                .filter(p -> p.getFileName().toString().equals("pom.xml"))
                .map(p -> root.resolve(p).normalize());
    }
}
