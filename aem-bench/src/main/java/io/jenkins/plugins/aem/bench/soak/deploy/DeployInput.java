package io.jenkins.plugins.aem.bench.soak.deploy;

import java.time.Duration;
import java.util.Map;

/**
 * One deploy as a release engineer asks for it, the same whether it goes through {@code aem deploy-task} or the client.
 *
 * @param task           the target task on the lane's server
 * @param file           the definition file's text
 * @param substitutions  values for the file's <code>${NAME}</code> placeholders
 * @param secrets        clear-text secrets by endpoint name (files on the command line)
 * @param user           who deploys: the lane's designer, or its operator (who may not)
 * @param stopIfRunning  let the deploy stop a running task and run it again
 * @param replace        let the deploy delete the task and import it afresh
 * @param dryRun         plan only
 * @param allowNewer     allow a file from a newer Replicate
 * @param withBackup     name a place for the backup (on the command line it is required)
 * @param timeout        the deploy's deadline
 */
record DeployInput(String task, String file, Map<String, String> substitutions, Map<String, String> secrets, String user,
                   boolean stopIfRunning, boolean replace, boolean dryRun, boolean allowNewer, boolean withBackup,
                   Duration timeout) {

    DeployInput {
        substitutions = Map.copyOf(substitutions);
        secrets = Map.copyOf(secrets);
    }

    /** Names the options, never the secrets. */
    @Override
    public String toString() {
        return task + " as " + user + (stopIfRunning ? " stopIfRunning" : "") + (replace ? " replace" : "")
                + (dryRun ? " dryRun" : "") + (allowNewer ? " allowNewer" : "") + (withBackup ? "" : " no-backup")
                + " secrets=" + secrets.keySet() + " set=" + substitutions.keySet();
    }
}
