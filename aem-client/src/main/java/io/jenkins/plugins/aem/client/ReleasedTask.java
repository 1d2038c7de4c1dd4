package io.jenkins.plugins.aem.client;

import java.util.List;

/**
 * What a release did to one task.
 *
 * @param plan    the task's plan, found before anything changed
 * @param result  how it ended
 * @param actions what was done to the task (as a single deploy lists them), the restore's included
 * @param backup  where its backup was kept, or {@code null}
 * @param error   its failure, its refusal or its restore's report ({@link FailureKind#DEPLOY_RESTORED} or
 *                {@link FailureKind#DEPLOY_NOT_RESTORED}, saying its state and backup), or {@code null}
 * @param note    why it was not started, or {@code null}
 * @param testedEndpoints the endpoints TestEndpoint found CONNECTED before the task ran again
 * @param resumed how a resumed release ({@link AemClient#resumeDeployTasks}) took the task up: what it finished or
 *                restored, or what the deploy had come to before the interruption; {@code null} when not resumed
 */
public record ReleasedTask(PlannedTask plan, Result result, List<String> actions, String backup, AemException error,
                           String note, List<String> testedEndpoints, String resumed) {

    /** How a task of a release ended. */
    public enum Result {
        /** Deployed and checked, and it stays so. */
        DEPLOYED,
        /** It matched its file: nothing was sent. */
        NO_CHANGE,
        /** A dry run found that the server differs from the file: the release would create or change it. */
        DRIFT,
        /** Refused before anything changed ({@link #error()} says why); the task is as it was. */
        REFUSED,
        /** Not deployed: the release stopped first ({@link #note()} says why); the task is as it was. */
        NOT_STARTED,
        /** Its deploy failed: as it was ({@link FailureKind#DEPLOY_RESTORED}), or not back ({@code DEPLOY_NOT_RESTORED}). */
        FAILED,
        /** Deployed, then put back because the atomic release failed or was cancelled ({@link #error()} tells how). */
        UNDONE
    }

    public ReleasedTask {
        actions = List.copyOf(actions);
        testedEndpoints = List.copyOf(testedEndpoints);
    }

    /** A task of a release that was not resumed and tested no endpoint. */
    ReleasedTask(PlannedTask plan, Result result, List<String> actions, String backup, AemException error, String note) {
        this(plan, result, actions, backup, error, note, List.of(), null);
    }

    /** The same task, with how a resumed release took it up. */
    ReleasedTask resumedAs(String how) {
        return new ReleasedTask(plan, result, actions, backup, error, note, testedEndpoints, how);
    }

    /** The task. */
    public TaskRef task() {
        return plan.task();
    }

    /** Whether the task is not as the release left it meant to, nor as it was: someone must look at it. */
    public boolean notBack() {
        return error != null && error.kind() == FailureKind.DEPLOY_NOT_RESTORED;
    }
}
