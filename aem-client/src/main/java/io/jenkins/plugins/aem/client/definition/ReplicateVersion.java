package io.jenkins.plugins.aem.client.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Replicate version such as {@code 6.6.0.177} or {@code 2024.11.0.123}, compared number by number (missing numbers
 * count as 0), so that both the old and the year-based numbering order correctly.
 *
 * @param text    the version as written
 * @param numbers its dot-separated numbers
 */
public record ReplicateVersion(String text, List<Integer> numbers) implements Comparable<ReplicateVersion> {

    private static final Pattern LEADING = Pattern.compile("^\\s*v?(\\d+(?:\\.\\d+)*)");

    public ReplicateVersion {
        numbers = List.copyOf(numbers);
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("a version needs at least one number");
        }
    }

    /**
     * Reads a version from its text: the leading dotted numbers count, anything after them (a build suffix) does not.
     *
     * @return the version, or empty when the text does not start with a number
     */
    public static Optional<ReplicateVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = LEADING.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        List<Integer> numbers = new ArrayList<>();
        for (String part : m.group(1).split("\\.")) {
            try {
                numbers.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new ReplicateVersion(text.strip(), numbers));
    }

    /** Reads an export's {@code _version}: its {@code version} text, or else its major, minor and revision numbers. */
    static Optional<ReplicateVersion> of(JsonNode version) {
        if (version == null || !version.isObject()) {
            return Optional.empty();
        }
        Optional<ReplicateVersion> fromText = parse(version.path("version").asText(null));
        if (fromText.isPresent()) {
            return fromText;
        }
        if (version.path("version_major").isInt()) {
            int major = version.path("version_major").asInt();
            int minor = version.path("version_minor").asInt(0);
            int revision = version.path("version_revision").asInt(0);
            return Optional.of(new ReplicateVersion(major + "." + minor + "." + revision, List.of(major, minor, revision)));
        }
        return Optional.empty();
    }

    /** The {@code _version} block an export carries for this version. */
    ObjectNode toJson() {
        ObjectNode node = TaskDefinition.JSON.createObjectNode();
        node.put("version", text);
        node.put("version_major", numbers.get(0));
        node.put("version_minor", numbers.size() > 1 ? numbers.get(1) : 0);
        node.put("version_revision", numbers.size() > 2 ? numbers.get(numbers.size() - 1) : 0);
        return node;
    }

    @Override
    public int compareTo(ReplicateVersion other) {
        int n = Math.max(numbers.size(), other.numbers.size());
        for (int i = 0; i < n; i++) {
            int a = i < numbers.size() ? numbers.get(i) : 0;
            int b = i < other.numbers.size() ? other.numbers.get(i) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
