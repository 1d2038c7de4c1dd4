package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.DeployCheckpoint.Action;
import io.jenkins.plugins.aem.client.DeployCheckpoint.Change;
import io.jenkins.plugins.aem.client.DeployCheckpoint.Stage;
import io.jenkins.plugins.aem.client.DeployCheckpoint.Status;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What a deploy sent, as its {@link DeployCheckpoints} hears it: each change is checkpointed before it leaves (a change
 * whose checkpoint cannot be kept does not leave while the deploy goes forward) and once AEM answered it. A change whose
 * answer was lost stays {@link Status#SENDING}: it may or may not have been carried out.
 */
final class DeployLedger {

    private final DeployCheckpoints sink;
    private final DeployJournal journal;
    private volatile DeployCheckpoint now;
    /** Set when the process stops without finishing the deploy: nothing more is sent, nor kept. */
    private volatile boolean frozen;

    DeployLedger(DeployCheckpoints sink, DeployJournal journal, DeployCheckpoint start) {
        this.sink = sink;
        this.journal = journal;
        this.now = start;
    }

    /** The last checkpoint. */
    DeployCheckpoint now() {
        return now;
    }

    /**
     * Sends a change between its checkpoints. Before it leaves: {@link Status#SENDING}; when AEM did it:
     * {@link Status#CONFIRMED}; when AEM refused it (a code other than a *_TIMEOUT, which is no refusal):
     * {@link Status#REFUSED}; when its answer was lost, nothing more.
     */
    <T> CompletableFuture<T> change(Action action, String target, ResponseReader reader,
                                    Supplier<CompletableFuture<T>> send) {
        if (frozen) {
            return CompletableFuture.failedFuture(suspended());
        }
        try {
            keep(now.with(new Change(now.stage(), action, target, Status.SENDING)), now.stage() == Stage.FORWARD);
        } catch (AemException notKept) {
            return CompletableFuture.failedFuture(notKept);
        }
        return send.get().whenComplete((v, e) -> {
            Status status = e == null ? Status.CONFIRMED : refused(reader.transport(e, "")) ? Status.REFUSED : null;
            if (status != null) {
                keep(now.with(new Change(now.stage(), action, target, status)), false);
            }
        });
    }

    /** Notes the task's state before the deploy ({@code null}: it did not exist), read before anything changed. */
    void begin(String stateBefore) {
        now = now.begun(stateBefore);
    }

    /** Enters another stage (restoring, or done), and says so to the sink. */
    void stage(Stage next) {
        if (now.stage() != next) {
            keep(now.in(next), false);
        }
    }

    /** Ends the deploy so, and says so to the sink. */
    void end(DeployCheckpoint.End how) {
        keep(now.ended(how), false);
    }

    /** Notes what the deploy found it will write, rotate and restart; it reaches the sink with the first change. */
    void planned(List<String> written, List<String> rotated, List<String> restart) {
        now = now.planned(written, rotated, restart);
    }

    /**
     * Stops the record where it is: from now on no change is sent and no checkpoint reaches the sink, so that the last
     * one kept says where the deploy stopped (a change it names as sending may or may not have reached AEM), not where
     * a restore that never ran would have been.
     */
    void freeze() {
        frozen = true;
    }

    boolean frozen() {
        return frozen;
    }

    /** Why a change was not sent after {@link #freeze()}. */
    static AemException suspended() {
        return AemException.of(FailureKind.CANCELLED, "The AEM client was closed (Jenkins or the command is shutting "
                + "down) during the deploy: it stops where it is, and its last checkpoint says where, for a resume.").build();
    }

    private static boolean refused(AemException e) {
        return e.errorCode() != null && !e.errorCode().endsWith("_TIMEOUT");
    }

    private void keep(DeployCheckpoint next, boolean mustKeep) {
        if (frozen) {
            return;
        }
        if (sink != null) {
            try {
                sink.checkpoint(next);
            } catch (Exception e) {
                if (mustKeep) {
                    throw DeployFailures.checkpointNotKept(next, e);
                }
                journal.warn("The deploy's checkpoint could not be kept (" + DeployFailures.describe(e) + "): if this "
                        + "process stops now, the deploy cannot be resumed from where it is.");
            }
        }
        now = next;
    }
}
