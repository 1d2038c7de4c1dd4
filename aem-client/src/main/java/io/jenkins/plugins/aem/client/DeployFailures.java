package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.DeployCheckpoint.Change;
import io.jenkins.plugins.aem.client.definition.Difference;
import io.jenkins.plugins.aem.client.definition.MergeCheck;
import io.jenkins.plugins.aem.client.definition.ReplicateVersion;
import java.util.List;

/**
 * The words of every failure a deploy reports itself, each said once here: what went wrong, what state the task is in,
 * and what to do. {@code docs/troubleshooting.md} lists them.
 */
final class DeployFailures {

    /** What AEM's role refusals on an import say to do. */
    static final String DESIGNER_NEEDED = "Deploying needs the Designer role on All Tasks, and on All Endpoints when the "
            + "file carries endpoints. Give the deploy a credential of its own with those roles; run and stop can keep "
            + "their Operator account.";

    private DeployFailures() {
    }

    static AemException noBackup(TaskRef task, AemException error) {
        return AemException.of(FailureKind.DEPLOY_REFUSED, "AEM refused to export " + task + " for its backup ("
                        + error.errorCode() + (blank(error.aemMessage()) ? "" : " - " + error.aemMessage()) + "). Without a "
                        + "backup a failed deploy could not be undone, so nothing was changed. Exporting needs Operator on "
                        + "the task and on All Endpoints; deploying needs Designer.")
                .errorCode(error.errorCode()).aemMessage(error.aemMessage()).remedy(error.remedy()).build();
    }

    static AemException running(TaskRef task, String state) {
        return AemException.of(FailureKind.DEPLOY_REFUSED, task + " is " + state + ": a definition is never imported "
                + "under a task that is not stopped. Stop the task first, or let the deploy stop it and run it again "
                + "afterwards (stopIfRunning, --stop-if-running). Nothing was changed.").build();
    }

    static AemException rotatingRunning(TaskRef task, String state) {
        return AemException.of(FailureKind.DEPLOY_REFUSED, task + " is " + state + ": rotating its endpoints' secrets "
                + "needs stopIfRunning (--stop-if-running). A rotation whose endpoint test fails is undone by importing "
                + "the backup, which is never done under a task that is not stopped. Nothing was changed.").build();
    }

    static AemException patchRefused(TaskRef task, String endpoint, AemException error, String user) {
        boolean role = error.refusedForRole();
        String remedy = role ? "Rotating secrets needs Designer on All Endpoints (PatchEndpoint), besides what a deploy "
                + "needs. Give the deploy's account that role." : error.remedy();
        return AemException.of(FailureKind.AEM_ERROR, "AEM refused PatchEndpoint for endpoint '" + endpoint + "' of server '"
                        + task.server() + "' (" + error.errorCode() + (blank(error.aemMessage()) ? "" : " - "
                        + error.aemMessage()) + ")" + (role ? ": the account '" + user + "' lacks the role to rotate secrets" : "")
                        + ".")
                .errorCode(error.errorCode()).aemMessage(error.aemMessage()).remedy(remedy).build();
    }

    /** What a deploy tells to do about an endpoint that did not connect. */
    static final String ENDPOINT_REMEDY = "Check the endpoint's secret, user and host (the deploy put the task back "
            + "as it was); if AEM cannot reach the endpoint at deploy time, deploy without the endpoint test "
            + "(skipEndpointTest, --no-endpoint-test).";

    static AemException endpointNotConnected(TaskRef task, String endpoint, String state, String message, String detail) {
        return AemException.of(FailureKind.AEM_ERROR, "Endpoint '" + endpoint + "' of server '" + task.server()
                        + "' did not connect: TestEndpoint answered " + state + (blank(message) ? "" : " - " + message)
                        + (blank(detail) ? "" : " (" + detail + ")") + ".")
                .aemMessage(blank(detail) ? message : message + " " + detail).remedy(ENDPOINT_REMEDY).build();
    }

    static AemException endpointTimedOut(TaskRef task, String endpoint, AemException error) {
        return AemException.of(FailureKind.AEM_ERROR, "Endpoint '" + endpoint + "' of server '" + task.server()
                        + "' did not connect within TestEndpoint's timeout (" + error.errorCode()
                        + (blank(error.aemMessage()) ? "" : " - " + error.aemMessage()) + ").")
                .errorCode(error.errorCode()).aemMessage(error.aemMessage()).remedy(ENDPOINT_REMEDY).build();
    }

    static AemException newerFile(ReplicateVersion file, ReplicateVersion server, TaskRef task) {
        return AemException.of(FailureKind.DEPLOY_REFUSED, "The file was exported from Replicate " + file + ", newer than "
                + "the " + server + " of server '" + task.server() + "': settings the target does not know may be dropped "
                + "or refused. Upgrade the target, or allow a newer file (allowNewerVersion, --allow-newer-version). "
                + "Nothing was changed.").build();
    }

    /** @param versions how the file's and the target's Replicate versions differ, or {@code null} when they do not */
    static AemException removes(List<String> removals, String versions) {
        return AemException.of(FailureKind.DEPLOY_REFUSED, "The file removes what an import cannot remove (ImportTask "
                + "only merges): " + String.join("; ", removals) + ". Deploy with replace (--replace) to delete the task "
                + "and import it afresh, which loses its processing position, or remove them in AEM."
                + (versions == null ? "" : " Note that " + versions + ": settings the target has and the file lacks may "
                + "be new in the target's version rather than removed; export the file from the target's version to tell.")
                + " Nothing was changed.").build();
    }

    static AemException missingEndpoints(List<String> names, TaskRef task) {
        return AemException.of(FailureKind.DEPLOY_REFUSED, "The task uses endpoint" + (names.size() == 1 ? " " : "s ")
                + String.join(", ", names) + ", which the file does not carry and server '" + task.server() + "' does not "
                + "have. Export the task with its endpoints (--with-endpoints), or create them in AEM first. Nothing was changed.").build();
    }

    static AemException backupNotKept(TaskRef task, Exception e) {
        return AemException.of(FailureKind.DEPLOY_REFUSED, "The backup of " + task + " could not be kept ("
                + describe(e) + "), so nothing was changed. "
                + "Fix where the backup goes, then deploy again.").build();
    }

    static AemException checkpointNotKept(DeployCheckpoint next, Exception e) {
        Change last = next.changes().get(next.changes().size() - 1);
        return AemException.of(FailureKind.DEPLOY_REFUSED, "The checkpoint of the deploy to " + next.taskRef()
                + " could not be kept (" + describe(e) + "), so its " + last.action() + " was not sent: a change that "
                + "could not be resumed after a restart must not leave. Fix where the checkpoints go, then deploy again.").build();
    }

    /** An exception's own words, or its class when it has none. */
    static String describe(Exception e) {
        return blank(e.getMessage()) ? e.getClass().getSimpleName() : e.getMessage();
    }

    static AemException importRefused(TaskRef task, AemException error, String user) {
        boolean role = error.refusedForRole()
                || AemErrorCode.AEM_IMPORT_TASK_NO_PERMISSION_ON_ENDPOINT.name().equals(error.errorCode());
        String message = role
                ? "AEM refused ImportTask for " + task + " (" + error.errorCode() + "): the account '" + user
                + "' lacks the role to deploy. " + DESIGNER_NEEDED
                : error.getMessage();
        return AemException.of(FailureKind.AEM_ERROR, message).errorCode(error.errorCode()).aemMessage(error.aemMessage())
                .remedy(role ? DESIGNER_NEEDED : error.remedy()).build();
    }

    /**
     * The import did not show within the deadline.
     *
     * @param pending  what was meant and is not there; empty when AEM does not show the task at all
     * @param answered whether AEM answered the import (else its answer was lost)
     */
    /** AEM refused to export the task after the import: the deploy cannot check it, so it is undone. */
    static AemException cannotCheck(AemException error) {
        return AemException.of(FailureKind.AEM_ERROR, "AEM refused to export the task after the import ("
                        + error.errorCode() + "), so the deploy cannot check it. A deploy reads the task back with its "
                        + "endpoints: the account needs Operator on All Endpoints (Designer when the file carries endpoints) "
                        + "besides Designer on All Tasks.")
                .errorCode(error.errorCode()).aemMessage(error.aemMessage()).remedy(error.remedy()).build();
    }

    static AemException notApplied(List<Difference> pending, long seconds, boolean answered) {
        String what = pending.isEmpty() ? "AEM does not show the task"
                : "the task still differs from the file in: " + MergeCheck.describe(pending, 8);
        return AemException.of(FailureKind.TIMED_OUT, (answered ? "AEM accepted the import, but " : "ImportTask's answer "
                + "was lost, and ") + seconds + " s later " + what + ".").build();
    }

    static AemException leftovers(List<Difference> leftovers) {
        return AemException.of(FailureKind.AEM_ERROR, "The import merged the file into the task, which still has what "
                + "the file removed: " + MergeCheck.describe(leftovers, 8) + ". Deploy with replace (--replace) to "
                + "delete the task and import it afresh.").build();
    }

    /** How a restored task is now, for {@link #restored}. */
    static String restoredAs(String state, boolean running) {
        return "The task was restored to its definition before the deploy and is " + state + (running ? " again" : "")
                + ", as it was.";
    }

    /** How a restore of a task the deploy created ends, for {@link #restored}. */
    static final String CREATED_REMOVED = "The task did not exist before the deploy; the one the deploy created was deleted again.";

    /** How a restore ends when the task the deploy meant to create never appeared. */
    static final String NOT_CREATED = "The task did not exist before the deploy, and does not now.";

    /** The deploy failed after changing the task, and the task is as it was. */
    static AemException restored(TaskRef task, AemException cause, String how, List<String> notes) {
        return AemException.of(FailureKind.DEPLOY_RESTORED, "The deploy of " + task + " failed: " + strip(cause.getMessage())
                        + " " + how + (notes.isEmpty() ? "" : " " + String.join(" ", notes)))
                .errorCode(cause.errorCode()).aemMessage(cause.aemMessage()).remedy(cause.remedy()).cause(cause.getCause())
                .build();
    }

    /** How a failed restore leaves a task the deploy created: there was nothing to back up, and it is still there. */
    static final String CREATED_LEFT = "The task did not exist before the deploy; deleting it failed, so it is left as "
            + "the deploy made it.";

    /**
     * The deploy failed, and so did the restore: the user must act.
     *
     * @param existed        whether the task existed before the deploy (else the restore was to delete it)
     * @param backupLocation where the task's backup is and how to restore from it; {@code null} when kept in memory
     */
    static AemException notRestored(TaskRef task, AemException cause, AemException restoreError, String taskNow,
                                    boolean existed, String backupLocation) {
        return AemException.of(FailureKind.DEPLOY_NOT_RESTORED, "The deploy of " + task + " failed: " + strip(cause.getMessage())
                        + " Restoring the task failed too: " + strip(restoreError.getMessage()) + " The task is now " + taskNow
                        + ". " + (existed ? where(backupLocation) : CREATED_LEFT))
                .errorCode(cause.errorCode()).aemMessage(cause.aemMessage())
                .remedy(existed ? "Check the task in AEM and restore its definition from the backup before running it."
                        : "Check the task in AEM and delete it by hand if it should not be there, or deploy again to "
                        + "finish it.").build();
    }

    /** Where the backup is, {@code backupLocation} naming the place and how to restore from it. */
    static String where(String backupLocation) {
        return backupLocation == null
                ? "Its definition before the deploy was kept in memory only and is lost with this process; it is in AEM's own "
                + "history, if any."
                : "Its definition before the deploy is kept at " + backupLocation + ".";
    }

    private static String strip(String message) {
        String m = message == null ? "" : message.strip();
        return m.endsWith(".") ? m : m + ".";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
