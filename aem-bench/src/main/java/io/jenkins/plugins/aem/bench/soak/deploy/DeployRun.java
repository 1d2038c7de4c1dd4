package io.jenkins.plugins.aem.bench.soak.deploy;

import java.time.Duration;

/**
 * How one deploy ended, as its caller saw it.
 *
 * @param exit           the exit code: the command's, or for the client the one its failure kind maps to (130 for a
 *                       future cancelled before the deploy changed anything)
 * @param result         on success DEPLOYED, NO_CHANGE or DRY_RUN; else null
 * @param message        the failure's message (with its remedy), or "" on success
 * @param output         everything the caller was shown: progress, plan, warnings, the failure
 * @param backupLocation where the backup was asked to go (a file, or the soak's memory), or null
 * @param took           how long the deploy took
 */
record DeployRun(int exit, String result, String message, String output, String backupLocation, Duration took) {
}
