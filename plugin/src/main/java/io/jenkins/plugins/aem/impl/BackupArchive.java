package io.jenkins.plugins.aem.impl;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.aem.client.BackupSink;
import io.jenkins.plugins.aem.client.DeployBackup;
import io.jenkins.plugins.aem.client.TaskRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.BiConsumer;
import jenkins.util.BuildListenerAdapter;

/**
 * Archives a deploy's backup with the build before the deploy changes anything, in its portable form: secrets as
 * placeholders, so the archive holds nothing usable. The restorable form, which keeps the target's own encrypted
 * secrets, is never archived: {@link DurableDeploy} keeps it in the build's folder, encrypted.
 */
final class BackupArchive implements BackupSink {

    private final Run<?, ?> run;
    private final FilePath workspace;
    private final Launcher launcher;
    private final TaskListener listener;
    private final BiConsumer<TaskRef, String> archived;

    /**
     * @param workspace where the file is written to be archived, or {@code null} to write it on the controller
     * @param archived  told of each backup's task and path among the build's artifacts, once it is archived
     */
    BackupArchive(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener,
                  BiConsumer<TaskRef, String> archived) {
        this.run = run;
        this.workspace = workspace;
        this.launcher = launcher;
        this.listener = listener;
        this.archived = archived;
    }

    /** The artifact's path: {@code aem-backups/SERVER/TASK.json}, numbered when a build deploys the task twice. */
    static String artifactPath(Run<?, ?> run, DeployBackup backup) throws IOException {
        String base = "aem-backups/" + safe(backup.task().server()) + "/" + safe(backup.task().task());
        String path = base + ".json";
        for (int n = 2; run.getArtifactManager().root().child(path).exists(); n++) {
            path = base + "-" + n + ".json";
        }
        return path;
    }

    private static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.startsWith(".") ? "_" + s : s;
    }

    /**
     * Archives one backup. A release keeps several at once from the client's threads: one at a time, so that two tasks
     * whose names make the same artifact path are numbered apart rather than written over each other.
     */
    @Override
    public synchronized String keep(DeployBackup backup) throws Exception {
        String path = artifactPath(run, backup);
        // A step without a workspace (a rotation, a deploy taken up after a restart) archives from the controller.
        FilePath dir = workspace == null ? new FilePath(Files.createTempDirectory("aem-backup").toFile())
                : WorkspaceList.tempDir(workspace);
        if (dir == null) {
            throw new IllegalStateException("the workspace has no temporary folder");
        }
        dir.mkdirs();
        FilePath file = dir.createTempFile("aem-backup-", ".json");
        try {
            file.write(backup.portableText(), StandardCharsets.UTF_8.name());
            run.pickArtifactManager().archive(dir, workspace == null ? new Launcher.LocalLauncher(listener) : launcher,
                    BuildListenerAdapter.wrap(listener), Map.of(path, file.getName()));
        } finally {
            file.delete();
            if (workspace == null) {
                dir.deleteRecursive();
            }
        }
        archived.accept(backup.task(), path);
        return "artifact " + path + " of " + run.getFullDisplayName() + " (secrets as placeholders)";
    }

    @Override
    public String howToRestore() {
        return "put the task back by deploying that file with aemDeployTask and the endpoints' credentials, or with "
                + "ImportTask in AEM";
    }
}
