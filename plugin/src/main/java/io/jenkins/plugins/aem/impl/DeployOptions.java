package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deploy's options as the user gave them, frozen when the step starts: the definition's path, the substitutions,
 * and the IDs of the credentials for the endpoints' secrets (never a secret). Serializable with plain fields, as a
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
     * What is asked, in words, for the build's page: the file and every option given. Substitution values are shown,
     * as the plan shows them (they are not for secrets); of the endpoints' credentials, their IDs only.
     */
    public String asked() {
        StringBuilder text = new StringBuilder("deploy ").append(definition);
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
        if (!substitutions.isEmpty()) {
            text.append("; substitutions ").append(substitutions);
        }
        if (!endpointCredentials.isEmpty()) {
            text.append("; endpoint credentials ").append(endpointCredentials);
        }
        return text.toString();
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
}
