package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.AemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** The files the definition commands read and write, each refusal worded for the option it came from. */
final class LocalFiles {

    private LocalFiles() {
    }

    /**
     * A secret from a file: its first line. The file's path is not repeated in a message: a secret typed where its
     * file was expected must not end up in a build log.
     */
    static String secret(Path file, String option, String key) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw AemException.invalidInput(option + " " + key, "the file given cannot be read (" + e.getClass().getSimpleName()
                    + "). Give the path of a file whose first line is the secret; secrets are never given on the command line.");
        }
        String first = text.lines().findFirst().orElse("");
        if (first.isEmpty()) {
            throw AemException.invalidInput(option + " " + key, "the file given is empty. Put the secret on its first line.");
        }
        return first;
    }

    /** A value from a file: its whole text, without one final line end. */
    static String value(Path file, String option, String key) {
        String text = ConnectionOptions.read(file, option + " " + key);
        return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** Refuses, before anything is sent, a backup file that exists (it may hold an earlier backup) or cannot be made. */
    static void checkNewFile(Path file, String option) {
        if (Files.exists(file)) {
            throw AemException.invalidInput(option, file + " already exists; it may hold the backup of an earlier deploy. "
                    + "Move it away, or name another file.");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw AemException.invalidInput(option, "cannot create " + file + ": its directory does not exist or is not "
                    + "writable. Name a file in a writable directory.");
        }
    }

    /** Checks that {@code file} can be written (its directory exists); it may exist and is then replaced. */
    static void checkWritable(Path file, String option) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || Files.isDirectory(file)) {
            throw AemException.invalidInput(option, "cannot write " + file + ": its directory does not exist, or it is a "
                    + "directory. Name a file in an existing directory.");
        }
    }

    /**
     * Writes a file readable by its owner only, whole or not at all: a temporary file beside it, then moved into
     * place. It holds the endpoints' ciphertext, which is secret material.
     */
    static String writePrivate(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, ".aem-backup-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            tmp = Files.createTempFile(dir, ".aem-backup-", ".tmp");
            tmp.toFile().setReadable(false, false);
            tmp.toFile().setReadable(true, true);
        }
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString());
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file.toAbsolutePath().toString();
    }

    /** Writes a file others may read too (an export holds no secret), replacing it whole. */
    static void writePublic(Path file, String text, String option) {
        try {
            replace(file, text);
        } catch (IOException e) {
            throw AemException.invalidInput(option, "cannot write " + file + " (" + e.getClass().getSimpleName()
                    + "). Name a file in a writable directory.");
        }
    }

    /** Replaces a file whole: a temporary file beside it, then moved over it, so that a reader never sees half of it. */
    static void replace(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".aem-export-", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Checks a release folder before anything is sent: for a deploy it must exist; an export makes it when missing.
     */
    static void checkReleaseDir(Path dir, boolean make) {
        if (make && !Files.exists(dir)) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw AemException.invalidInput("--dir", "cannot make " + dir + " (" + e.getClass().getSimpleName()
                        + "). Name a folder in a writable place.");
            }
        }
        if (!Files.isDirectory(dir)) {
            throw AemException.invalidInput("--dir", dir + " is not a folder. Give the release folder 'aem export-tasks' "
                    + "wrote (with its tasks/ and endpoints/).");
        }
    }

    /** The thread a release folder's calls run on: one, so that they run in order, and a daemon, so that it never holds the JVM. */
    static java.util.concurrent.ExecutorService folderThread() {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "aem-release-folder");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Makes the directory of a release's backups, readable by its owner only, or checks the one given: it must hold no
     * backup yet (one of an earlier release must not be mixed up with, or overwritten by, this one's).
     */
    static void checkBackupDir(Path dir) {
        try {
            if (!Files.exists(dir)) {
                try {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createDirectories(dir);
                }
            }
            if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
                throw AemException.invalidInput("--backup-dir", dir + " is not a writable directory. Name a directory for "
                        + "this release's backups.");
            }
            try (var files = Files.list(dir)) {
                long held = files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
                if (held > 0) {
                    throw AemException.invalidInput("--backup-dir", dir + " already holds " + held + " backup(s), maybe "
                            + "of an earlier release. Name a new directory for each release, such as backups/$BUILD_NUMBER.");
                }
            }
        } catch (IOException e) {
            throw AemException.invalidInput("--backup-dir", "cannot make or read " + dir + " (" + e.getClass().getSimpleName()
                    + "). Name a directory in a writable place.");
        }
    }
}
