package io.jenkins.plugins.aem.client.definition;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a definition from one form into another (see the package description): what AEM exported into a file or a
 * backup, a file into what AEM is sent, and either into the form plans and checks compare.
 */
public final class DefinitionForms {

    private DefinitionForms() {
    }

    /**
     * What {@code aem export-task} writes: normalised, literal <code>${</code> escaped, every secret a placeholder.
     * It holds no usable secret and works on any server.
     */
    public static TaskDefinition portable(TaskDefinition exported) {
        return SecretMasker.mask(escaped(CanonicalForm.normalize(exported, false))).definition();
    }

    /**
     * A backup that goes back onto the server it came from: normalised and escaped, with the task's identity and its
     * ciphertext kept, which only that server can decrypt. Treat it as secret material.
     */
    public static TaskDefinition restorable(TaskDefinition exported) {
        return escaped(CanonicalForm.normalize(exported, true));
    }

    /**
     * The export a backup was made from, from its restorable text ({@link #restorable}): normalised, ciphertext and
     * identity kept, as AEM exported it but for the volatile fields. What a restore imports and compares with.
     */
    public static TaskDefinition fromRestorable(String restorableText) {
        ObjectNode tree = TaskDefinition.parse(restorableText).json();
        StringValues.rewrite(tree, (place, value) -> Placeholders.unescape(value));
        return TaskDefinition.owning(tree);
    }

    /** What AEM exported, in the form a plan compares: as {@link #portable}. */
    public static TaskDefinition comparableExport(TaskDefinition exported) {
        return portable(exported);
    }

    /** A file (after substitutions) in the form a plan compares: normalised, identity dropped, secrets masked. */
    public static TaskDefinition comparableFile(TaskDefinition file) {
        return SecretMasker.mask(CanonicalForm.normalize(file, false)).definition();
    }

    /**
     * A file as AEM is to receive it: every <code>$${</code> back to <code>${</code>. Secrets must have been filled
     * before ({@link SecretFiller}); a secret placeholder left in it is a bug and fails here, so none is ever sent.
     *
     * @throws IllegalStateException when a secret placeholder is left
     */
    public static TaskDefinition wire(TaskDefinition file) {
        ObjectNode tree = file.json();
        StringValues.rewrite(tree, (place, value) -> {
            if (SecretPlaceholder.parse(value).isPresent()) {
                throw new IllegalStateException("a secret placeholder was left unfilled at " + place.dotted());
            }
            return Placeholders.unescape(value);
        });
        return TaskDefinition.owning(tree);
    }

    private static TaskDefinition escaped(TaskDefinition definition) {
        ObjectNode tree = definition.json();
        StringValues.rewrite(tree, (place, value) -> Placeholders.escape(value));
        return TaskDefinition.owning(tree);
    }
}
