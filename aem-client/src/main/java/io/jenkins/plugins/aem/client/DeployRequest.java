package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import io.jenkins.plugins.aem.client.definition.Substitutions;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request to make a Replicate task match a definition file. See {@link AemClient#deploy}.
 *
 * @param task              the target task; the file's task name is set to it
 * @param definition        the file's text, as {@code aem export-task} wrote it (placeholders allowed)
 * @param substitutions     values for the file's <code>${NAME}</code> placeholders; not secrets (plans show them)
 * @param secrets           values for the file's <code>${secret:ENDPOINT/FIELD}</code> placeholders, by
 *                          {@code ENDPOINT} or {@code ENDPOINT/FIELD}; kept in memory only, never shown
 * @param stopIfRunning     stop a running task first (and run it again after), instead of refusing
 * @param runOption         how a task stopped for the deploy is run again; {@code null} means RESUME_PROCESSING
 * @param cdcPosition       the cdc position for the run options that need one, else {@code null}
 * @param replace           when the file removes what an import cannot remove, delete the task and import it afresh
 *                          (the task loses its processing position)
 * @param dryRun            stop after the plan: change nothing
 * @param allowNewerVersion deploy a file exported from a newer Replicate than the target's
 * @param restore           the definition is a backup of this very task on this server: its {@code {Z...}} ciphertext
 *                          is sent as it is (anywhere else it would break the endpoints, so it is refused otherwise)
 * @param skipEndpointTest  do not test the endpoints the deploy creates or changes (TestEndpoint) before the task
 *                          runs: for endpoints AEM cannot reach at deploy time. The plan says the test is off
 * @param updateSecrets     rotate: send the secrets given for endpoints the target has even when nothing else changes
 *                          (through PatchEndpoint on their secret fields alone, or with the import when there is one),
 *                          test them, and name the other tasks that use them (restarted with stopIfRunning)
 * @param timeout           the deadline for everything, a share of it held back for restoring the task on failure
 * @param backupSink        where the backup goes before anything changes, or {@code null} to keep it in memory only
 * @param checkpoints       hears where the deploy is before and after each change, so that it can be resumed
 *                          ({@link AemClient#resumeDeploy}); {@code null} for none
 */
public record DeployRequest(TaskRef task, String definition, Map<String, String> substitutions,
                            Map<String, EndpointSecret> secrets, boolean stopIfRunning, RunOption runOption,
                            String cdcPosition, boolean replace, boolean dryRun, boolean allowNewerVersion, boolean restore,
                            boolean skipEndpointTest, boolean updateSecrets, Duration timeout, BackupSink backupSink,
                            DeployCheckpoints checkpoints) {

    /** The default deadline of a deploy: stopping, importing, checking and running again take a while. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Checks every field that can be checked without AEM.
     *
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) for any invalid field
     */
    public DeployRequest {
        if (task == null) {
            throw AemException.invalidInput("task", "is missing. Give the server and task to deploy to.");
        }
        if (definition == null || definition.isBlank()) {
            throw AemException.invalidInput("definition", "is empty. Give the file 'aem export-task' wrote.");
        }
        Substitutions.of(substitutions); // checks names and values
        substitutions = substitutions == null ? Map.of() : Map.copyOf(substitutions);
        Map<String, EndpointSecret> checked = new TreeMap<>();
        if (secrets != null) {
            secrets.forEach((key, value) -> {
                if (key == null || key.isBlank() || value == null) {
                    throw AemException.invalidInput("secrets", "hold an entry without an endpoint name or without a "
                            + "value. Give each as ENDPOINT (or ENDPOINT/FIELD) and its secret.");
                }
                checked.put(key.strip(), value);
            });
        }
        secrets = Map.copyOf(checked);
        if (updateSecrets && secrets.isEmpty()) {
            throw AemException.invalidInput("updateSecrets", "has no secret to send. Give the endpoints' new secrets "
                    + "(aem: --secret ENDPOINT=FILE; Jenkins: a credential per endpoint).");
        }
        if (updateSecrets && restore) {
            throw AemException.invalidInput("updateSecrets", "cannot go with a restore, which puts back the backup's own "
                    + "secrets. Restore first, then rotate the secrets.");
        }
        runOption = runOption == null ? RunOption.RESUME_PROCESSING : runOption;
        cdcPosition = runOption.checkCdcPosition(cdcPosition);
        timeout = timeout == null ? DEFAULT_TIMEOUT : Timeouts.check(timeout);
    }

    /** A deploy of {@code definition} to {@code task} with every option at its default. */
    public static DeployRequest of(TaskRef task, String definition) {
        return builder(task, definition).build();
    }

    /** Starts a request; every option not set keeps its default. */
    public static Builder builder(TaskRef task, String definition) {
        return new Builder(task, definition);
    }

    /** A builder holding this request's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder(task, definition);
        b.substitutions = substitutions;
        b.secrets = secrets;
        b.stopIfRunning = stopIfRunning;
        b.runOption = runOption;
        b.cdcPosition = cdcPosition;
        b.replace = replace;
        b.dryRun = dryRun;
        b.allowNewerVersion = allowNewerVersion;
        b.restore = restore;
        b.skipEndpointTest = skipEndpointTest;
        b.updateSecrets = updateSecrets;
        b.timeout = timeout;
        b.backupSink = backupSink;
        b.checkpoints = checkpoints;
        return b;
    }

    /** These options for another task and definition: a release deploys each of its tasks with the same options. */
    public DeployRequest withTask(TaskRef target, String text) {
        return new DeployRequest(target, text, substitutions, secrets, stopIfRunning, runOption, cdcPosition, replace,
                dryRun, allowNewerVersion, restore, skipEndpointTest, updateSecrets, timeout, backupSink, checkpoints);
    }

    public DeployRequest withSubstitutions(Map<String, String> values) {
        return toBuilder().substitutions(values).build();
    }

    public DeployRequest withSecrets(Map<String, EndpointSecret> values) {
        return toBuilder().secrets(values).build();
    }

    /** Allows the deploy to stop a running task, and says how to run it again ({@code null}: RESUME_PROCESSING). */
    public DeployRequest withStopIfRunning(boolean stop, RunOption option, String position) {
        return toBuilder().stopIfRunning(stop, option, position).build();
    }

    public DeployRequest withReplace(boolean value) {
        return toBuilder().replace(value).build();
    }

    public DeployRequest withDryRun(boolean value) {
        return toBuilder().dryRun(value).build();
    }

    public DeployRequest withAllowNewerVersion(boolean value) {
        return toBuilder().allowNewerVersion(value).build();
    }

    /** Marks the definition as this task's own backup (see {@link #restore()}). */
    public DeployRequest withRestore(boolean value) {
        return toBuilder().restore(value).build();
    }

    /** Skips the test of the endpoints the deploy creates or changes (see {@link #skipEndpointTest()}). */
    public DeployRequest withSkipEndpointTest(boolean value) {
        return toBuilder().skipEndpointTest(value).build();
    }

    /** Rotates the secrets given (see {@link #updateSecrets()}). */
    public DeployRequest withUpdateSecrets(boolean value) {
        return toBuilder().updateSecrets(value).build();
    }

    public DeployRequest withCheckpoints(DeployCheckpoints sink) {
        return toBuilder().checkpoints(sink).build();
    }

    public DeployRequest withTimeout(Duration value) {
        return toBuilder().timeout(value).build();
    }

    public DeployRequest withBackupSink(BackupSink sink) {
        return toBuilder().backupSink(sink).build();
    }

    /** Builds a {@link DeployRequest}; {@link #build()} checks it. */
    public static final class Builder {
        private final TaskRef task;
        private final String definition;
        private Map<String, String> substitutions = Map.of();
        private Map<String, EndpointSecret> secrets = Map.of();
        private boolean stopIfRunning;
        private RunOption runOption;
        private String cdcPosition;
        private boolean replace;
        private boolean dryRun;
        private boolean allowNewerVersion;
        private boolean restore;
        private boolean skipEndpointTest;
        private boolean updateSecrets;
        private Duration timeout = DEFAULT_TIMEOUT;
        private BackupSink backupSink;
        private DeployCheckpoints checkpoints;

        private Builder(TaskRef task, String definition) {
            this.task = task;
            this.definition = definition;
        }

        public Builder substitutions(Map<String, String> values) {
            substitutions = values;
            return this;
        }

        public Builder secrets(Map<String, EndpointSecret> values) {
            secrets = values;
            return this;
        }

        /** Allows the deploy to stop a running task, and says how to run it again ({@code null}: RESUME_PROCESSING). */
        public Builder stopIfRunning(boolean stop, RunOption option, String position) {
            stopIfRunning = stop;
            runOption = option;
            cdcPosition = position;
            return this;
        }

        public Builder replace(boolean value) {
            replace = value;
            return this;
        }

        public Builder dryRun(boolean value) {
            dryRun = value;
            return this;
        }

        public Builder allowNewerVersion(boolean value) {
            allowNewerVersion = value;
            return this;
        }

        /** Marks the definition as this task's own backup (see {@link DeployRequest#restore()}). */
        public Builder restore(boolean value) {
            restore = value;
            return this;
        }

        /** Skips the test of the endpoints the deploy creates or changes (see {@link DeployRequest#skipEndpointTest()}). */
        public Builder skipEndpointTest(boolean value) {
            skipEndpointTest = value;
            return this;
        }

        /** Rotates the secrets given (see {@link DeployRequest#updateSecrets()}). */
        public Builder updateSecrets(boolean value) {
            updateSecrets = value;
            return this;
        }

        public Builder checkpoints(DeployCheckpoints sink) {
            checkpoints = sink;
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        public Builder backupSink(BackupSink sink) {
            backupSink = sink;
            return this;
        }

        /** @throws AemException ({@link FailureKind#INVALID_INPUT}) for any invalid field */
        public DeployRequest build() {
            return new DeployRequest(task, definition, substitutions, secrets, stopIfRunning, runOption, cdcPosition,
                    replace, dryRun, allowNewerVersion, restore, skipEndpointTest, updateSecrets, timeout, backupSink,
                    checkpoints);
        }
    }

    /** Names the options; never the definition's text or a secret. */
    @Override
    public String toString() {
        return "DeployRequest[" + task + ", substitutions=" + substitutions.keySet() + ", secrets=" + new TreeMap<>(secrets).keySet()
                + ", stopIfRunning=" + stopIfRunning + ", runOption=" + runOption + ", replace=" + replace + ", dryRun="
                + dryRun + ", allowNewerVersion=" + allowNewerVersion + ", restore=" + restore + ", skipEndpointTest="
                + skipEndpointTest + ", updateSecrets=" + updateSecrets + ", timeout=" + timeout + "]";
    }
}
