package io.jenkins.plugins.aem.bench.soak.deploy;

import java.time.Duration;

/**
 * The faults the deploy soak injects, each at one step of a deploy. {@link FaultInjector} arms them; a deploy meets at
 * most one (one of them is two faults in a row).
 *
 * <p>{@link #persistent} faults last beyond the deploy's deadline (AEM gone for good, a run AEM always refuses): only
 * they may leave a task that cannot be restored (exit 6). Every other fault passes, and a task it hit must come back as
 * it was (exit 5), or the deploy must get through it (exit 0).
 */
enum DeployFault {
    BACKUP_REFUSED(Step.BACKUP, "AEM_SERVER_NOT_CONNECTED answered to the backup's ExportTask"),
    BACKUP_RESET(Step.BACKUP, "the backup's ExportTask reset before AEM answered"),
    BACKUP_HTML_503(Step.BACKUP, "an HTML 503 page for the backup's ExportTask"),
    STOP_REFUSED(Step.STOP, "AEM_STOP_TASK_INNER_ERR answered to StopTask"),
    STOP_RESET(Step.STOP, "StopTask reset before AEM got it"),
    STOP_ANSWER_LOST(Step.STOP, "StopTask carried out, its answer lost"),
    STOP_TOO_SLOW(Step.STOP, "the task takes 20 s to stop"),
    IMPORT_REFUSED(Step.IMPORT, "AEM_IMPORT_INVALID_CONTENT answered to ImportTask"),
    IMPORT_RESET(Step.IMPORT, "ImportTask reset before AEM got it"),
    IMPORT_ANSWER_LOST(Step.IMPORT, "ImportTask carried out, its answer lost"),
    IMPORT_HANG(Step.IMPORT, "ImportTask never answered, not carried out"),
    IMPORT_HANG_AFTER_APPLY(Step.IMPORT, "ImportTask carried out, never answered"),
    IMPORT_HTML_502(Step.IMPORT, "a proxy's HTML 502 page for ImportTask"),
    VERIFY_REFUSED(Step.VERIFY, "AEM_SERVER_NOT_CONNECTED answered to the check's ExportTask"),
    VERIFY_RESET(Step.VERIFY, "the check's ExportTask reset"),
    VERIFY_HANG(Step.VERIFY, "the check's ExportTask never answered"),
    DELETE_REFUSED(Step.DELETE, "AEM_TASK_NOT_STOPPED answered to DeleteTask"),
    DELETE_RESET(Step.DELETE, "DeleteTask reset before AEM got it"),
    DELETE_ANSWER_LOST(Step.DELETE, "DeleteTask carried out, its answer lost"),
    DELETE_ANSWER_LOST_THEN_IMPORT_REFUSED(Step.DELETE, "DeleteTask carried out, its answer lost, then ImportTask refused"),
    RUN_REFUSED(Step.RUN, "AEM_RUN_TASK_INNER_ERR answered to RunTask once"),
    RUN_ALWAYS_REFUSED(Step.RUN, "AEM_RUN_TASK_INNER_ERR answered to every RunTask", true),
    RUN_RESET(Step.RUN, "RunTask reset before AEM got it"),
    RUN_ANSWER_LOST(Step.RUN, "RunTask carried out, its answer lost"),
    WAIT_READS_REFUSED(Step.WAIT, "AEM_SERVER_NOT_CONNECTED answered to 3 reads while the task starts"),
    WAIT_TASK_ERROR(Step.WAIT, "the task goes to ERROR once it is run"),
    WAIT_TOO_SLOW(Step.WAIT, "the task takes 25 s to start"),
    AEM_GONE_BRIEFLY(Step.ANYWHERE, "AEM resets every connection for 0.3 to 3 s, at a random moment"),
    AEM_PAGES_503(Step.ANYWHERE, "AEM answers HTML 503 pages for 0.3 to 3 s, at a random moment"),
    AEM_GONE(Step.ANYWHERE, "AEM resets every connection from a random moment to the deploy's end", true),
    CANCELLED(Step.CANCEL, "the deploy is cancelled (an aborted build) at a random moment");

    /** Where in a deploy a fault strikes. */
    enum Step {
        BACKUP, STOP, IMPORT, VERIFY, DELETE, RUN, WAIT, ANYWHERE, CANCEL
    }

    final Step step;
    final String what;
    final boolean persistent;

    /**
     * Whether this fault excuses a task that could not be restored, as {@code message} explains it. A lasting fault
     * does. So does a task that went to ERROR when run, when the restore had to delete it (to drop what the deploy
     * added) and AEM refused: AEM deletes no task in ERROR, and clearing the error means running the definition that
     * just failed, which a restore is right not to do.
     */
    boolean excusesNotRestored(String message) {
        return persistent || this == WAIT_TASK_ERROR && message.contains("AEM refused DeleteTask: AEM_TASK_NOT_STOPPED");
    }

    /**
     * How long the task is watched after a deploy this fault struck: a stop or start slowed down goes on after the
     * deploy ends, and a task claimed RUNNING must still be running when it is over.
     */
    Duration settle() {
        return this == STOP_TOO_SLOW || this == WAIT_TOO_SLOW ? Duration.ofSeconds(26) : SoakLane.SETTLE;
    }

    DeployFault(Step step, String what) {
        this(step, what, false);
    }

    DeployFault(Step step, String what, boolean persistent) {
        this.step = step;
        this.what = what;
        this.persistent = persistent;
    }
}
