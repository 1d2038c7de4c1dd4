package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Where a step runs, the same for a pipeline and a freestyle build: the build, its console, and for the steps that
 * need a node, the workspace and a launcher on it.
 *
 * @param run       the build
 * @param listener  its console
 * @param workspace the workspace, or {@code null} for the steps that need none
 * @param launcher  a launcher on the workspace's node, or {@code null} with it
 * @param saveState asks Jenkins to save the pipeline step's state now ({@link SaveState#NONE} for a freestyle build),
 *                  so that a restart from here on finds what the call has recorded
 */
public record StepEnvironment(Run<?, ?> run, TaskListener listener, @CheckForNull FilePath workspace,
                              @CheckForNull Launcher launcher, SaveState saveState) {

    /** The workspace, for the steps that declare they need one (their descriptor requires {@link FilePath}). */
    public FilePath requireWorkspace() {
        if (workspace == null) {
            throw new IllegalStateException("this step needs a workspace; its descriptor must require FilePath");
        }
        return workspace;
    }

    /**
     * Whether Jenkins takes the step up itself after a restart (a pipeline step's {@code onResume}); a freestyle build
     * ends with the restart, and what it left is taken up by the plugin at startup.
     */
    public boolean resumesItself() {
        return saveState != SaveState.NONE;
    }

    /** Saves a pipeline step's state; {@link #run()} asks for it, {@link #save()} also says when it is written. */
    @FunctionalInterface
    public interface SaveState extends Runnable {

        /** Nothing to save: a freestyle build, or a deploy taken up at startup. */
        SaveState NONE = () -> CompletableFuture.completedFuture(null);

        /** Asks for the save; the future completes once the state is written. */
        Future<?> save();

        @Override
        default void run() {
            save();
        }
    }
}
