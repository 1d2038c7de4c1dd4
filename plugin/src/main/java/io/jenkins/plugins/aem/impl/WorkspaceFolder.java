package io.jenkins.plugins.aem.impl;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.aem.client.release.ReleaseFolder;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jenkins.MasterToSlaveFileCallable;

/**
 * A release folder in the workspace, on whichever node holds it. Each call is one round trip over the remoting
 * channel, made on the thread the client hands it (Jenkins' remoting pool), never on the client's own: an agent may
 * be slow or gone. Files are written whole ({@link WorkspaceFiles#write}); the client's paths stay inside the folder.
 */
final class WorkspaceFolder implements ReleaseFolder {

    /** What {@code dir} says in a message about a file of the folder. */
    private static final String FIELD = "dir";

    private final FilePath root;

    WorkspaceFolder(FilePath root) {
        this.root = root;
    }

    private FilePath child(String path) {
        return root.child(WorkspaceFiles.checkRelative(path, FIELD));
    }

    @Override
    public List<String> list(String dir) throws IOException, InterruptedException {
        return child(dir).act(new ListFiles());
    }

    @Override
    public Optional<String> read(String path) throws IOException, InterruptedException {
        return Optional.ofNullable(child(path).act(new ReadIfThere()));
    }

    @Override
    public void write(String path, String text) throws IOException, InterruptedException {
        WorkspaceFiles.write(root, path, text, FIELD);
    }

    @Override
    public void delete(String path) throws IOException, InterruptedException {
        child(path).act(new DeleteIfThere());
    }

    /** The folder's path on its node, as the workspace's own messages name it. */
    @Override
    public String describe() {
        return root.getRemote();
    }

    /** The names of the regular files directly in a folder; none when it is missing. */
    private static final class ListFiles extends MasterToSlaveFileCallable<List<String>> {

        private static final long serialVersionUID = 1L;

        @Override
        public List<String> invoke(File dir, VirtualChannel channel) throws IOException {
            if (!dir.isDirectory()) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(dir.toPath())) {
                return new ArrayList<>(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList());
            }
        }
    }

    /** A file's text, or {@code null} when it is missing; a file larger than any definition is refused. */
    private static final class ReadIfThere extends MasterToSlaveFileCallable<String> {

        private static final long serialVersionUID = 1L;

        @Override
        public String invoke(File file, VirtualChannel channel) throws IOException {
            try {
                if (Files.size(file.toPath()) > WorkspaceFiles.MAX_BYTES) {
                    throw new IOException("it is larger than " + WorkspaceFiles.MAX_BYTES / (1024 * 1024) + " MiB, "
                            + "which no task definition is");
                }
                return Files.readString(file.toPath(), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                return null;
            }
        }
    }

    /** Deletes a file; nothing when it is missing. */
    private static final class DeleteIfThere extends MasterToSlaveFileCallable<Void> {

        private static final long serialVersionUID = 1L;

        @Override
        public Void invoke(File file, VirtualChannel channel) throws IOException {
            Files.deleteIfExists(file.toPath());
            return null;
        }
    }
}
