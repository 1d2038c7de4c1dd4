package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.Secret;

/**
 * What a deploy keeps in its build's folder so that it can be taken up after the controller stopped: the step's call
 * (where and what, with credentials IDs, never a secret), and, encrypted with Jenkins' own key as Jenkins keeps
 * credentials ({@link Secret}), the definition it deploys and the task's restorable backup, which holds the endpoints'
 * {@code {Z...}} ciphertext. Written by {@link DeployStore}; never shown, archived or printed.
 */
final class KeptDeploy implements KeptCall {

    /** The call that started the deploy: it takes the deploy up again. */
    private final DeployStepCall call;
    /** Whether a pipeline step resumes it; else (a freestyle build) the plugin does at startup. */
    private final boolean pipeline;
    /** The definition deployed; for a rotation, the backup's portable text once kept (what a rotation deploys). */
    private Secret definition;
    /** The restorable backup, once kept; none when the task did not exist. */
    private Secret backup;
    /** Where the portable backup was archived, as a failure names it. */
    private String backupLocation;

    KeptDeploy(DeployStepCall call, boolean pipeline, @CheckForNull String definition) {
        this.call = call;
        this.pipeline = pipeline;
        this.definition = definition == null ? null : Secret.fromString(definition);
    }

    @Override
    public DeployStepCall call() {
        return call;
    }

    @Override
    public boolean pipeline() {
        return pipeline;
    }

    @CheckForNull
    String definition() {
        return definition == null ? null : definition.getPlainText();
    }

    @CheckForNull
    String backup() {
        return backup == null ? null : backup.getPlainText();
    }

    @CheckForNull
    String backupLocation() {
        return backupLocation;
    }

    /** The backup kept before the first change: its restorable text, and the definition when the deploy is a rotation. */
    void backupKept(String restorable, @CheckForNull String definitionFromBackup, String location) {
        backup = Secret.fromString(restorable);
        backupLocation = location;
        if (definitionFromBackup != null) {
            definition = Secret.fromString(definitionFromBackup);
        }
    }
}
