package io.jenkins.plugins.aem.client;

/**
 * The definition a task had before a deploy changed it, taken before anything changed, in two forms.
 *
 * @param task           the task
 * @param portableText   the file form: secrets as placeholders; safe to archive and show
 * @param restorableText the backup that restores the task on its own server: it keeps the endpoints' ciphertext,
 *                       which only that server can decrypt, and the task's identity. Secret material: keep it where only
 *                       its owner can read it, never in a build's archive or log
 */
public record DeployBackup(TaskRef task, String portableText, String restorableText) {

    @Override
    public String toString() {
        return "DeployBackup[" + task + ", " + portableText.length() + " characters]";
    }
}
