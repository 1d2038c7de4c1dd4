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
 */
public record DeployCheckpoint(String server, String task, Stage stage, String stateBefore, List<Change> changes,
                               List<String> endpointsWritten, List<String> endpointsRotated,
                               List<String> tasksToRestart) implements Serializable {

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
        return new DeployCheckpoint(server, task, stage, stateBefore, next, endpointsWritten, endpointsRotated, tasksToRestart);
    }

    /** This checkpoint in another stage. */
    DeployCheckpoint in(Stage next) {
        return new DeployCheckpoint(server, task, next, stateBefore, changes, endpointsWritten, endpointsRotated, tasksToRestart);
    }

    /** This checkpoint with what the deploy found it will write, rotate and restart. */
    DeployCheckpoint planned(List<String> written, List<String> rotated, List<String> restart) {
        return new DeployCheckpoint(server, task, stage, stateBefore, changes, written, rotated, restart);
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
