package io.jenkins.plugins.aem.testsupport.hosting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files of a repository that its checks read: those git tracks, and new ones it would track (not ignored), as
 * {@code git ls-files --cached --others --exclude-standard} lists them. What a run leaves in an ignored folder, such as
 * the plugins {@code hpi:run} unpacks under {@code plugin/work/}, is not the repository's and must not fail a check.
 *
 * <p>A folder that is not a git work tree (a source archive, or a test's copy) is walked instead, leaving out hidden
 * folders and the folders the root {@code .gitignore} names. A work tree where git cannot be run is an error, not a
 * walk: the walk would read the ignored folders git alone knows of.
 */
public final class TrackedFiles {

    private static final long GIT_TIMEOUT_SECONDS = 60;

    private final String git;

    /** Runs {@code git} from the PATH. */
    public TrackedFiles() {
        this("git");
    }

    /** Runs the given git executable (a test names one that does not exist). */
    TrackedFiles(String git) {
        this.git = git;
    }

    /** Every file of the repository at {@code root}, relative to it, in no particular order. */
    public List<Path> list(Path root) {
        return Files.exists(root.resolve(".git")) ? fromGit(root) : walk(root);
    }

    private List<Path> fromGit(Path root) {
        Process process;
        try {
            process = new ProcessBuilder(git, "-C", root.toString(), "ls-files", "-z", "--cached", "--others",
                    "--exclude-standard").redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new IllegalStateException("The repository checks read the files git tracks in " + root + ", but '"
                    + git + "' could not be run (" + e.getMessage() + "). Install git, or run the checks on a copy"
                    + " without .git, where the folders .gitignore names are left out.", e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            byte[] out = readAll(process.getInputStream());
            if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("git ls-files in " + root + " did not end within "
                        + GIT_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("git ls-files in " + root + " failed with status "
                        + process.exitValue() + ": " + new String(errors.join(), StandardCharsets.UTF_8).strip());
            }
            List<Path> files = new ArrayList<>();
            for (String name : new String(out, StandardCharsets.UTF_8).split("\0")) {
                // --cached lists a file deleted from the work tree until the deletion is staged; it is gone all the same.
                if (!name.isEmpty() && Files.isRegularFile(root.resolve(name))) {
                    files.add(Path.of(name));
                }
            }
            return files;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while git listed the files of " + root, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> walk(Path root) {
        Set<String> ignored = ignoredFolders(root);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .filter(file -> !inLeftOutFolder(file, ignored))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder names the root .gitignore excludes anywhere ({@code work/}, {@code target/}, {@code /work/}, ...). */
    private static Set<String> ignoredFolders(Path root) {
        Path gitignore = root.resolve(".gitignore");
        if (!Files.isRegularFile(gitignore)) {
            return Set.of("target", "work");
        }
        try (Stream<String> lines = Files.lines(gitignore, StandardCharsets.UTF_8)) {
            return lines.map(String::strip)
                    .filter(line -> line.endsWith("/") && !line.startsWith("#") && !line.startsWith("!"))
                    .map(line -> line.replaceAll("^/|/$", ""))
                    .filter(line -> !line.isEmpty() && !line.contains("/") && !line.contains("*"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean inLeftOutFolder(Path file, Set<String> ignored) {
        for (int i = 0; i < file.getNameCount() - 1; i++) {
            String folder = file.getName(i).toString();
            if (ignored.contains(folder) || (folder.startsWith(".") && !folder.equals(".github") && !folder.equals(".mvn"))) {
                return true;
            }
        }
        return false;
    }
}
