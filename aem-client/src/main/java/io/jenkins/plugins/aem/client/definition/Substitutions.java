package io.jenkins.plugins.aem.client.definition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.client.AemException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The caller's values for the <code>${NAME}</code> placeholders of a definition file, per environment for example.
 * Applied to string values only (keys never change); a value is inserted as it is, never read as a placeholder itself.
 * Values are not secrets: they show in plans. Secrets go through {@link EndpointSecret}s.
 */
public final class Substitutions {

    private final Map<String, String> values;

    private Substitutions(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Checks the names and copies the map.
     *
     * @throws AemException ({@link io.jenkins.plugins.aem.client.FailureKind#INVALID_INPUT}) for a bad name or a missing value
     */
    public static Substitutions of(Map<String, String> values) {
        Map<String, String> copy = new TreeMap<>();
        if (values != null) {
            values.forEach((name, value) -> {
                if (name == null || !Placeholders.NAME.matcher(name).matches()) {
                    throw AemException.invalidInput("substitutions", "'" + name + "' is not a placeholder name. Names start "
                            + "with a letter or _ and hold letters, digits, _ . and - (the file writes them ${NAME}).");
                }
                if (value == null) {
                    throw AemException.invalidInput("substitutions", "'" + name + "' has no value. Give a value, or leave the name out.");
                }
                copy.put(name, value);
            });
        }
        return new Substitutions(copy);
    }

    /** The names given. */
    public Set<String> names() {
        return values.keySet();
    }

    /** What substituting gave: the definition, and the names given but not found in it (worth a warning). */
    public record Result(TaskDefinition definition, Set<String> unused) {
    }

    /**
     * Replaces every <code>${NAME}</code> in the definition's values.
     *
     * @throws AemException ({@link io.jenkins.plugins.aem.client.FailureKind#INVALID_INPUT}) naming every placeholder
     *                      left without a value, before anything is sent
     */
    public Result apply(TaskDefinition fileForm) {
        Partial partial = substitute(fileForm.json());
        if (!partial.missing().isEmpty()) {
            throw AemException.invalidInput("definition", "placeholders without a value: "
                    + partial.missing().stream().map(n -> "${" + n + "}").collect(Collectors.joining(", "))
                    + ". Give a value for each (aem: --set NAME=VALUE), or write '$${' for a literal '${'.");
        }
        Set<String> unused = new TreeSet<>(values.keySet());
        unused.removeAll(partial.used());
        return new Result(TaskDefinition.owning(partial.tree()), unused);
    }

    /**
     * What substituting a tree gave, without failing on a missing value.
     *
     * @param tree    the tree with every placeholder that has a value replaced
     * @param used    the names replaced
     * @param missing the names left without a value (still written <code>${NAME}</code>)
     */
    public record Partial(ObjectNode tree, Set<String> used, Set<String> missing) {
        public Partial {
            used = Set.copyOf(used);
            missing = Set.copyOf(missing);
        }
    }

    /**
     * Replaces the <code>${NAME}</code> placeholders that have a value in the string values of {@code tree} (a
     * definition in file form, or a part of one such as an endpoint), in place, and tells which had none: for a caller
     * that names every missing value of many files at once.
     *
     * @throws AemException ({@link io.jenkins.plugins.aem.client.FailureKind#INVALID_INPUT}) for a '${' that is not a
     *                      placeholder
     */
    public Partial substitute(ObjectNode tree) {
        Set<String> missing = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        StringValues.rewrite(tree, (place, value) -> Placeholders.substitute(value, values, place.dotted(), missing, used));
        return new Partial(tree, used, missing);
    }

    @Override
    public String toString() {
        return "Substitutions" + values.keySet();
    }
}
