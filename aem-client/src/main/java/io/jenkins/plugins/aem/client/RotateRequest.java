package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request to rotate the secrets of a task's endpoints: see {@link AemClient#rotateSecrets}. It is a deploy of the
 * task's own definition with {@link DeployRequest#updateSecrets()}: {@link #toDeployRequest} says which.
 *
 * @param task          the task whose endpoints' secrets are rotated
 * @param secrets       the new secrets, by {@code ENDPOINT} or {@code ENDPOINT/FIELD}, as a deploy takes them; kept in
 *                      memory only, never shown
 * @param stopIfRunning stop the task if it runs (and run it again after), and restart the other running tasks that
 *                      use a rotated endpoint so that they take the new secret; without it a running task is refused
 * @param runOption     how the tasks stopped for the rotation are run again; {@code null} means RESUME_PROCESSING
 * @param cdcPosition   the cdc position for the run options that need one, else {@code null}
 * @param dryRun        stop after the plan (which endpoints rotate, which tasks use them): change nothing
 * @param timeout       the deadline of the rotation, the export of the task's definition before it included
 * @param backupSink    where the task's backup goes before anything changes (it carries the old secrets' ciphertext,
 *                      which puts them back), or {@code null} to keep it in memory only
 * @param checkpoints   hears where the rotation is, as a deploy's ({@link DeployRequest#checkpoints()}), or {@code null}
 */
public record RotateRequest(TaskRef task, Map<String, EndpointSecret> secrets, boolean stopIfRunning, RunOption runOption,
                            String cdcPosition, boolean dryRun, Duration timeout, BackupSink backupSink,
                            DeployCheckpoints checkpoints) {

    /**
     * Checks every field a deploy checks.
     *
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) for any invalid field
     */
    public RotateRequest {
        DeployRequest checked = deploy(task, "{}", secrets, stopIfRunning, runOption, cdcPosition, dryRun, timeout, null, null);
        secrets = checked.secrets();
        runOption = checked.runOption();
        cdcPosition = checked.cdcPosition();
        timeout = checked.timeout();
    }

    /**
     * The deploy that rotates: {@code definition} (the task's own, as {@code aem export-task} writes it, or a backup's
     * {@link DeployBackup#portableText()}) with {@link DeployRequest#updateSecrets()}. An interrupted rotation resumes as
     * this deploy ({@link AemClient#resumeDeploy}), with the portable text of the backup it kept.
     */
    public DeployRequest toDeployRequest(String definition) {
        return deploy(task, definition, secrets, stopIfRunning, runOption, cdcPosition, dryRun, timeout, backupSink,
                checkpoints);
    }

    private static DeployRequest deploy(TaskRef task, String definition, Map<String, EndpointSecret> secrets,
                                        boolean stopIfRunning, RunOption runOption, String cdcPosition, boolean dryRun,
                                        Duration timeout, BackupSink backupSink, DeployCheckpoints checkpoints) {
        return DeployRequest.builder(task, definition).secrets(secrets).updateSecrets(true)
                .stopIfRunning(stopIfRunning, runOption, cdcPosition).dryRun(dryRun).timeout(timeout).backupSink(backupSink)
                .checkpoints(checkpoints).build();
    }

    /** Names the task and the endpoints; never a secret. */
    @Override
    public String toString() {
        return "RotateRequest[" + task + ", secrets=" + new TreeMap<>(secrets).keySet() + ", stopIfRunning="
                + stopIfRunning + ", timeout=" + timeout + "]";
    }
}
