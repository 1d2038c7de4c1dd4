package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.DeployCheckpoint.End;
import io.jenkins.plugins.aem.client.DeployCheckpoint.Stage;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One task of a resumed release ({@link AemClient#resumeDeployTasks}) that the interrupted release had reached, as its
 * last checkpoint tells: a deploy that had ended needs nothing more (unless it could not be put back); any other is
 * taken up as {@link AemClient#resumeDeploy} takes up a single deploy ({@link DeployResumption}), never sending its
 * import twice; and a task deployed before the interruption is put back from its backup when the atomic release fails.
 */
final class ResumedTask {

    private final ReleaseRun run;
    private final DeployResume resume;

    ResumedTask(ReleaseRun run, DeployResume resume) {
        this.run = run;
        this.resume = resume;
    }

    DeployCheckpoint checkpoint() {
        return resume.checkpoint();
    }

    /** The deploy's place among the release's deploys, as the interrupted release started them. */
    int order() {
        return resume.checkpoint().release().order();
    }

    /** Whether the deploy had ended, deployed, before the interruption. */
    boolean deployedBefore() {
        DeployCheckpoint c = resume.checkpoint();
        return c.stage() == Stage.DONE && c.end() == End.DEPLOYED;
    }

    /**
     * How the task ended before the interruption, when its deploy had ended and needs nothing more; {@code null} when
     * it is to be taken up (it had not ended, or could not be put back).
     */
    ReleasedTask ended(PlannedTask plan) {
        DeployCheckpoint c = resume.checkpoint();
        if (c.stage() != Stage.DONE || c.end() == null || c.end() == End.NOT_RESTORED) {
            return null;
        }
        TaskRef task = c.taskRef();
        String backup = resume.backupLocation();
        return switch (c.end()) {
            case DEPLOYED -> new ReleasedTask(plan, ReleasedTask.Result.DEPLOYED, List.of(), backup, null, null, List.of(),
                    "deployed before the interruption");
            case NO_CHANGE -> new ReleasedTask(plan, ReleasedTask.Result.NO_CHANGE, List.of(), null, null, null, List.of(),
                    "found nothing to change before the interruption");
            case FAILED -> new ReleasedTask(plan, ReleasedTask.Result.FAILED, List.of(), null, AemException.of(
                    FailureKind.AEM_ERROR, "The deploy of " + task + " failed before the interruption, before it changed "
                            + "anything.").remedy("Its error is in the output of the run that was interrupted; fix what it "
                            + "says, then run the release again.").task(task).build(), null, List.of(),
                    "failed before the interruption; nothing was changed");
            case RESTORED -> new ReleasedTask(plan, ReleasedTask.Result.FAILED, List.of(), backup, AemException.of(
                    FailureKind.DEPLOY_RESTORED, "The deploy of " + task + " failed before the interruption, and the task "
                            + "was put back as it was.").remedy("Its error is in the output of the run that was "
                            + "interrupted; fix what it says, then run the release again.").task(task).build(), null,
                    List.of(), "put back before the interruption, after its deploy failed");
            default -> new ReleasedTask(plan, ReleasedTask.Result.UNDONE, List.of(), backup, AemException.of(
                    FailureKind.DEPLOY_RESTORED, "The deploy of " + task + " was put back before the interruption: its "
                            + "atomic release failed.").task(task).build(), null, List.of(),
                    "put back before the interruption, as its atomic release failed");
        };
    }

    /** Takes the task's deploy up, with {@code request}; {@link DeployExecution#result} tells how it ended. */
    DeployExecution start(DeployRequest request) {
        DeployExecution execution = run.execution(request, ReleaseSlot.NONE, resume.checkpoint());
        new DeployResumption(execution, resume).start();
        return execution;
    }

    /**
     * Puts back the task, deployed before the interruption, from its backup, because the atomic release failed for
     * {@code cause}: completes, never exceptionally, with the restore's report.
     */
    CompletableFuture<AemException> undo(DeployRequest request, AemException cause) {
        DeployExecution execution = run.execution(request, ReleaseSlot.NONE, resume.checkpoint());
        new DeployResumption(execution, resume).undo(cause);
        return execution.result.handle((outcome, e) -> run.reader().transport(e, "the restore"));
    }
}
