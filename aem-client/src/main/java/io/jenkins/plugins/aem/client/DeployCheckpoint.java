package io.jenkins.plugins.aem.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a deploy is, as it tells its {@link DeployCheckpoints} before each change it sends and once AEM confirmed (or
 * refused) it: enough for {@link AemClient#resumeDeploy} to finish or undo the deploy after the process that ran it
 * died. It holds names, states and what was sent, never a secret. It is {@link Serializable}, and JSON text for stores
 * that keep text ({@link #toJson()}, {@link #fromJson(String)}).
 *
 * @param server           the task's server
 * @param task             the task deployed to
 * @param stage            whether the deploy was changing the task, putting it back, or had ended
 * @param stateBefore      the task's state before the deploy as AEM spelled it, or {@code null} when it did not exist
 * @param changes          every change sent so far, in order, with what became of it
 * @param endpointsWritten the endpoints the deploy's import created or changed (or whose secrets it sent)
 * @param endpointsRotated the endpoints whose secrets the deploy sends through PatchEndpoint (updateSecrets)
 * @param tasksToRestart   other tasks of the server that use a rotated endpoint, were running before the deploy, and
 *                         are restarted by it (stopIfRunning) to take the new secret
 * @param release          the deploy's place in a release ({@link AemClient#deployTasks}), or {@code null} for a
 *                         deploy of its own
 * @param end              how the deploy ended, once {@link #stage()} is {@link Stage#DONE}; {@code null} before
 */
public record DeployCheckpoint(String server, String task, Stage stage, String stateBefore, List<Change> changes,
                               List<String> endpointsWritten, List<String> endpointsRotated,
                               List<String> tasksToRestart, Release release, End end) implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Where a deploy is. */
    public enum Stage {
        /** Changing the task (stop, delete, import, patch, test, run). */
        FORWARD,
        /** Putting the task back after a failed step. */
        RESTORING,
        /** Ended: deployed, or put back; nothing more is sent. */
        DONE
    }

    /** How a deploy ended: what a resumed release makes of a task whose deploy had ended before the interruption. */
    public enum End {
        /** Deployed: the task is as its file says, and stays so. */
        DEPLOYED,
        /** Nothing to change: nothing was sent. */
        NO_CHANGE,
        /** Failed before it changed anything: the task is as it was. */
        FAILED,
        /** Failed after a change, and put back as it was. */
        RESTORED,
        /** Deployed, then put back because its atomic release failed. */
        UNDONE,
        /** Failed, and could not be put back: someone must look at the task. */
        NOT_RESTORED
    }

    /**
     * A deploy's place in a release: what a resumed release needs besides each task's own checkpoint.
     *
     * @param order  the deploy's place among the release's deploys, from 1, in the order they started: an atomic
     *               release puts its tasks back the last started first
     * @param atomic whether the release puts back every task it changed when one fails
     */
    public record Release(int order, boolean atomic) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What a change does. */
    public enum Action {
        /** StopTask of the task, or of another task using a rotated endpoint ({@link Change#target()}). */
        STOP,
        /** DeleteTask, to import afresh (replace) or to remove a task the deploy created. */
        DELETE,
        /** ImportTask: the deploy's definition (stage FORWARD) or the backup (stage RESTORING). */
        IMPORT,
        /** PatchEndpoint of an endpoint's secret fields ({@link Change#target()} is the endpoint). */
        PATCH,
        /** RunTask of the task, or of another task using a rotated endpoint. */
        RUN
    }

    /** What became of a change. */
    public enum Status {
        /** About to be sent, or sent without an answer yet: AEM may or may not have carried it out. */
        SENDING,
        /** AEM answered that it did it. */
        CONFIRMED,
        /** AEM answered that it did not (its refusal is its word that nothing changed). */
        REFUSED
    }

    /**
     * One change.
     *
     * @param stage  the stage it was sent in
     * @param action what it does
     * @param target the task or endpoint it acts on
     * @param status what became of it
     */
    public record Change(Stage stage, Action action, String target, Status status) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public DeployCheckpoint {
        changes = List.copyOf(changes == null ? List.of() : changes);
        endpointsWritten = List.copyOf(endpointsWritten == null ? List.of() : endpointsWritten);
        endpointsRotated = List.copyOf(endpointsRotated == null ? List.of() : endpointsRotated);
        tasksToRestart = List.copyOf(tasksToRestart == null ? List.of() : tasksToRestart);
    }

    /** A checkpoint of a deploy of its own, not ended yet. */
    public DeployCheckpoint(String server, String task, Stage stage, String stateBefore, List<Change> changes,
                            List<String> endpointsWritten, List<String> endpointsRotated, List<String> tasksToRestart) {
        this(server, task, stage, stateBefore, changes, endpointsWritten, endpointsRotated, tasksToRestart, null, null);
    }

    /** The task as a reference. */
    public TaskRef taskRef() {
        return new TaskRef(server, task);
    }

    /** Whether the task existed before the deploy. */
    public boolean taskExisted() {
        return stateBefore != null;
    }

    /** Whether a change of this stage and action (on any target) may have been carried out: sent and not refused. */
    public boolean sent(Stage in, Action action) {
        return changes.stream().anyMatch(c -> c.stage() == in && c.action() == action && c.status() != Status.REFUSED);
    }

    /** Whether a change of this stage, action and target may have been carried out and was not confirmed. */
    public boolean inDoubt(Stage in, Action action, String target) {
        return changes.stream().filter(c -> c.stage() == in && c.action() == action && c.target().equals(target))
                .reduce((a, b) -> b).map(c -> c.status() == Status.SENDING).orElse(false);
    }

    /**
     * Whether the deploy had begun to put the task back: in the restore's stage, a change of the restore sent, or
     * ended restored (or not) after a change.
     */
    public boolean restoring() {
        return stage == Stage.RESTORING || end == End.RESTORED || end == End.UNDONE || end == End.NOT_RESTORED
                || changes.stream().anyMatch(c -> c.stage() == Stage.RESTORING);
    }

    /** Whether anything that may have changed the task or an endpoint was sent. */
    public boolean anyChangeSent() {
        return changes.stream().anyMatch(c -> c.status() != Status.REFUSED);
    }

    /** This checkpoint with one more change, or with the last one's status replaced when it is the same change. */
    DeployCheckpoint with(Change change) {
        List<Change> next = new ArrayList<>(changes);
        if (!next.isEmpty()) {
            Change last = next.get(next.size() - 1);
            if (last.status() == Status.SENDING && last.stage() == change.stage() && last.action() == change.action()
                    && last.target().equals(change.target())) {
                next.remove(next.size() - 1);
            }
        }
        next.add(change);
        return new DeployCheckpoint(server, task, stage, stateBefore, next, endpointsWritten, endpointsRotated,
                tasksToRestart, release, end);
    }

    /** This checkpoint in another stage; a deploy that goes on again (an undo after it ended) has not ended. */
    DeployCheckpoint in(Stage next) {
        return new DeployCheckpoint(server, task, next, stateBefore, changes, endpointsWritten, endpointsRotated,
                tasksToRestart, release, next == Stage.DONE ? end : null);
    }

    /** This checkpoint of a deploy that ended so. */
    DeployCheckpoint ended(End how) {
        return new DeployCheckpoint(server, task, Stage.DONE, stateBefore, changes, endpointsWritten, endpointsRotated,
                tasksToRestart, release, how);
    }

    /** This checkpoint with what the deploy found it will write, rotate and restart. */
    DeployCheckpoint planned(List<String> written, List<String> rotated, List<String> restart) {
        return new DeployCheckpoint(server, task, stage, stateBefore, changes, written, rotated, restart, release, end);
    }

    /** A deploy that begins, with nothing sent yet, the task's state before it noted, in its place in a release. */
    DeployCheckpoint begun(String state) {
        return new DeployCheckpoint(server, task, Stage.FORWARD, state, List.of(), List.of(), List.of(), List.of(),
                release, null);
    }

    /** The first checkpoint of a deploy that is the {@code order}th of a release. */
    DeployCheckpoint inRelease(int order, boolean atomic) {
        return new DeployCheckpoint(server, task, stage, stateBefore, changes, endpointsWritten, endpointsRotated,
                tasksToRestart, new Release(order, atomic), end);
    }

    /** The checkpoint as JSON text. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a checkpoint is always JSON", e);
        }
    }

    /**
     * A checkpoint from {@link #toJson()}'s text.
     *
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) when the text is not a checkpoint
     */
    public static DeployCheckpoint fromJson(String text) {
        try {
            DeployCheckpoint c = JSON.readValue(text, DeployCheckpoint.class);
            if (c == null || c.server() == null || c.task() == null || c.stage() == null) {
                throw new IllegalArgumentException("incomplete");
            }
            return c;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw AemException.invalidInput("checkpoint", "is not a deploy's checkpoint. Give the text the deploy's "
                    + "checkpoint sink last received.");
        }
    }
}
