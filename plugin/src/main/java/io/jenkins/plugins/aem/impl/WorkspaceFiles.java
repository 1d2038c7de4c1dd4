package io.jenkins.plugins.aem.impl;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import java.io.File;
import io.jenkins.plugins.aem.client.AemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import jenkins.MasterToSlaveFileCallable;

/**
 * Reads and writes the workspace files of export and deploy. Paths are relative to the workspace and stay inside it;
 * a file is written whole or not at all.
 */
public final class WorkspaceFiles {

    /** The largest definition file read: AEM's own exports are a few hundred KiB at most. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private WorkspaceFiles() {
    }

    /**
     * Checks a path given by the user.
     *
     * @throws AemException ({@code INVALID_INPUT}) for an absolute path or one that leaves the workspace
     */
    public static String checkRelative(String path, String field) {
        String p = path.strip().replace('\\', '/');
        Path normal = Path.of(p.isEmpty() ? "." : p).normalize();
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || normal.startsWith("..") || normal.toString().isEmpty()) {
            throw AemException.invalidInput(field, "'" + path.strip() + "' is not a file inside the workspace. Give a "
                    + "path relative to the workspace, such as tasks/Orders.json.");
        }
        return p;
    }

    /**
     * Reads a definition file as UTF-8.
     *
     * @throws AemException ({@code INVALID_INPUT}) when it is missing, too large or unreadable
     */
    public static String read(FilePath workspace, String path, String field) throws InterruptedException {
        FilePath file = workspace.child(checkRelative(path, field));
        try {
            if (!file.exists() || file.isDirectory()) {
                throw AemException.invalidInput(field, "'" + path + "' does not exist in the workspace (" + workspace.getRemote()
                        + "). Check out the definition first, or fix the path.");
            }
            if (file.length() > MAX_BYTES) {
                throw AemException.invalidInput(field, "'" + path + "' is larger than " + MAX_BYTES / (1024 * 1024)
                        + " MiB, which no task definition is. Give the file 'aemExportTask' wrote.");
            }
            return file.readToString();
        } catch (IOException e) {
            throw AemException.invalidInput(field, "'" + path + "' cannot be read (" + e.getMessage() + ").");
        }
    }

    /**
     * Writes a file whole on the node that holds it, in one round trip: to a temporary file beside it, then moved over
     * it, replacing it in one step where the file system can.
     */
    private static final class WriteWhole extends MasterToSlaveFileCallable<Void> {

        private static final long serialVersionUID = 1L;

        private final byte[] bytes;

        WriteWhole(String text) {
            this.bytes = text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Void invoke(File file, VirtualChannel channel) throws IOException {
            Path to = file.toPath();
            Path dir = to.toAbsolutePath().getParent();
            if (dir == null) {
                throw new IOException(to + " is no file");
            }
            Files.createDirectories(dir);
            // Created as any new file of the node is (its umask), not owner-only as a temporary file would be.
            Path temp = dir.resolve(".aem-" + UUID.randomUUID() + ".tmp");
            try {
                Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                try {
                    Files.move(temp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, to, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return null;
        }
    }

    /**
     * Writes a file whole: to a temporary file beside it, then renamed over it, so a reader never sees half of it. One
     * round trip to the node that holds the workspace.
     *
     * @return the file written
     */
    public static FilePath write(FilePath workspace, String path, String text, String field)
            throws IOException, InterruptedException {
        FilePath file = workspace.child(checkRelative(path, field));
        file.act(new WriteWhole(text));
        return file;
    }
}
