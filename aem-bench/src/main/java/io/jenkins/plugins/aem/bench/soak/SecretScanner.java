package io.jenkins.plugins.aem.bench.soak;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in captured text: passwords, session IDs the simulator issued, {@code Authorization} values.
 *
 * <p>A soak issues hundreds of session IDs and captures megabytes of text, so a search per secret would be slow.
 * Secrets are grouped by length instead and every window of that length is looked up in a hash set: one pass per
 * distinct length, exact, and it finds a secret wherever it sits inside a longer word.
 */
public final class SecretScanner {

    private static final Pattern CIPHERTEXT = Pattern.compile("\\{Z[0-9A-Fa-f]{16,}}");

    private final Map<Integer, Set<String>> byLength = new HashMap<>();

    /** @param secrets the strings that must never appear; blank ones and ones shorter than 4 chars are ignored */
    public SecretScanner(Collection<String> secrets) {
        for (String s : secrets) {
            // Too short to be a secret worth the noise of matching ordinary words.
            if (s != null && !s.isBlank() && s.length() >= 4) {
                byLength.computeIfAbsent(s.length(), k -> new HashSet<>()).add(s);
            }
        }
    }

    /** The secrets found in the text (each once), empty when it is clean. */
    public List<String> find(String text) {
        Set<String> found = new HashSet<>();
        for (Map.Entry<Integer, Set<String>> group : byLength.entrySet()) {
            int len = group.getKey();
            Set<String> secrets = group.getValue();
            for (int i = 0; i + len <= text.length(); i++) {
                // Compare the hash of the window cheaply first would need a rolling hash; substring is fast enough
                // for the few megabytes a soak prints.
                String window = text.substring(i, i + len);
                if (secrets.contains(window)) {
                    found.add(window);
                }
            }
        }
        return new ArrayList<>(found);
    }

    /**
     * The endpoint secrets in the encrypted form AEM exports ({@code {Z...}}) found in the text: usable on their server,
     * so never to be shown, and never to be in a file meant for version control.
     */
    public static List<String> ciphertexts(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = CIPHERTEXT.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** Shows a secret in a report without repeating it: its length and first two characters. */
    public static String redact(String secret) {
        return secret.substring(0, 2) + "…(" + secret.length() + " chars)";
    }
}
