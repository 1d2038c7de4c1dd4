package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;

/**
 * Where a step runs, the same for a pipeline and a freestyle build: the build, its console, and for the steps that
 * need a node, the workspace and a launcher on it.
 *
 * @param run       the build
 * @param listener  its console
 * @param workspace the workspace, or {@code null} for the steps that need none
 * @param launcher  a launcher on the workspace's node, or {@code null} with it
 * @param saveState asks Jenkins to save the pipeline step's state now (for freestyle builds it does nothing), so that a
 *                  restart from here on finds what the call has recorded
 */
public record StepEnvironment(Run<?, ?> run, TaskListener listener, @CheckForNull FilePath workspace,
                              @CheckForNull Launcher launcher, Runnable saveState) {

    /** The workspace, for the steps that declare they need one (their descriptor requires {@link FilePath}). */
    public FilePath requireWorkspace() {
        if (workspace == null) {
            throw new IllegalStateException("this step needs a workspace; its descriptor must require FilePath");
        }
        return workspace;
    }
}
