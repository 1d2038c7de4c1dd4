package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.DeployPlan;
import java.time.Duration;

/**
 * A fact an operation makes known while it runs, in structured form, beside the progress line that words it (or in
 * place of one, for facts too frequent to print, such as every read of a health wait). It is for callers that keep a
 * record of the operation, such as the Jenkins plugin's page of a build; a caller that only prints ignores facts
 * ({@link ProgressListener#onFact}'s default). Like the progress lines, a fact holds no secret: definitions in it are in
 * comparison form, their secrets placeholders.
 */
public interface ProgressFact {

    /** The task the fact is about. */
    TaskRef task();

    /**
     * A run or stop read the task in a state other than the last one it saw (or saw it for the first time).
     *
     * @param task     the task
     * @param rawState the state as AEM spelled it
     */
    record StateSeen(TaskRef task, String rawState) implements ProgressFact {
    }

    /**
     * A health wait read the task's details and judged them; one fact per read.
     *
     * @param status the values read
     * @param held   how long, by the reads, the total latency has stayed at or below the wait's maximum up to this read;
     *               zero when it is above it, or when the wait has no latency condition
     */
    record HealthRead(TaskStatus status, Duration held) implements ProgressFact {

        @Override
        public TaskRef task() {
            return status.task();
        }
    }

    /**
     * A deploy worked out its plan, before it changed anything; a dry run's, a refused deploy's and a failed deploy's
     * too. Each change carries the difference it stands for, where there is one.
     *
     * @param task the target task
     * @param plan the plan
     */
    record DeployPlanned(TaskRef task, DeployPlan plan) implements ProgressFact {
    }

    /**
     * A deploy did something to the task: stopped, imported, checked, ran it again, or, after a failure, a step of the
     * restore. The same words go into {@link DeployOutcome#actions()} when the deploy succeeds.
     *
     * @param task   the target task
     * @param action what was done, for example {@code imported the definition into task 'X' on server 'Y'}
     */
    record DeployAction(TaskRef task, String action) implements ProgressFact {
    }

    /**
     * A deploy ended, however it ended: deployed, unchanged, a dry run, refused, failed, or cancelled (once its task
     * was put back, when it had changed it). A release tells it for each task it deploys, not for those it only planned.
     *
     * @param task    the target task
     * @param elapsed how long the deploy took, from its start to its end, a restore included
     */
    record DeployEnded(TaskRef task, Duration elapsed) implements ProgressFact {
    }
}
