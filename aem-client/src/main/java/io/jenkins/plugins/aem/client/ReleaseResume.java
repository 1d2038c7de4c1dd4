package io.jenkins.plugins.aem.client;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link AemClient#resumeDeployTasks} needs besides the release's request and folder: what the interrupted release
 * left behind, for each task whose deploy had told its checkpoint sink anything (a task it had not reached has none).
 *
 * @param tasks each such task's backup and last checkpoint, as {@link AemClient#resumeDeploy} takes them for one task;
 *              every checkpoint carries its place in the release ({@link DeployCheckpoint#release()})
 */
public record ReleaseResume(List<DeployResume> tasks) {

    /** @throws AemException ({@link FailureKind#INVALID_INPUT}) when a checkpoint is not a release's, or is given twice */
    public ReleaseResume {
        tasks = List.copyOf(tasks == null ? List.of() : tasks);
        Map<String, DeployResume> seen = new TreeMap<>();
        for (DeployResume r : tasks) {
            DeployCheckpoint c = r.checkpoint();
            if (c.release() == null) {
                throw AemException.invalidInput("checkpoint", "of " + c.taskRef() + " is not of a release's deploy: it has "
                        + "no place in a release. Resume a deploy of its own with resumeDeploy.");
            }
            if (seen.put(c.server() + "\n" + c.task(), r) != null) {
                throw AemException.invalidInput("checkpoint", "of " + c.taskRef() + " is given twice. Give each task's last "
                        + "checkpoint once.");
            }
        }
        if (tasks.stream().map(r -> r.checkpoint().release().atomic()).distinct().count() > 1) {
            throw AemException.invalidInput("checkpoints", "come from an atomic release and from one that is not. Give "
                    + "the checkpoints of one release.");
        }
    }

    /** Each task's resume, by task name. */
    Map<String, DeployResume> byTask() {
        Map<String, DeployResume> out = new TreeMap<>();
        tasks.forEach(r -> out.put(r.checkpoint().task(), r));
        return out;
    }

    /** Whether a task of the release had failed, or was being put back, before the interruption. */
    boolean failedBefore() {
        return tasks.stream().map(DeployResume::checkpoint).anyMatch(c -> c.restoring() || c.end() == DeployCheckpoint.End.FAILED);
    }

    /**
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) when the checkpoints are not of this release: another
     *                      server, atomic where the request is not (or the other way), or a dry run, which changes
     *                      nothing and has nothing to resume
     */
    void check(DeployTasksRequest request) {
        if (request.dryRun()) {
            throw AemException.invalidInput("dryRun", "cannot go with a resume: a dry run changes nothing. Resume the "
                    + "release with the request it ran with.");
        }
        for (DeployResume r : tasks) {
            DeployCheckpoint c = r.checkpoint();
            if (!c.server().equals(request.server()) || c.release().atomic() != request.atomic()) {
                throw AemException.invalidInput("checkpoint", "of " + c.taskRef() + " is not of this release (server '"
                        + request.server() + "', " + (request.atomic() ? "atomic" : "not atomic") + "). Resume the "
                        + "release with the request it ran with.");
            }
        }
    }

    /**
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) when the folder no longer holds a task the interrupted
     *                      release had reached: it is needed to finish or put back that task
     */
    void checkFolder(java.util.Set<String> held, String folder) {
        List<String> gone = tasks.stream().map(r -> r.checkpoint().task()).filter(t -> !held.contains(t)).toList();
        if (!gone.isEmpty()) {
            throw AemException.invalidInput("folder", folder + " no longer holds the file of task" + (gone.size() == 1
                    ? " '" : "s '") + String.join("', '", gone) + "', which the interrupted release had reached. Resume "
                    + "with the folder as the release had it (its commit), so that each task is finished or put back. "
                    + "Nothing was sent to AEM.");
        }
    }

    /** Names the tasks and where each was; never a backup. */
    @Override
    public String toString() {
        return "ReleaseResume" + tasks;
    }
}
