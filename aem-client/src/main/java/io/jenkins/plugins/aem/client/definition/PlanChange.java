package io.jenkins.plugins.aem.client.definition;

/**
 * One line of a deploy's plan.
 *
 * @param kind       what the line says
 * @param line       the line as printed
 * @param difference the difference between the target and the file the line stands for, in comparison form (secrets
 *                   as placeholders), or {@code null} for a line that stands for none (a note, an endpoint kept); a
 *                   created task or endpoint has one whose value before is {@code null}
 */
public record PlanChange(Kind kind, String line, Difference difference) {

    /** A line that stands for no difference. */
    public PlanChange(Kind kind, String line) {
        this(kind, line, null);
    }

    /** What a plan line says. */
    public enum Kind {
        /** The task does not exist yet and is created. */
        CREATE_TASK(true),
        /** A table or table pattern is added. */
        ADD_TABLE(true),
        /** A table or table pattern is removed: an import cannot do that (see {@link DeployPlan#removes()}). */
        REMOVE_TABLE(true),
        /** A setting the target lacks is added. */
        ADD_SETTING(true),
        /** A setting's value changes. */
        CHANGE_SETTING(true),
        /** A setting the file no longer has is removed: an import cannot do that. */
        REMOVE_SETTING(true),
        /** An endpoint the target lacks is created. */
        CREATE_ENDPOINT(true),
        /** An endpoint's setting changes, or is added. */
        CHANGE_ENDPOINT(true),
        /** An endpoint's secret is rotated without an import (PatchEndpoint on its secret fields alone). */
        ROTATE_SECRET(true),
        /** An existing endpoint is left out of the import; the target keeps its own. */
        KEEP_ENDPOINT(false),
        /** Something worth knowing that changes nothing. */
        NOTE(false);

        private final boolean change;

        Kind(boolean change) {
            this.change = change;
        }

        /** {@code true} when the line stands for a change of the target. */
        public boolean isChange() {
            return change;
        }
    }

    /** The value before, as short as the line shows it, or {@code null} when there is none. */
    public String before() {
        return difference == null || difference.before() == null ? null : DeployPlanner.render(difference.before());
    }

    /** The value after, as short as the line shows it, or {@code null} when there is none. */
    public String after() {
        return difference == null || difference.after() == null ? null : DeployPlanner.render(difference.after());
    }

    @Override
    public String toString() {
        return line;
    }
}
