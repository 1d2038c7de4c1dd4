package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.aem.client.AemException;
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
}
