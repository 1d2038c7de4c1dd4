package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Result;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.DeployTasksOutcome;
import io.jenkins.plugins.aem.client.FailureKind;
import io.jenkins.plugins.aem.client.ReleasedTask;
import java.util.List;
import java.util.Locale;

/**
 * What a dry run of a release that finds the server differing from the folder (drift) does to the build: the three
 * names are Jenkins' build results. The step returns the differing tasks in each case it does not fail.
 */
public enum OnDrift {
    /** The build goes on as it is: a plan, then an approval, then the release stays green. */
    SUCCESS,
    /** The build is marked UNSTABLE and goes on: a scheduled check that shows in the job's trend. */
    UNSTABLE,
    /** The step fails, as the {@code aem} command exits 7: a scheduled check that alerts. */
    FAILURE;

    /**
     * The setting as the user gave it; empty for {@link #SUCCESS}.
     *
     * @throws AemException ({@code INVALID_INPUT}) for any other word
     */
    public static OnDrift parse(@CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return SUCCESS;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AemException.invalidInput("onDrift", "'" + value.strip() + "' is not SUCCESS, UNSTABLE or FAILURE. "
                    + "Give what a dry run that finds the server differing from the folder does to the build.");
        }
    }

    /**
     * Does to the build what this says, for a dry run whose server differs from the folder {@code dir}.
     *
     * @throws AemException ({@code DEPLOY_REFUSED}) for {@link #FAILURE}: the step fails
     */
    void apply(StepEnvironment env, DeployTasksOutcome outcome, String dir) {
        List<String> drift = ReleaseResults.names(outcome.with(ReleasedTask.Result.DRIFT));
        String differs = "Server '" + outcome.server() + "' differs from " + dir + ": a release would create or change "
                + drift.size() + " task(s): " + Outcomes.names(drift) + ".";
        switch (this) {
            case UNSTABLE -> {
                env.listener().getLogger().println(ConsoleProgress.PREFIX + differs + " The build is UNSTABLE "
                        + "(onDrift: 'UNSTABLE').");
                env.run().setResult(Result.UNSTABLE);
            }
            case FAILURE -> throw AemException.of(FailureKind.DEPLOY_REFUSED, differs + " This was a dry run: nothing "
                    + "was changed, and the step fails as onDrift: 'FAILURE' asks.").remedy("Review the plan above: "
                    + "release the folder to bring the server in line, or export the server into the folder if the "
                    + "server is right.").build();
            default -> { }
        }
    }
}
