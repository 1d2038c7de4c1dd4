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
