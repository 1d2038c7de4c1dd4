package io.jenkins.plugins.aem.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Counts secrets (the simulator's passwords and every session ID it issued, and the Basic value of each login) in
 * text and in every file of a folder, as a figure rather than a failure. Never says which value it found.
 */
final class LeakCounter {

    private static final long LARGEST_FILE = 16L << 20;

    private final Set<String> secrets = new TreeSet<>();

    /**
     * @param secrets passwords, tokens and session IDs (shorter than 6 characters are ignored, as by the suite's scan)
     * @param logins  user and password pairs, {@code user:password}, whose Basic header values count too
     */
    LeakCounter(List<String> secrets, List<String> logins) {
        secrets.stream().filter(s -> s != null && s.length() >= 6).forEach(this.secrets::add);
        logins.forEach(l -> this.secrets.add(Base64.getEncoder().encodeToString(l.getBytes(StandardCharsets.UTF_8))));
    }

    /** How many of the secrets occur in this text. */
    int count(String text) {
        int n = 0;
        for (String s : secrets) {
            if (text.contains(s)) {
                n++;
            }
        }
        return n;
    }

    /** Secrets found, summed over every file below {@code root} (read as Latin-1, so any bytes compare). */
    int countInFiles(Path root) throws IOException {
        int n = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (Files.size(f) <= LARGEST_FILE) {
                    n += count(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return n;
    }
}
