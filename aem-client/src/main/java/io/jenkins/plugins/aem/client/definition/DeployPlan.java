package io.jenkins.plugins.aem.client.definition;

import java.util.List;

/**
 * What a deploy changes on the target, one line per change, in a fixed order: the task's creation, then the task's
 * tables and settings by path, then the endpoints by name, then notes. A plan without changes reads "no change".
 *
 * @param changes the lines
 */
public record DeployPlan(List<PlanChange> changes) {

    /** The line of a plan that changes nothing. */
    public static final String NO_CHANGE = "no change";

    public DeployPlan {
        changes = List.copyOf(changes);
    }

    /** {@code true} when nothing on the target would change: no import is sent. */
    public boolean noChange() {
        return changes.stream().noneMatch(c -> c.kind().isChange());
    }

    /**
     * {@code true} when the file removes tables or settings the target has. An import only merges, so these need the
     * task deleted and imported afresh ({@code replace}).
     */
    public boolean removes() {
        return changes.stream().anyMatch(c -> c.kind() == PlanChange.Kind.REMOVE_TABLE || c.kind() == PlanChange.Kind.REMOVE_SETTING);
    }

    /**
     * {@code true} when an import is sent: a change of the task or of an endpoint other than a secret rotated alone
     * ({@link PlanChange.Kind#ROTATE_SECRET}).
     */
    public boolean importsDefinition() {
        return changes.stream().anyMatch(c -> c.kind().isChange() && c.kind() != PlanChange.Kind.ROTATE_SECRET);
    }

    /** This plan with more lines at its end (notes a deploy adds once it has read more of the target). */
    public DeployPlan with(List<PlanChange> more) {
        List<PlanChange> all = new java.util.ArrayList<>(changes);
        all.addAll(more);
        return new DeployPlan(all);
    }

    /** {@code true} when the task is created. */
    public boolean createsTask() {
        return changes.stream().anyMatch(c -> c.kind() == PlanChange.Kind.CREATE_TASK);
    }

    /** The lines as printed; "no change" first when nothing changes. */
    public List<String> lines() {
        List<String> lines = new java.util.ArrayList<>();
        if (noChange()) {
            lines.add(NO_CHANGE);
        }
        changes.forEach(c -> lines.add(c.line()));
        return List.copyOf(lines);
    }
}
