package io.jenkins.plugins.aem.client;

/**
 * The classes of failure a caller must tell apart. The CLI's exit codes and the plugin's build results follow them.
 */
public enum FailureKind {
    /** The input was refused before anything was sent to AEM. */
    INVALID_INPUT(2),
    /** AEM answered with an error code (other than an expired session, which is handled by logging in again). */
    AEM_ERROR(1),
    /** The task itself failed: it went to ERROR, or stopped with a fatal reason. */
    TASK_FAILED(1),
    /** The operation's deadline passed before the task reached the requested state. */
    TIMED_OUT(3),
    /**
     * AEM could not be reached or did not answer as AEM does: connection refused, TLS verification failed, login
     * refused, a non-JSON answer such as a proxy's error page.
     */
    UNREACHABLE(4),
    /**
     * A deploy was refused before it changed anything: the task is as it was (a running task without permission to
     * stop it, a Compose server, a file newer than the server, removals an import cannot make, no backup possible).
     */
    DEPLOY_REFUSED(1),
    /** A deploy failed after it changed the task, and the task was restored to what it was (definition and state). */
    DEPLOY_RESTORED(5),
    /**
     * A deploy failed and the task could not be restored: someone must act. The message says what state the task is
     * in and where the backup of its definition is.
     */
    DEPLOY_NOT_RESTORED(6),
    /** The caller cancelled the wait (for example, the build was aborted, or Ctrl-C). The code is a shell's for SIGINT. */
    CANCELLED(130);

    private final int exitCode;

    FailureKind(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The {@code aem} command's exit code for this kind of failure. */
    public int exitCode() {
        return exitCode;
    }
}
