package io.jenkins.plugins.aem.testsupport.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository under test: the real one, found from the test's working folder, and copies of the files the checks
 * read, to break one rule in.
 */
public final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** The repository's root: the nearest folder up from the working folder with the Maven wrapper's .mvn. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".mvn")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root above " + Path.of("").toAbsolutePath());
    }

    /**
     * Copies what the checks read, of the files git tracks: every module's POM, the Jenkinsfile, .gitignore, .github/,
     * .mvn/ and CI's script .ci/run.
     */
    static Path copy(Path root, Path target) {
        try {
            for (Path file : new TrackedFiles().list(root).stream().filter(RepositoryFiles::isRead).toList()) {
                Path to = target.resolve(file.toString());
                Files.createDirectories(to.getParent());
                Files.copy(root.resolve(file), to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Makes {@code dir} a git work tree whose every file not ignored is staged, as a fresh clone's are tracked. */
    static Path gitWorkTree(Path dir) {
        git(dir, "init", "-q");
        git(dir, "add", "-A");
        return dir;
    }

    private static void git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as("%s: %s", command, output).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRead(Path relative) {
        String first = relative.getName(0).toString();
        if (first.equals(".github") || first.equals(".mvn") || relative.equals(Path.of(".ci", "run"))) {
            return true;
        }
        if (relative.getNameCount() == 1) {
            return first.equals("pom.xml") || first.equals("Jenkinsfile") || first.equals(".gitignore");
        }
        return relative.getFileName().toString().equals("pom.xml") && relative.getNameCount() == 2
                && !first.startsWith(".");
    }

    /** One change to a copy, which must change something: an edit that no longer applies fails, not passes. */
    interface Edit {
        void apply(Path root) throws IOException;

        /** Replaces the first occurrence of some text. */
        static Edit replace(String file, String text, String replacement) {
            return replacePattern(file, Pattern.quote(text), Matcher.quoteReplacement(replacement));
        }

        /** Replaces the first match of a regular expression. */
        static Edit replacePattern(String file, String regex, String replacement) {
            return root -> {
                Path path = root.resolve(file);
                String before = Files.readString(path);
                String after = before.replaceFirst(regex, replacement);
                assertThat(after).as("edit of %s", file).isNotEqualTo(before);
                Files.writeString(path, after);
            };
        }

        static Edit delete(String file) {
            return root -> Files.delete(root.resolve(file));
        }

        static Edit write(String file, String content) {
            return root -> {
                Files.createDirectories(root.resolve(file).getParent());
                Files.writeString(root.resolve(file), content);
            };
        }

        static Edit andThen(Edit first, Edit second) {
            return root -> {
                first.apply(root);
                second.apply(root);
            };
        }

        static Edit move(String from, String to) {
            return root -> Files.move(root.resolve(from), root.resolve(to));
        }
    }
}
