package io.jenkins.plugins.aem.simulator;

/**
 * The error codes the simulator answers, with AEM's messages and HTTP statuses. AEM documents HTTP 500 for its
 * {@code AEM_*} codes and 401 for a failed login; the other statuses are this project's choices (aem-api.md §0).
 */
final class AemErrors {
    private AemErrors() {
    }

    static AemError unauthorizedLogin() {
        return new AemError(401, "UNAUTHORIZED_REQUEST", "Unauthorized Request.");
    }

    /** A refusal for lack of a role; AEM documents no HTTP status for it, so the simulator's is configurable. */
    static AemError forbidden(int status) {
        return new AemError(status, "UNAUTHORIZED_REQUEST", "Unauthorized Request.");
    }

    static AemError invalidSession() {
        return new AemError(401, "INVALID_SESSION_ID", "The session has expired or the session ID is not valid.");
    }

    static AemError deserialize(String what) {
        return new AemError(400, "DESERIALIZE_TO_TYPE", "Failed to deserialize the request: " + what);
    }

    static AemError serverNotFound(String server) {
        return new AemError(500, "AEM_SERVER_NOT_FOUND", "Server " + server + " was not found.");
    }

    /** Qlik documents no code for an unknown task; AEM_TASK_NOT_FOUND is this project's choice (aem-api.md §5). */
    static AemError taskNotFound(String server, String task) {
        return new AemError(500, "AEM_TASK_NOT_FOUND", "Task " + task + " was not found on server " + server + ".");
    }

    /** An error answer for {@code code}, with the message AEM would give for this server and task. */
    static AemError of(String code, String server, String task, boolean compose) {
        String product = compose ? "Compose task " : "Replicate task ";
        String subject = product + task + " on server " + server;
        String message = switch (code) {
            case "UNAUTHORIZED_REQUEST" -> "Unauthorized Request.";
            case "INVALID_SESSION_ID" -> invalidSession().message();
            case "DESERIALIZE_TO_TYPE" -> "Failed to deserialize the request.";
            case "AEM_SERVER_NOT_FOUND" -> "Server " + server + " was not found.";
            case "AEM_TASK_NOT_FOUND" -> "Task " + task + " was not found on server " + server + ".";
            case "AEM_SERVER_NOT_MONITORED" -> "Server " + server + " is not monitored.";
            case "AEM_SERVER_NOT_CONNECTED" -> "Server " + server + " is not connected: simulated connection error.";
            case "AEM_SERVER_LICENSE_EXPIRED" -> "The license of server " + server + " has expired.";
            case "AEM_SERVER_INVALID_LICENSE" -> "The license of server " + server + " is not valid.";
            case "LICENSE_NOT_FOUND" -> "No Enterprise Manager license was found.";
            case "LICENSE_NOT_FOUND_CONTACT_ADMIN" -> "No license was found. Contact your administrator.";
            case "AEM_TASK_ALREADY_RUNNING" -> subject + " is already running.";
            case "AEM_TASK_IN_RECOVERY" -> subject + " is in recovery.";
            case "AEM_TASK_ALREADY_STOPPED" -> subject + " is already stopped.";
            case "AEM_RUN_TASK_TIMEOUT" -> "A timeout occurred when trying to run " + subject;
            case "AEM_STOP_TASK_TIMEOUT" -> "A timeout occurred when trying to stop " + subject;
            case "AEM_RUN_TASK_INNER_ERR" -> "Failed to run " + subject + ": <simulated inner error>";
            case "AEM_STOP_TASK_INNER_ERR" -> "Failed to stop " + subject + ": <simulated inner error>";
            case "AEM_RUN_TASK_NO_SRC_NO_TRG" -> "Cannot run " + subject + ": no source and no target endpoint.";
            case "AEM_RUN_TASK_NO_SRC" -> "Cannot run " + subject + ": no source endpoint.";
            case "AEM_RUN_TASK_TRG" -> "Cannot run " + subject + ": no target endpoint.";
            case "AEM_RUN_TASK_NOT_FL_NOR_CDC" -> "Cannot run " + subject + ": neither full load nor CDC is enabled.";
            case "AEM_RUN_BIDI_TASK_NO_FL_NOR_CDC" -> "Cannot run bidirectional " + subject + ": no full load nor CDC.";
            case "AEM_WRONG_OPTION_FOR_CDCPOSITION" -> "The run option does not take a CDC position.";
            case "AEM_CDC_POSITION_ERR_FORMAT" -> "The CDC position is missing or badly formatted.";
            case "AEM_TASK_NOT_STOPPED" -> subject + " must be stopped before it can be deleted.";
            case "AEM_DELETE_TASK_ERR" -> "Failed to delete " + subject + ": <simulated error>";
            case "AEM_DELETE_TASK_INNER_ERR" -> "Failed to delete " + subject + ": <simulated inner error>";
            case "AEM_EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT" -> "No permission on the endpoints of " + subject + ".";
            case "AEM_IMPORT_TASK_NO_PERMISSION_ON_ENDPOINT" -> "No permission to add or change endpoints.";
            case "AEM_IMPORT_TASK_CONTAIN_ALIEN_ITEMS" -> "The JSON contains items a task import does not accept.";
            case "AEM_IMPORT_TASK_NAME_DIFFER" -> "The JSON file contains conflicting tasks.";
            case "AEM_IMPORT_TASK_CONTAINS_MULTIPLE_TASKS" -> "The JSON contains more than one task.";
            case "AEM_IMPORT_CONTENT_EMPTY" -> "The JSON is empty.";
            case "AEM_IMPORT_INVALID_CONTENT" -> "The JSON content is not valid.";
            case "AEM_ENDPOINT_NOT_FOUND" -> "Endpoint " + task + " was not found on server " + server + ".";
            case "AEM_TEST_ENDPOINT_CONNECTION_TIMEOUT" -> "Test connection to endpoint '" + task + "' timed out.";
            case "AEM_PATCH_ENDPOINT_INNER_ERR" -> "Failed to patch endpoint " + task + ": <simulated inner error>";
            case "AEM_METHOD_NOT_SUPPORTED_VERSION" -> "The method is not supported by the version of server " + server + ".";
            default -> "Simulated error " + code + " for " + subject + ".";
        };
        return new AemError(statusOf(code), code, message);
    }

    static int statusOf(String code) {
        return switch (code) {
            case "UNAUTHORIZED_REQUEST" -> 403;
            case "INVALID_SESSION_ID" -> 401;
            case "DESERIALIZE_TO_TYPE" -> 400;
            default -> 500;
        };
    }
}
