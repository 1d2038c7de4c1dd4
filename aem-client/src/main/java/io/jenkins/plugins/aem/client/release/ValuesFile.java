package io.jenkins.plugins.aem.client.release;

import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.definition.Placeholders;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of one environment's placeholders, as a file holds them: one {@code NAME=VALUE} a line. The value is
 * everything after the first {@code =}, as it is (spaces kept); blank lines and lines starting with {@code #} are
 * skipped. Values are not secrets: plans show them.
 */
public final class ValuesFile {

    private ValuesFile() {
    }

    /**
     * Reads the values.
     *
     * @param where the file, as messages name it
     * @throws AemException ({@link io.jenkins.plugins.aem.client.FailureKind#INVALID_INPUT}) naming the line at fault
     *                      (never quoting it)
     */
    public static Map<String, String> parse(String text, String where) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? "" : line.substring(0, eq).strip();
            if (!Placeholders.NAME.matcher(name).matches()) {
                throw AemException.invalidInput(where, "line " + (i + 1) + " is not NAME=VALUE with a placeholder name "
                        + "(letters, digits, _ . - starting with a letter or _). Write one NAME=VALUE a line; # starts a comment.");
            }
            if (values.put(name, line.substring(eq + 1)) != null) {
                throw AemException.invalidInput(where, "gives '" + name + "' twice (again on line " + (i + 1) + "). "
                        + "Give each name once.");
            }
        }
        return values;
    }
}
