package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.DeployPlan;
import java.time.Duration;
import java.util.List;

/**
 * How a deploy that did not fail ended.
 *
 * @param task           the task
 * @param result         deployed, nothing to change, or planned only
 * @param plan           what the deploy found to change
 * @param actions        what was done, in order ("stopped the task", "imported the definition", ...)
 * @param restarted      whether the task, stopped for the deploy, was run again
 * @param warnings       what the user should know (version differences, endpoints kept, unused substitutions, ...)
 * @param backupLocation where the backup was kept, or {@code null} when there was none (new task, or no sink)
 * @param elapsed        from the start to the end of the deploy
 * @param testedEndpoints the endpoints TestEndpoint found CONNECTED before the task ran again (empty when none was
 *                       created or changed, when the test was skipped, or when AEM has no TestEndpoint for this account:
 *                       the warnings then say so)
 * @param resumed        how a deploy interrupted earlier was taken up ({@link AemClient#resumeDeploy}), or {@code null}
 */
public record DeployOutcome(TaskRef task, Result result, DeployPlan plan, List<String> actions, boolean restarted,
                            List<String> warnings, String backupLocation, Duration elapsed, List<String> testedEndpoints,
                            String resumed) {

    /** How a deploy ended. */
    public enum Result {
        /** The definition was imported and checked, and the task is in the state it was in before (or created). */
        DEPLOYED,
        /** The target already matched the file: nothing was sent. */
        NO_CHANGE,
        /** A dry run: the plan only; nothing was changed. */
        DRY_RUN
    }

    public DeployOutcome {
        actions = List.copyOf(actions);
        warnings = List.copyOf(warnings);
        testedEndpoints = List.copyOf(testedEndpoints);
    }

    /** A deploy's outcome that tested no endpoint and was not resumed. */
    public DeployOutcome(TaskRef task, Result result, DeployPlan plan, List<String> actions, boolean restarted,
                         List<String> warnings, String backupLocation, Duration elapsed) {
        this(task, result, plan, actions, restarted, warnings, backupLocation, elapsed, List.of(), null);
    }
}
