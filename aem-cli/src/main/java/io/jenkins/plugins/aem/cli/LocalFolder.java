package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.release.ReleaseFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A release folder on the local disk; its files are written whole, and may be read by others (they hold no secret).
 * Public so that the benchmarks export and release through the folder the {@code aem} command uses.
 */
public final class LocalFolder implements ReleaseFolder {

    private final Path root;

    /** The folder at {@code root}, which need not exist yet. */
    public LocalFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public List<String> list(String dir) throws IOException {
        Path d = resolve(dir);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(d)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList();
        }
    }

    @Override
    public Optional<String> read(String path) throws IOException {
        try {
            return Optional.of(Files.readString(resolve(path), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String path, String text) throws IOException {
        Path file = resolve(path);
        Files.createDirectories(file.getParent());
        LocalFiles.replace(file, text);
    }

    @Override
    public void delete(String path) throws IOException {
        Files.deleteIfExists(resolve(path));
    }

    @Override
    public String describe() {
        return root.toString();
    }

    /** A path inside the folder: the client's names never leave it, and this makes sure. */
    private Path resolve(String path) throws IOException {
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root)) {
            throw new IOException(path + " is not inside the release folder");
        }
        return p;
    }
}
