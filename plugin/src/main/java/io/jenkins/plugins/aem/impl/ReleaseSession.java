package io.jenkins.plugins.aem.impl;

import hudson.FilePath;
import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.ProgressListener;
import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import io.jenkins.plugins.aem.report.DeployRecord;
import io.jenkins.plugins.aem.report.StepRecorder;
import java.time.Duration;
import java.util.Map;

/**
 * What a release of a folder, or its resume after a restart, works with: the workspace, the endpoints' secrets
 * (resolved from their credentials, in memory only), the client, each task's deploy time, and where backups are
 * archived.
 */
record ReleaseSession(StepEnvironment env, FilePath workspace, Map<String, EndpointSecret> secrets, StepClient aem,
                      Duration timeout, BackupArchive archive) {

    /** @throws io.jenkins.plugins.aem.client.AemException when a credential or the connection cannot be resolved */
    static ReleaseSession open(TaskTarget target, DeployOptions each, StepEnvironment env, FilePath workspace,
                               StepRecorder recorder) {
        Map<String, EndpointSecret> secrets = EndpointSecrets.resolve(each.endpointCredentials(), env.run());
        StepClient aem = StepClient.open(target, env, ConnectionResolver.Purpose.RELEASE, recorder, ProgressListener.NONE);
        Duration timeout = target.hasTimeout() ? aem.timeout() : DeployCall.DEFAULT_TIMEOUT;
        BackupArchive archive = new BackupArchive(env.run(), workspace, env.launcher(), env.listener(),
                (t, path) -> recorder.update(DeployRecord.class, r -> r.backupKept(t, path)));
        return new ReleaseSession(env, workspace, secrets, aem, timeout, archive);
    }

    AemClient client() {
        return aem.client();
    }

    /** Names the session by its workspace only: it holds secrets. */
    @Override
    public String toString() {
        return "ReleaseSession[" + workspace + "]";
    }
}
