package io.jenkins.plugins.aem.client.definition;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which values of a definition are secrets. Two rules, either is enough: the value is Replicate ciphertext
 * ({@code {Z...}}, alone or inside a longer string such as a connection string), or the field's name is one that
 * holds a secret (password, secret, key, token, passphrase, in any case and spelling) and the value is not empty.
 * The rules err towards masking: a masked value that was not secret costs a placeholder; a secret left in a file is a
 * leak.
 */
public final class SecretFields {

    /** Replicate's encrypted form: {@code {Z} + hex + {@code }}, as the whole value. */
    private static final Pattern WHOLE = Pattern.compile("\\{Z[^\\s{}]+}");
    /** The same inside a longer value, where only the hex form is taken, so that ordinary braces do not match. */
    private static final Pattern INSIDE = Pattern.compile("\\{Z[0-9A-Fa-f]{8,}}");

    /** Endings of field names that hold secrets, compared without case, '_', '-' or '.'. */
    private static final List<String> SECRET_ENDINGS = List.of("password", "passwd", "pwd", "passphrase", "secret",
            "secretkey", "privatekey", "apikey", "accountkey", "accesskey", "token", "credentials");

    private SecretFields() {
    }

    /** {@code true} when the value is, or holds, Replicate ciphertext ({@code {Z...}}). */
    public static boolean isEncrypted(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        return WHOLE.matcher(v).matches() || INSIDE.matcher(v).find();
    }

    /** {@code true} when a field of this name holds a secret, for example {@code password} or {@code secretKey}. */
    public static boolean isSecretName(String field) {
        if (field == null) {
            return false;
        }
        String name = field.toLowerCase(Locale.ROOT).replaceAll("[_.\\-]", "");
        for (String ending : SECRET_ENDINGS) {
            if (name.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /** {@code true} when a value in a field of this name must not leave memory as it is. */
    public static boolean isSecret(String field, String value) {
        if (value == null || value.isEmpty() || SecretPlaceholder.parse(value).isPresent()) {
            return false;
        }
        return isEncrypted(value) || isSecretName(field);
    }
}
