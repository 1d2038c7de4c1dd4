package io.jenkins.plugins.aem.cli;

import picocli.CommandLine.Option;

/** Whether deploy-task and deploy-tasks may deploy a file exported from a newer Replicate than the target's. */
final class NewerVersionOption {

    @Option(names = "--allow-newer-version", description = "Deploy a file exported from a newer Replicate than the target's "
            + "(refused otherwise; an older one only warns).")
    boolean allowNewerVersion;
}
