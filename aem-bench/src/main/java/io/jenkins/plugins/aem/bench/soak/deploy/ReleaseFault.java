package io.jenkins.plugins.aem.bench.soak.deploy;

/**
 * The faults the release soak strikes a release with, each at one step: {@link ReleaseFaults} arms them. A release
 * meets at most one. {@link #persistent} faults last beyond the deadline (AEM gone for good, a run AEM always refuses):
 * only they may leave a task that cannot be put back (exit 6).
 */
enum ReleaseFault {
    TASK_REFUSED(Step.REFUSAL, "a task the plan refuses: its file from a newer Replicate, naming an endpoint that is "
            + "nowhere, or removing a table without replace; or running, without stop-if-running"),
    PLAN_EXPORT_REFUSED(Step.REFUSAL, "AEM_SERVER_NOT_CONNECTED answered to a task's ExportTask in the plan"),
    IMPORT_REFUSED(Step.IMPORT, "AEM_IMPORT_INVALID_CONTENT answered to an ImportTask"),
    IMPORT_RESET(Step.IMPORT, "an ImportTask reset before AEM got it"),
    IMPORT_ANSWER_LOST(Step.IMPORT, "an ImportTask carried out, its answer lost"),
    CHECK_REFUSED(Step.CHECK, "AEM_SERVER_NOT_CONNECTED answered to the ExportTask after an import"),
    CHECK_RESET(Step.CHECK, "the ExportTask after an import reset"),
    RUN_REFUSED(Step.RUN, "AEM_RUN_TASK_INNER_ERR answered once to a deployed task's RunTask"),
    RUN_ALWAYS_REFUSED(Step.RUN, "AEM_RUN_TASK_INNER_ERR answered to every RunTask of a deployed task", true),
    RUN_TASK_ERROR(Step.RUN, "a deployed task goes to ERROR once it is run"),
    AEM_GONE_BRIEFLY(Step.AEM_GONE, "AEM resets every connection for 0.3 to 3 s, at a random moment"),
    AEM_GONE(Step.AEM_GONE, "AEM resets every connection from a random moment to the release's end", true),
    CANCELLED(Step.CANCEL, "the release is cancelled (an aborted build) at a random moment");

    /** Where in a release a fault strikes. */
    enum Step {
        REFUSAL, IMPORT, CHECK, RUN, AEM_GONE, CANCEL
    }

    final Step step;
    final String what;
    final boolean persistent;

    ReleaseFault(Step step, String what) {
        this(step, what, false);
    }

    ReleaseFault(Step step, String what, boolean persistent) {
        this.step = step;
        this.what = what;
        this.persistent = persistent;
    }

    /**
     * Whether this fault excuses a task that could not be put back, as {@code message} explains it: a lasting fault
     * does, and so does a task that went to ERROR on its new definition when AEM would not delete it for the restore
     * (AEM deletes no task in ERROR; see {@link DeployFault#excusesNotRestored}).
     */
    boolean excusesNotRestored(String message) {
        return persistent || this == RUN_TASK_ERROR && message.contains("AEM refused DeleteTask: AEM_TASK_NOT_STOPPED");
    }
}
