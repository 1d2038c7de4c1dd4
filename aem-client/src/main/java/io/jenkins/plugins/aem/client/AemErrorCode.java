package io.jenkins.plugins.aem.client;

/**
 * AEM's documented error codes, each with a one-line remedy. This is the one error-code table: messages, the plugin's
 * console and {@code docs/troubleshooting.md} all take their remedies from here.
 */
public enum AemErrorCode {
    UNAUTHORIZED_REQUEST("The user lacks the AEM role for this action, or the login was refused.",
            "Check the user name and password; running or stopping a task needs the Operator role on the task, reading needs Viewer, deploying a task definition needs Designer on All Tasks (and on All Endpoints when the file carries endpoints)."),
    INVALID_SESSION_ID("The session expired or is not valid.",
            "The client logs in again by itself; if this persists, check that no proxy drops the EnterpriseManager.APISessionID header."),
    DESERIALIZE_TO_TYPE("AEM could not read the request.",
            "Check the run option and cdc position; if they are right, report it with the AEM version."),
    AEM_SERVER_NOT_FOUND("AEM knows no server of that name.",
            "Use the server's name exactly as AEM shows it in its Servers view (names are case-sensitive)."),
    AEM_SERVER_NOT_MONITORED("AEM does not monitor that server.",
            "Turn monitoring on for the server in AEM (Servers view), then try again."),
    AEM_SERVER_NOT_CONNECTED("AEM cannot connect to that server.",
            "Fix the connection between AEM and the Replicate or Compose server (see AEM's message), then try again."),
    AEM_SERVER_LICENSE_EXPIRED("The server's license has expired.",
            "Renew the license of the Replicate or Compose server."),
    AEM_SERVER_INVALID_LICENSE("The server's license is not valid.",
            "Install a valid license on the Replicate or Compose server."),
    LICENSE_NOT_FOUND("AEM has no license.",
            "Register an Enterprise Manager license."),
    LICENSE_NOT_FOUND_CONTACT_ADMIN("AEM has no license.",
            "Ask your AEM administrator to register an Enterprise Manager license."),
    AEM_TASK_NOT_FOUND("The server has no task of that name.",
            "Use the task's name exactly as AEM shows it; for Compose give the project too (task__project)."),
    AEM_TASK_ALREADY_RUNNING("The task is already running.",
            "Stop the task first if it must start afresh, or skip the run."),
    AEM_TASK_IN_RECOVERY("The task is recovering from an error.",
            "Wait until the task is RUNNING or ERROR, or stop it, then run it again."),
    AEM_WRONG_OPTION_FOR_CDCPOSITION("A cdc position was given with a run option that takes none.",
            "Give a cdc position only with RESUME_PROCESSING_FROM_TIMESTAMP, RECOVER_USING_CHECKPOINT_STORED_ON_TARGET or RESUME_PROCESSING_FROM_POSITION."),
    AEM_CDC_POSITION_ERR_FORMAT("AEM refused the cdc position's format.",
            "Write timestamps as YYYY-MM-DDThh:mm:ss in UTC; give checkpoints exactly as Replicate printed them."),
    AEM_RUN_TASK_TIMEOUT("The task did not reach RUNNING within the time AEM was asked to wait.",
            "Raise the timeout, or check in AEM why the task starts slowly."),
    AEM_RUN_TASK_INNER_ERR("The Replicate or Compose server failed to run the task.",
            "Read AEM's message and the task's log on the server."),
    AEM_RUN_TASK_NO_SRC_NO_TRG("The task has neither a source nor a target endpoint.",
            "Define the task's source and target endpoints in Replicate."),
    AEM_RUN_TASK_NO_SRC("The task has no source endpoint.",
            "Define the task's source endpoint in Replicate."),
    AEM_RUN_TASK_TRG("The task has no target endpoint.",
            "Define the task's target endpoint in Replicate."),
    AEM_RUN_TASK_NOT_FL_NOR_CDC("The task has neither full load nor change processing enabled.",
            "Enable full load or apply changes in the task's settings."),
    AEM_RUN_BIDI_TASK_NO_FL_NOR_CDC("The bidirectional task has neither full load nor change processing enabled.",
            "Enable change processing in the bidirectional task's settings."),
    AEM_TASK_ALREADY_STOPPED("The task is already stopped.",
            "Nothing to do; skip the stop if the task may already be stopped."),
    AEM_STOP_TASK_INNER_ERR("The Replicate or Compose server failed to stop the task.",
            "Read AEM's message and the task's log on the server."),
    AEM_STOP_TASK_TIMEOUT("The task did not reach STOPPED within the time AEM was asked to wait.",
            "Raise the timeout, or check in AEM why the task stops slowly."),
    AEM_EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT("The user may not read one or both of the task's endpoints, so AEM will not export the task.",
            "Give the account Operator on All Endpoints to export, or Designer on All Endpoints to deploy."),
    AEM_IMPORT_TASK_NO_PERMISSION_ON_ENDPOINT("The definition carries endpoints and the user may not add or change endpoints.",
            "Give the deploy account Designer on All Endpoints, besides Designer on All Tasks."),
    AEM_IMPORT_TASK_NAME_DIFFER("The task named in the definition differs from the task the import was sent to.",
            "The client renames the definition to the target task itself; if AEM still says this, check that the file holds one task and report it with the AEM version."),
    AEM_IMPORT_TASK_CONTAINS_MULTIPLE_TASKS("The definition holds more than one task.",
            "Deploy one task per file: export it alone with 'aem export-task'."),
    AEM_IMPORT_TASK_CONTAIN_ALIEN_ITEMS("The definition holds items a task import does not take, such as the server settings of a whole server's export.",
            "Deploy a file written by 'aem export-task' (one task), not a whole server's export."),
    AEM_IMPORT_CONTENT_EMPTY("AEM received an empty definition.",
            "Check the definition file; if it is not empty, report it with the AEM version."),
    AEM_IMPORT_INVALID_CONTENT("AEM could not read the definition.",
            "Deploy a file written by 'aem export-task'; check that hand edits kept it a valid task definition."),
    AEM_METHOD_NOT_SUPPORTED_VERSION("The Replicate server is too old for this call: task export and import need Replicate 5.5 or later.",
            "Upgrade the Replicate server, or move the task with the Replicate console."),
    AEM_TASK_NOT_STOPPED("The task must be stopped for this.",
            "Stop the task first, or let the deploy stop it and run it again (stopIfRunning, --stop-if-running)."),
    AEM_DELETE_TASK_ERR("The server hit an error while deleting the task.",
            "Read AEM's message and check the task in AEM before trying again."),
    AEM_DELETE_TASK_INNER_ERR("AEM hit an internal error while deleting the task.",
            "Read AEM's message and check the task in AEM before trying again."),
    AEM_ENDPOINT_LIST_INNER_ERR("AEM failed to list the server's endpoints.",
            "Check the server's connection in AEM; until then a deploy knows only the endpoints of the task's own backup."),
    AEM_ENDPOINT_NOT_FOUND("The server has no endpoint of that name.",
            "Use the endpoint's name exactly as AEM shows it (names are case-sensitive); a deploy tests only the endpoints it imported or rotated, so check the task in AEM."),
    AEM_TEST_ENDPOINT_CONNECTION_TIMEOUT("The Replicate server could not connect to the endpoint within the test's timeout.",
            "Check the endpoint's host, port and firewall from the Replicate server; if the endpoint cannot be reached from AEM at deploy time, deploy without the endpoint test (skipEndpointTest, --no-endpoint-test)."),
    AEM_PATCH_ENDPOINT_INNER_ERR("AEM could not apply a change to the endpoint's settings.",
            "Read AEM's message; check that the endpoint's secret fields in the definition file are those the endpoint has (the task was put back as it was).");

    private final String meaning;
    private final String remedy;

    AemErrorCode(String meaning, String remedy) {
        this.meaning = meaning;
        this.remedy = remedy;
    }

    /** What the code means, in one sentence. */
    public String meaning() {
        return meaning;
    }

    /** What the user can do, in one sentence. */
    public String remedy() {
        return remedy;
    }

    /** {@code true} for the codes that say AEM's own wait ran out, not that the command failed. */
    public boolean isTimeout() {
        return this == AEM_RUN_TASK_TIMEOUT || this == AEM_STOP_TASK_TIMEOUT;
    }

    /**
     * Looks a wire code up.
     *
     * @param code AEM's {@code error_code}
     * @return the known code, or {@code null} for one this table does not hold
     */
    public static AemErrorCode fromWire(String code) {
        if (code == null) {
            return null;
        }
        for (AemErrorCode c : values()) {
            if (c.name().equals(code.trim())) {
                return c;
            }
        }
        return null;
    }
}
