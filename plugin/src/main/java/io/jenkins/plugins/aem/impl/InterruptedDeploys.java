package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Computer;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.ItemListener;
import hudson.model.listeners.RunListener;
import hudson.slaves.ComputerListener;
import hudson.util.LogTaskListener;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.Timer;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Takes up the deploys that Jenkins stopped during and that no step will resume: those of freestyle builds, which end
 * with the restart, and those of pipelines that ended without resuming their step. At startup (once every job is
 * loaded) it finds them through {@link DeployStore#all()}, and when a build ends, in the build's folder; each is taken
 * up in the background by the call that began it ({@link DeployStepCall#recover}): the client finishes it or restores
 * the task, as after any restart, and the end is recorded on the build's AEM page and in Jenkins' log. A deploy that
 * had changed nothing is not done again. Deploys running in this Jenkins are claimed, and never taken up twice.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class InterruptedDeploys extends ItemListener {

    private static final Logger LOGGER = Logger.getLogger(InterruptedDeploys.class.getName());

    /** The deploys this Jenkins runs or takes up now, by ID. */
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();

    static InterruptedDeploys get() {
        return ExtensionList.lookupSingleton(InterruptedDeploys.class);
    }

    /** Marks a deploy as run by this Jenkins; {@code false} when it was already. */
    boolean claim(String id) {
        return claimed.add(id);
    }

    void release(String id) {
        claimed.remove(id);
    }

    /** Every job is loaded: the deploys of builds that are not running any more are taken up, off Jenkins' start. */
    @Override
    public void onLoaded() {
        Timer.get().submit(this::recoverAll);
    }

    /** Takes up every deploy a build that is not running keeps, and that this Jenkins does not run or take up now. */
    private void recoverAll() {
        for (DeployStore.Pointer p : DeployStore.all()) {
            Job<?, ?> job = Jenkins.get().getItemByFullName(p.job(), Job.class);
            Run<?, ?> run = job == null ? null : job.getBuildByNumber(p.build());
            if (run == null) {
                LOGGER.warning("The deploy " + p.id() + " of build #" + p.build() + " of " + p.job() + " was interrupted "
                        + "when Jenkins stopped, and cannot be taken up: the build is gone. Check its task in AEM.");
                DeployStore.forgetPointer(p.id());
            } else if (!run.isBuilding()) {
                recover(run, p.id());
            }
        }
    }

    /** Takes up the deploys a build kept and no step of it took up (a pipeline that could not resume its step). */
    private void recoverLeftIn(Run<?, ?> run) {
        for (String id : DeployStore.idsIn(run)) {
            recover(run, id);
        }
    }

    private void recover(Run<?, ?> run, String id) {
        if (ClientPoolHolder.get().isShuttingDown() || !claim(id)) {
            return;
        }
        DeployStore store = DeployStore.of(run, id);
        try {
            KeptCall kept = store.read();
            if (kept == null) {
                store.end();
                release(id);
                return;
            }
            LOGGER.info(() -> "Taking up the deploy of " + run.getFullDisplayName() + " that Jenkins stopped during "
                    + "(its lines follow, prefixed [AEM]); the build's AEM page will show how it ended.");
            TaskListener log = new LogTaskListener(LOGGER, Level.INFO);
            kept.call().recover(run, log).whenComplete((how, failure) -> ended(run, id, how, failure));
        } catch (AbortException e) {
            release(id); // said on the build's page too: nothing was changed, or what was kept cannot be read
            LOGGER.info(() -> run.getFullDisplayName() + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            release(id);
            LOGGER.log(Level.WARNING, "The deploy of " + run.getFullDisplayName() + " that Jenkins stopped during cannot "
                    + "be taken up: " + e.getMessage() + ". Check its task in AEM against the backup archived with the "
                    + "build (aem-backups/).", e instanceof IOException ? null : e);
        }
    }

    private void ended(Run<?, ?> run, String id, String how, Throwable failure) {
        release(id);
        if (failure == null) {
            LOGGER.info(() -> "The deploy of " + run.getFullDisplayName() + " that Jenkins stopped during ended: "
                    + how + ".");
        } else {
            LOGGER.warning(() -> "The deploy of " + run.getFullDisplayName() + " that Jenkins stopped during did not "
                    + "finish: " + FailureReporter.describe(FailureReporter.unwrap(failure)));
        }
    }

    /**
     * Hears agents connect: a release of a freestyle build waits at startup for the agent that holds its workspace
     * (its folder is read again to finish or put back its tasks).
     */
    @Extension
    @Restricted(NoExternalUse.class)
    public static final class AgentOnline extends ComputerListener {
        @Override
        public void onOnline(Computer c, TaskListener listener) {
            Timer.get().submit(() -> get().recoverAll());
        }
    }

    /** Hears builds end, for {@link #recoverLeftIn}. */
    @Extension
    @Restricted(NoExternalUse.class)
    public static final class BuildEnd extends RunListener<Run<?, ?>> {
        @Override
        public void onFinalized(@NonNull Run<?, ?> run) {
            if (!DeployStore.idsIn(run).isEmpty()) {
                Timer.get().submit(() -> get().recoverLeftIn(run));
            }
        }
    }
}
