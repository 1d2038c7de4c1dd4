package io.jenkins.plugins.aem.client.definition;

import java.util.Optional;

/**
 * Where a secret was taken out of a definition: <code>${secret:ENDPOINT/FIELD}</code>, for example
 * <code>${secret:Oracle-Prod/password}</code>. {@code FIELD} is the key below the endpoint's {@code db_settings}
 * (nested keys joined with dots). A secret outside any endpoint has an empty {@code ENDPOINT} and its whole JSON path
 * as {@code FIELD}: <code>${secret:/cmd.replication_definition.tasks[0].x}</code>.
 *
 * <p>This syntax is distinct from the caller's substitutions, <code>${NAME}</code>: a name never contains a colon.
 *
 * @param endpoint the endpoint's name, or empty for a secret outside any endpoint
 * @param field    the field within the endpoint, or the JSON path
 */
public record SecretPlaceholder(String endpoint, String field) implements Comparable<SecretPlaceholder> {

    /** How every secret placeholder starts. */
    public static final String PREFIX = "${secret:";

    /** The placeholder as it stands in a file. */
    public String text() {
        return PREFIX + endpoint + "/" + field + "}";
    }

    /** {@code ENDPOINT/FIELD}: the key that fills exactly this secret on a deploy. */
    public String key() {
        return endpoint + "/" + field;
    }

    /** Reads a string value that is exactly one secret placeholder. */
    public static Optional<SecretPlaceholder> parse(String value) {
        if (value == null || !value.startsWith(PREFIX) || !value.endsWith("}")) {
            return Optional.empty();
        }
        String inner = value.substring(PREFIX.length(), value.length() - 1);
        int slash = inner.indexOf('/');
        if (slash < 0 || slash == inner.length() - 1 || inner.indexOf('}') >= 0) {
            return Optional.empty();
        }
        // Endpoint names may not hold '/', field paths may: the first slash separates them.
        return Optional.of(new SecretPlaceholder(inner.substring(0, slash), inner.substring(slash + 1)));
    }

    @Override
    public int compareTo(SecretPlaceholder o) {
        int c = endpoint.compareTo(o.endpoint);
        return c != 0 ? c : field.compareTo(o.field);
    }

    @Override
    public String toString() {
        return text();
    }
}
