package io.jenkins.plugins.aem;

import static org.junit.jupiter.api.Assertions.assertFalse;

import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.aem.testsupport.SecretKind;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the tests read of the files a deploy keeps in its build's folder ({@code aem-deploys/ID/}), and the secret scan
 * of a whole build folder: every file Jenkins keeps of a build (build.xml, program.dat, the log, aem-steps.xml, the
 * archived artifacts, the kept deploy's own files) read byte for byte.
 */
public final class KeptFiles {

    /** An element's text that is a value encrypted with Jenkins' key ({@code Secret}): a backup, a definition. */
    private static final Pattern ENCRYPTED = Pattern.compile(">\\s*(\\{[A-Za-z0-9+/=]+})\\s*<");
    private static final Pattern CIPHERTEXT = Pattern.compile("\\{Z[0-9a-fA-F]+}");

    private KeptFiles() {
    }

    /** The deploys {@code b} keeps, as their {@code deploy.xml} files. */
    public static List<Path> deployFiles(Run<?, ?> b) throws IOException {
        Path dir = b.getRootDir().toPath().resolve("aem-deploys");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().equals("deploy.xml")).toList();
        }
    }

    /**
     * The {@code {Z...}} ciphertext in the backups {@code b} keeps, decrypted with Jenkins' key, registered with the
     * secret scan so that every later scan looks for it too. The raw file must hold none of it.
     */
    public static List<String> registerBackupCiphertext(Run<?, ?> b) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : deployFiles(b)) {
            String raw = Files.readString(file, StandardCharsets.UTF_8);
            assertFalse(raw.contains("{Z"), file + " holds ciphertext in clear");
            Matcher m = ENCRYPTED.matcher(raw);
            while (m.find()) {
                Secret decrypted = Secret.decrypt(m.group(1));
                Matcher z = CIPHERTEXT.matcher(decrypted == null ? "" : decrypted.getPlainText());
                while (z.find()) {
                    found.add(z.group());
                    SecretScan.register(SecretKind.ENCRYPTED_SECRET, z.group());
                }
            }
        }
        return found;
    }

    /** Scans every file of the build's folder, as bytes read one character each, for every known secret. */
    public static void assertBuildFolderClean(Run<?, ?> b) throws IOException {
        try (Stream<Path> files = Files.walk(b.getRootDir().toPath())) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    SecretScan.assertClean(f.toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Whether the build still keeps a deploy. */
    public static boolean keepsADeploy(Run<?, ?> b) {
        return new File(b.getRootDir(), "aem-deploys").exists();
    }
}
