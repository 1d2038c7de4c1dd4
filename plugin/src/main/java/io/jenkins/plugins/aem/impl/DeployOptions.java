package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.DeployRequest;
import io.jenkins.plugins.aem.client.RunOption;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A deploy's options as the user gave them, frozen when the step starts: the definition's path (or a set's folder), the
 * substitutions, the IDs of the credentials for the endpoints' secrets (never a secret), and how the task is stopped,
 * replaced and checked. A set's release deploys each of its tasks with them. Serializable with plain fields, as a
 * pipeline keeps it with the build.
 */
public final class DeployOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String definition;
    private final TreeMap<String, String> substitutions;
    private final TreeMap<String, String> endpointCredentials;
    private final boolean stopIfRunning;
    private final String runOption;
    private final String cdcPosition;
    private final boolean replace;
    private final boolean dryRun;
    private final boolean allowNewerVersion;
    private boolean updateSecrets;
    private boolean skipEndpointTest;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public DeployOptions(String definition, Map<String, String> substitutions, Map<String, String> endpointCredentials,
                         boolean stopIfRunning, @CheckForNull String runOption, @CheckForNull String cdcPosition,
                         boolean replace, boolean dryRun, boolean allowNewerVersion) {
        this.definition = definition == null ? "" : definition.strip();
        this.substitutions = new TreeMap<>(substitutions);
        this.endpointCredentials = new TreeMap<>(endpointCredentials);
        this.stopIfRunning = stopIfRunning;
        this.runOption = TaskTarget.blankToNull(runOption);
        this.cdcPosition = TaskTarget.blankToNull(cdcPosition);
        this.replace = replace;
        this.dryRun = dryRun;
        this.allowNewerVersion = allowNewerVersion;
    }

    /**
     * These options with the endpoint test and the rotation as asked: {@code updateSecrets} sends the secrets given even
     * when nothing else changes; {@code skipEndpointTest} leaves the endpoints the deploy writes untested.
     */
    public DeployOptions withEndpointChecks(boolean updateSecrets, boolean skipEndpointTest) {
        DeployOptions o = new DeployOptions(definition, substitutions, endpointCredentials, stopIfRunning, runOption,
                cdcPosition, replace, dryRun, allowNewerVersion);
        o.updateSecrets = updateSecrets;
        o.skipEndpointTest = skipEndpointTest;
        return o;
    }

    /**
     * What is asked, in words, for the build's page: the file and every option given. Substitution values are shown,
     * as the plan shows them (they are not for secrets); of the endpoints' credentials, their IDs only.
     */
    public String asked() {
        return "deploy " + definition + options();
    }

    /** Every option given, in words, each after {@code "; "} (a dry run first): what each deploy of a set is asked too. */
    public String options() {
        StringBuilder text = new StringBuilder();
        if (dryRun) {
            text.append(" as a dry run (plan only)");
        }
        if (stopIfRunning) {
            text.append("; stop the task if it runs and run it again with ")
                    .append(runOption == null ? "RESUME_PROCESSING" : runOption)
                    .append(cdcPosition == null ? "" : " from " + cdcPosition);
        }
        if (replace) {
            text.append("; replace the task when the file removes something");
        }
        if (allowNewerVersion) {
            text.append("; allow a file from a newer Replicate");
        }
        if (updateSecrets) {
            text.append("; rotate the secrets given (updateSecrets)");
        }
        if (skipEndpointTest) {
            text.append("; do not test the endpoints (skipEndpointTest)");
        }
        if (!substitutions.isEmpty()) {
            text.append("; substitutions ").append(substitutions);
        }
        if (!endpointCredentials.isEmpty()) {
            // Each endpoint with the ID of the credentials its secret comes from: 'Source-DB' from 'source-db-prod'.
            text.append("; endpoint secrets from credentials ").append(endpointCredentials.entrySet().stream()
                    .map(e -> "'" + e.getKey() + "' from '" + e.getValue() + "'").collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    /**
     * The client's request of one deploy with these options: the one place where a step's deploy options become the
     * client's, for {@code aemDeployTask} and, as what each of its tasks is deployed with, for {@code aemDeployTasks}
     * (whose values the release puts in itself: its options have no substitutions).
     *
     * @param task       the task deployed; a stand-in for a set's
     * @param definition the definition file's text; a stand-in ({@code {}}) for a set's
     * @param secrets    the endpoints' secrets, from the credentials {@link #endpointCredentials()} names
     * @param timeout    the deadline of the deploy (of each task's, for a set)
     * @throws AemException ({@code INVALID_INPUT}) for an option the client refuses
     */
    public DeployRequest.Builder request(TaskRef task, String definition, Map<String, EndpointSecret> secrets,
                                         Duration timeout) {
        return DeployRequest.builder(task, definition).substitutions(substitutions).secrets(secrets)
                .stopIfRunning(stopIfRunning, RunOption.parse(runOption), cdcPosition).replace(replace).dryRun(dryRun)
                .allowNewerVersion(allowNewerVersion).updateSecrets(updateSecrets).skipEndpointTest(skipEndpointTest)
                .timeout(timeout);
    }

    /** The definition file, relative to the workspace. */
    public String definition() {
        return definition;
    }

    /** Values for the file's {@code ${NAME}} placeholders. */
    public Map<String, String> substitutions() {
        return substitutions;
    }

    /** Credentials IDs by endpoint name (or {@code ENDPOINT/FIELD}). */
    public Map<String, String> endpointCredentials() {
        return endpointCredentials;
    }

    public boolean stopIfRunning() {
        return stopIfRunning;
    }

    @CheckForNull
    public String runOption() {
        return runOption;
    }

    @CheckForNull
    public String cdcPosition() {
        return cdcPosition;
    }

    public boolean replace() {
        return replace;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public boolean allowNewerVersion() {
        return allowNewerVersion;
    }

    public boolean updateSecrets() {
        return updateSecrets;
    }

    public boolean skipEndpointTest() {
        return skipEndpointTest;
    }
}
