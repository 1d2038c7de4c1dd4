package io.jenkins.plugins.aem.client.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares what the target has after an import with what was meant (all in comparison form). An import only merges
 * and may show only after a while, so three things are told apart:
 * <ul>
 *   <li><b>pending</b>: what was meant and is not there yet. Worth reading again until the deadline; still there
 *       then, it was not applied.</li>
 *   <li><b>leftovers</b>: what the file removed and the target still has (it had it before the import). An import
 *       cannot remove it; only deleting the task and importing afresh can.</li>
 *   <li>what AEM added by itself (neither meant nor there before, such as a default): ignored.</li>
 * </ul>
 * Endpoints are compared for those imported only; what an endpoint keeps that the file removed is reported apart,
 * since deleting the task does not touch endpoints.
 *
 * @param pending           meant, not (yet) on the target
 * @param leftovers         removed by the file, still in the task
 * @param endpointLeftovers removed by the file, still in an imported endpoint
 */
public record MergeCheck(List<Difference> pending, List<Difference> leftovers, List<Difference> endpointLeftovers) {

    public MergeCheck {
        pending = List.copyOf(pending);
        leftovers = List.copyOf(leftovers);
        endpointLeftovers = List.copyOf(endpointLeftovers);
    }

    /**
     * After an import of {@code meant}: compares the target now ({@code after}) with it.
     *
     * @param before   the task before the import, or {@code null} when it did not exist
     * @param meant    what was imported (comparison form, without the endpoints left out)
     * @param after    the task as exported now
     */
    public static MergeCheck afterImport(TaskDefinition before, TaskDefinition meant, TaskDefinition after) {
        Set<String> removedByFile = before == null ? Set.of()
                : DefinitionDiff.task(meant, before).stream().filter(d -> d.kind() == Difference.Kind.ADDED)
                .map(Difference::path).collect(Collectors.toSet());
        return compare(meant, after, removedByFile::contains, before);
    }

    /**
     * After restoring {@code backup}: compares the target now with it. Anything the task has beyond the backup is a
     * leftover of the failed deploy.
     */
    public static MergeCheck restored(TaskDefinition backup, TaskDefinition after) {
        return compare(backup, after, path -> true, backup);
    }

    private static MergeCheck compare(TaskDefinition meant, TaskDefinition after, java.util.function.Predicate<String> leftover,
                                      TaskDefinition before) {
        List<Difference> pending = new ArrayList<>();
        List<Difference> leftovers = new ArrayList<>();
        for (Difference d : DefinitionDiff.task(meant, after)) {
            if (d.kind() != Difference.Kind.ADDED) {
                pending.add(d);
            } else if (leftover.test(d.path())) {
                leftovers.add(d);
            }
        }
        List<Difference> endpointLeftovers = new ArrayList<>();
        for (String name : meant.endpointNames()) {
            JsonNode wanted = meant.endpoint(name).orElseThrow();
            Optional<? extends JsonNode> now = after.endpoint(name);
            if (now.isEmpty()) {
                pending.add(new Difference(Difference.Kind.REMOVED, name, "(the endpoint)", wanted, null, false));
                continue;
            }
            Set<String> hadBefore = new HashSet<>();
            Optional<? extends JsonNode> old = before == null ? Optional.empty() : before.endpoint(name);
            old.ifPresent(o -> DefinitionDiff.endpoint(name, wanted, o).stream()
                    .filter(d -> d.kind() == Difference.Kind.ADDED).forEach(d -> hadBefore.add(d.path())));
            for (Difference d : DefinitionDiff.endpoint(name, wanted, now.get())) {
                if (d.kind() != Difference.Kind.ADDED) {
                    pending.add(d);
                } else if (hadBefore.contains(d.path())) {
                    endpointLeftovers.add(d);
                }
            }
        }
        return new MergeCheck(pending, leftovers, endpointLeftovers);
    }

    /** {@code true} when everything meant is on the target. */
    public boolean applied() {
        return pending.isEmpty();
    }

    /** {@code true} when everything meant is there and nothing removed is left: the target is as the file says. */
    public boolean exact() {
        return pending.isEmpty() && leftovers.isEmpty();
    }

    /** The paths of some differences, for a message: at most {@code max}, then how many more. */
    public static String describe(List<Difference> differences, int max) {
        List<String> shown = differences.stream().limit(max).map(d -> d.table() ? "table " + d.tableName() : d.where()).toList();
        return String.join(", ", shown) + (differences.size() > max ? " and " + (differences.size() - max) + " more" : "");
    }
}
