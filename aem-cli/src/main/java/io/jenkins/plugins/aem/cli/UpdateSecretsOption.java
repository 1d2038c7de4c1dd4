package io.jenkins.plugins.aem.cli;

import picocli.CommandLine.Option;

/** Whether deploy-task and deploy-tasks rotate the secrets given even where nothing else changes. */
final class UpdateSecretsOption {

    @Option(names = "--update-secrets", description = "Rotate: send the secrets given for endpoints the target has even "
            + "when nothing else changes (through PatchEndpoint on their secret fields alone, or with the import when "
            + "there is one), test them, and name the other tasks that use them (restarted with --stop-if-running). In "
            + "a release each endpoint is rotated once, by the task that carries it.")
    boolean updateSecrets;
}
