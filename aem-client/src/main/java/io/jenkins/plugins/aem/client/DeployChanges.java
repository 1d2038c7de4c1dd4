package io.jenkins.plugins.aem.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a deploy may have changed so far; what a restore must undo. Set just before a command leaves (a command whose
 * answer is lost may have been carried out) and cleared when AEM's own answer refused it.
 */
final class DeployChanges {

    /** Anything that may have changed the task was sent: a failure from here on needs a restore. */
    volatile boolean touched;
    /** The deploy stopped a task that was running. */
    volatile boolean stoppedIt;
    /** An import or delete may have changed the task's definition (or removed it). */
    volatile boolean definitionTouched;
    /** AEM answered the deploy's import with success: what it carried (new endpoints, say) is on the server. */
    volatile boolean importTaken;
    /**
     * AEM took the deploy's last import and no read has shown it yet: an import may show only after a while, and until
     * then reads show the task as before it.
     */
    volatile boolean importUnseen;
    /**
     * A StopTask or RunTask of the deploy has not ended with the task seen in its state, and AEM did not refuse it (its
     * answer was lost, or the wait ran out): AEM may still be carrying it out, and shows a task it is stopping as
     * RUNNING and one it is starting as STOPPED, so reading the task cannot tell.
     */
    volatile boolean commandInDoubt;
    /** A PatchEndpoint of the deploy may have changed an endpoint's secret: only the backup's import puts it back. */
    volatile boolean secretsPatched;
    /** Other tasks the deploy stopped to restart them, and has not run again yet (they were running before). */
    final Set<String> stoppedOthers = ConcurrentHashMap.newKeySet();
    /**
     * The backup's import was sent before an interruption, its outcome unknown: a resumed restore waits for it to show
     * and never sends it again.
     */
    volatile boolean backupImportSent;
}
