package io.jenkins.plugins.aem.bench.soak.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * What a deploy must do when no fault gets in its way, predicted from the ground truth before it.
 *
 * @param exit        the exit code: 0, or the refusal's (1 refused, 2 invalid input, 5 for an account without Designer
 *                    on a running task, which the deploy stops before AEM refuses the import, and restores)
 * @param result      on success, DEPLOYED, NO_CHANGE or DRY_RUN; otherwise null
 * @param truth       the ground truth a DEPLOYED must leave (normalised form), or null when the task must not change
 * @param withoutUuid compare without {@code task_uuid}: a task created or imported afresh takes none from a file
 * @param newSecrets  endpoints whose secret the deploy sets, with the secret: their fingerprints are checked apart
 */
record Expectation(int exit, String result, ObjectNode truth, boolean withoutUuid, Map<String, String> newSecrets) {

    Expectation {
        newSecrets = Map.copyOf(newSecrets);
    }

    static Expectation deployed(ObjectNode truth, boolean withoutUuid, Map<String, String> newSecrets) {
        return new Expectation(0, "DEPLOYED", truth, withoutUuid, newSecrets);
    }

    /** NO_CHANGE or DRY_RUN: success, and the task exactly as it was. */
    static Expectation unchanged(String result) {
        return new Expectation(0, result, null, false, Map.of());
    }

    static Expectation refused(int exit) {
        return new Expectation(exit, null, null, false, Map.of());
    }

    boolean succeeds() {
        return exit == 0;
    }
}
