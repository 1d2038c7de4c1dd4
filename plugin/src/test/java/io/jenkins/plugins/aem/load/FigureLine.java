package io.jenkins.plugins.aem.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one line a benchmark or soak prints, {@code PREFIX key=value ...} in the order the figures were added, also written
 * to a file under {@code target/} so that the figures outlive the console.
 */
final class FigureLine {

    private final String prefix;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    FigureLine(String prefix) {
        this.prefix = prefix;
    }

    FigureLine put(String key, Object value) {
        figures.put(key, value);
        return this;
    }

    /** A figure put before, or {@code null}. */
    Object get(String key) {
        return figures.get(key);
    }

    @Override
    public String toString() {
        return prefix + " " + figures.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /** Prints the line and writes it to {@code file} (its folder is created), in place of what it held. */
    void publish(Path file) throws IOException {
        write(file);
    }

    /** Prints the line and adds it to {@code file}, after the lines it holds. */
    void append(Path file) throws IOException {
        write(file, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private void write(Path file, java.nio.file.OpenOption... how) throws IOException {
        String line = toString();
        System.out.println(line);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, how);
    }
}
