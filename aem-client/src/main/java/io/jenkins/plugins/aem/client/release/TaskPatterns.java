package io.jenkins.plugins.aem.client.release;

import io.jenkins.plugins.aem.client.AemException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which tasks a release takes: task names or globs ({@code *} any characters, {@code ?} one), matched exactly and
 * with case; none means every task.
 */
public final class TaskPatterns {

    private final List<String> patterns;
    private final List<Pattern> compiled = new ArrayList<>();

    private TaskPatterns(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        patterns.forEach(p -> compiled.add(glob(p)));
    }

    /**
     * The patterns given, checked.
     *
     * @throws AemException ({@link io.jenkins.plugins.aem.client.FailureKind#INVALID_INPUT}) for an empty pattern
     */
    public static TaskPatterns of(Collection<String> patterns) {
        List<String> checked = new ArrayList<>();
        for (String p : patterns == null ? List.<String>of() : patterns) {
            if (p == null || p.isBlank()) {
                throw AemException.invalidInput("task", "is empty. Give a task's name, or a pattern such as 'Sales*'.");
            }
            checked.add(p);
        }
        return new TaskPatterns(checked);
    }

    /** Every task. */
    public static TaskPatterns all() {
        return new TaskPatterns(List.of());
    }

    /** The patterns as given. */
    public List<String> patterns() {
        return patterns;
    }

    /** Whether the release takes a task of this name. */
    public boolean matches(String task) {
        return compiled.isEmpty() || compiled.stream().anyMatch(p -> p.matcher(task).matches());
    }

    /** The patterns that match none of {@code names}: a typo, or a task that is not there. */
    public List<String> unmatched(Collection<String> names) {
        List<String> none = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            Pattern p = compiled.get(i);
            if (names.stream().noneMatch(n -> p.matcher(n).matches())) {
                none.add(patterns.get(i));
            }
        }
        return none;
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("((?<=[*?])|(?=[*?]))")) {
            regex.append(switch (literal) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(literal);
            });
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return patterns.isEmpty() ? "every task" : String.join(", ", patterns);
    }
}
