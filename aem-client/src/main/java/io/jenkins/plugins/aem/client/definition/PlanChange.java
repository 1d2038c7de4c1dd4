package io.jenkins.plugins.aem.client.definition;

/**
 * One line of a deploy's plan.
 *
 * @param kind what the line says
 * @param line the line as printed
 */
public record PlanChange(Kind kind, String line) {

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

    @Override
    public String toString() {
        return line;
    }
}
