package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.CanonicalForm;
import io.jenkins.plugins.aem.client.definition.DefinitionForms;
import io.jenkins.plugins.aem.client.definition.ReplicateVersion;
import io.jenkins.plugins.aem.client.definition.SecretMasker;
import io.jenkins.plugins.aem.client.definition.SecretPlaceholder;
import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import io.jenkins.plugins.aem.client.release.FileNames;
import java.util.List;
import java.util.Optional;

/**
 * A task's definition as exported for version control: canonical text (sorted keys, volatile fields dropped, final
 * newline) in which every secret is a placeholder <code>${secret:ENDPOINT/FIELD}</code>. It holds no usable secret.
 *
 * @param task         the task exported
 * @param text         the file's content
 * @param fileName     a file name for it, made of the task's name ({@code Orders.json}; see {@link FileNames})
 * @param placeholders the secret placeholders in it, each to be filled (or left to the target) on a deploy
 * @param version      the Replicate version it was exported from, or empty when the export did not say
 */
public record ExportedDefinition(TaskRef task, String text, String fileName, List<String> placeholders, String version) {

    public ExportedDefinition {
        placeholders = List.copyOf(placeholders);
    }

    /**
     * What an export of {@code task} found, in the form kept under version control.
     *
     * @throws AemException ({@code AEM_TASK_NOT_FOUND}) when AEM has no such task
     */
    static ExportedDefinition of(TaskRef task, Optional<TaskDefinition> found) {
        TaskDefinition raw = found.orElseThrow(() -> AemException.of(FailureKind.AEM_ERROR, "AEM has no " + task
                + " to export.").errorCode(AemErrorCode.AEM_TASK_NOT_FOUND.name())
                .remedy(AemErrorCode.AEM_TASK_NOT_FOUND.remedy()).build());
        TaskDefinition file = DefinitionForms.portable(raw);
        List<String> placeholders = SecretMasker.placeholders(file).stream().map(SecretPlaceholder::text).toList();
        return new ExportedDefinition(task, CanonicalForm.text(file), FileNames.of(task.task()), placeholders,
                raw.version().map(ReplicateVersion::text).orElse(""));
    }
}
