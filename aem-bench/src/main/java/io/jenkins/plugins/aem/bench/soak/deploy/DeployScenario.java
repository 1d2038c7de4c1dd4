package io.jenkins.plugins.aem.bench.soak.deploy;

/**
 * What a deploy of the soak does, with how often it is drawn. The first ones succeed when nothing gets in their way and
 * exercise the whole engine (changes of settings, tables and endpoints, new tasks, no-change deploys, replace, running
 * tasks); the {@link #refused} ones must fail for a reason of their own, before anything changes. {@link CasePlanner}
 * turns one into a {@link DeployInput} and its {@link Expectation}.
 */
enum DeployScenario {
    CHANGE_SETTING(20, "a setting changed"),
    ADD_TABLE(12, "a table added"),
    CHANGE_ENDPOINT(8, "an endpoint's host changed, its secrets given"),
    SUBSTITUTE(6, "a setting given by a substitution"),
    ROTATE_SECRET(5, "a setting changed and an endpoint's password rotated"),
    NEW_ENDPOINT(4, "a second target endpoint created"),
    NO_CHANGE(12, "the file already in place"),
    DRY_RUN(5, "a change planned only"),
    NEW_TASK(6, "a new task created from another's file"),
    REPLACE(8, "a table or setting removed, with replace"),
    OLDER_FILE(3, "a change in a file from an older Replicate"),
    RUNNING_WITHOUT_STOP(3, "a change to a running task, without stopIfRunning", true),
    REMOVE_WITHOUT_REPLACE(3, "a table removed, without replace", true),
    NEWER_FILE(2, "a file from a newer Replicate", true),
    MISSING_ENDPOINT(2, "a target the file does not carry and the server lacks", true),
    CIPHERTEXT(2, "a backup's ciphertext pasted into a file", true),
    NO_DESIGNER(2, "a change by an account without Designer", true),
    SECRET_MISSING(2, "a new endpoint without its secret", true),
    PLACEHOLDER_UNSET(1, "a placeholder without a value", true),
    NO_BACKUP_FILE(1, "no --backup on the command line", true);

    final int weight;
    final String what;
    final boolean refused;

    DeployScenario(int weight, String what) {
        this(weight, what, false);
    }

    DeployScenario(int weight, String what, boolean refused) {
        this.weight = weight;
        this.what = what;
        this.refused = refused;
    }

    /** Whether a deploy of this kind that succeeds sends ImportTask. */
    boolean sendsImport() {
        return !refused && this != NO_CHANGE && this != DRY_RUN;
    }
}
