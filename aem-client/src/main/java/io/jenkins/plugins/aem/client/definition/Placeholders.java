package io.jenkins.plugins.aem.client.definition;

import io.jenkins.plugins.aem.client.AemException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The caller's placeholders, <code>${NAME}</code>, and the escape that keeps a literal <code>${</code>: in a file it
 * is written <code>$${</code>. {@code NAME} starts with a letter or {@code _} and holds letters, digits, {@code _},
 * {@code .} and {@code -}. Secret placeholders (<code>${secret:...}</code>, see {@link SecretPlaceholder}) are left
 * alone here.
 */
public final class Placeholders {

    /** What a substitution's name looks like. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

    private Placeholders() {
    }

    /** A literal value as a file holds it: every <code>${</code> becomes <code>$${</code>. */
    public static String escape(String literal) {
        return literal.replace("${", "$${");
    }

    /** A file's value as the literal it stands for: every <code>$${</code> becomes <code>${</code>. */
    public static String unescape(String fileValue) {
        return fileValue.replace("$${", "${");
    }

    /**
     * Replaces the <code>${NAME}</code> placeholders of one file value with their (escaped) values; literal
     * <code>$${</code> and secret placeholders stay as they are.
     *
     * @param where   the value's place, for messages
     * @param missing collects the names without a value
     * @param used    collects the names used
     */
    static String substitute(String value, Map<String, String> values, String where, Set<String> missing, Set<String> used) {
        if (value.indexOf("${") < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            if (value.startsWith("$${", i)) {
                out.append("$${");
                i += 3;
            } else if (value.startsWith(SecretPlaceholder.PREFIX, i)) {
                int end = value.indexOf('}', i);
                int stop = end < 0 ? value.length() : end + 1;
                out.append(value, i, stop);
                i = stop;
            } else if (value.startsWith("${", i)) {
                int end = value.indexOf('}', i);
                String name = end < 0 ? null : value.substring(i + 2, end);
                if (name == null || !NAME.matcher(name).matches()) {
                    throw AemException.invalidInput("definition", "the value at " + where + " holds a '${' that is not a "
                            + "placeholder. Write placeholders as ${NAME} (letters, digits, _ . -), and a literal '${' as '$${'.");
                }
                String v = values.get(name);
                if (v == null) {
                    missing.add(name);
                    out.append(value, i, end + 1);
                } else {
                    used.add(name);
                    out.append(escape(v));
                }
                i = end + 1;
            } else {
                out.append(value.charAt(i));
                i++;
            }
        }
        return out.toString();
    }
}
