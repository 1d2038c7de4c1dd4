package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.Secret;
import io.jenkins.plugins.aem.client.DeployCheckpoint;
import io.jenkins.plugins.aem.client.DeployResume;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a release of a folder keeps in its build's folder so that it can be taken up after the controller stopped: the
 * step's call (the folder, the options, credentials IDs, never a secret) and, encrypted with Jenkins' own key as
 * Jenkins keeps credentials ({@link Secret}), each changed task's restorable backup, which holds the endpoints'
 * {@code {Z...}} ciphertext. The folder itself is read again from the workspace. Written by {@link DeployStore}; never
 * shown, archived or printed.
 */
final class KeptRelease implements KeptCall {

    private final DeployTasksCall call;
    private final boolean pipeline;
    /** Each changed task's restorable backup, by task name; none for a task that did not exist. */
    private final Map<String, Secret> backups = new TreeMap<>();
    /** Where each task's portable backup was archived, as a failure names it. */
    private final Map<String, String> backupLocations = new TreeMap<>();

    KeptRelease(DeployTasksCall call, boolean pipeline) {
        this.call = call;
        this.pipeline = pipeline;
    }

    @Override
    public DeployTasksCall call() {
        return call;
    }

    @Override
    public boolean pipeline() {
        return pipeline;
    }

    /** A task's backup was kept, before its first change. */
    synchronized void backupKept(String task, String restorable, String location) {
        backups.put(task, Secret.fromString(restorable));
        backupLocations.put(task, location);
    }

    /** What the client needs to take up each task the release had reached: its backup and its last checkpoint. */
    synchronized List<DeployResume> resumes(List<DeployCheckpoint> checkpoints) {
        return checkpoints.stream().map(c -> new DeployResume(backup(c.task()), c, backupLocations.get(c.task()))).toList();
    }

    @CheckForNull
    private String backup(String task) {
        Secret s = backups.get(task);
        return s == null ? null : s.getPlainText();
    }
}
