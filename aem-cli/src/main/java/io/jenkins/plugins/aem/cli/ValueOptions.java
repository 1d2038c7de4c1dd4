package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.release.ValuesFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/** The values of a definition's ${NAME} placeholders: a file of one environment's values, and single values. */
final class ValueOptions {

    @Option(names = "--values", paramLabel = "FILE", description = "This environment's values of the placeholders "
            + "$${NAME}: one NAME=VALUE a line (# starts a comment). --set and --set-file override them.")
    Path valuesFile;

    @Option(names = "--set", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "A value for the placeholder $${NAME}. Repeatable. Not for secrets: plans show values.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--set-file", paramLabel = "NAME=FILE", description = "A value for $${NAME} read from FILE (without its final line end). Repeatable.")
    Map<String, Path> setFile = new LinkedHashMap<>();

    /** Every value given: the file's, then --set and --set-file over them. */
    Map<String, String> values() {
        Map<String, String> values = new TreeMap<>();
        if (valuesFile != null) {
            values.putAll(ValuesFile.parse(ConnectionOptions.read(valuesFile, "--values"), "--values " + valuesFile));
        }
        values.putAll(set);
        setFile.forEach((name, file) -> {
            if (set.containsKey(name)) {
                throw AemException.invalidInput("--set-file " + name, "is also given with --set. Give each name once.");
            }
            values.put(name, LocalFiles.value(file, "--set-file", name));
        });
        return values;
    }
}
