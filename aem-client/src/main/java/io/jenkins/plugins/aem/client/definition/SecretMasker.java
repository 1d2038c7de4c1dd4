package io.jenkins.plugins.aem.client.definition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Replaces every secret of a definition ({@link SecretFields}) by the {@link SecretPlaceholder} naming its endpoint
 * and field, and tells where secrets are. The masked definition holds no usable secret.
 */
public final class SecretMasker {

    private SecretMasker() {
    }

    /** A masked definition and the placeholders put into it. */
    public record Masked(TaskDefinition definition, SortedSet<SecretPlaceholder> placeholders) {
        public Masked {
            placeholders = Collections.unmodifiableSortedSet(new TreeSet<>(placeholders));
        }
    }

    /** The definition with every secret replaced by its placeholder. */
    public static Masked mask(TaskDefinition definition) {
        ObjectNode tree = definition.json();
        SortedSet<SecretPlaceholder> placeholders = new TreeSet<>();
        StringValues.rewrite(tree, (place, value) -> {
            if (!SecretFields.isSecret(place.key(), value)) {
                return value;
            }
            SecretPlaceholder p = placeholderFor(place);
            placeholders.add(p);
            return p.text();
        });
        return new Masked(TaskDefinition.owning(tree), placeholders);
    }

    /** Where the definition holds Replicate ciphertext ({@code {Z...}}), named as placeholders would name it. */
    public static SortedSet<SecretPlaceholder> encrypted(TaskDefinition definition) {
        return find(definition, false);
    }

    /** Where the definition holds a secret in clear text (not ciphertext, not a placeholder). */
    public static SortedSet<SecretPlaceholder> clearText(TaskDefinition definition) {
        return find(definition, true);
    }

    /** Every secret placeholder the definition holds. */
    public static SortedSet<SecretPlaceholder> placeholders(TaskDefinition definition) {
        SortedSet<SecretPlaceholder> found = new TreeSet<>();
        StringValues.rewrite(definition.json(), (place, value) -> {
            SecretPlaceholder.parse(value).ifPresent(found::add);
            return value;
        });
        return found;
    }

    private static SortedSet<SecretPlaceholder> find(TaskDefinition definition, boolean clear) {
        SortedSet<SecretPlaceholder> found = new TreeSet<>();
        StringValues.rewrite(definition.json(), (place, value) -> {
            if (SecretFields.isSecret(place.key(), value) && SecretFields.isEncrypted(value) != clear) {
                found.add(placeholderFor(place));
            }
            return value;
        });
        return found;
    }

    static SecretPlaceholder placeholderFor(StringValues.Place place) {
        return place.inEndpoint() && place.field() != null
                ? new SecretPlaceholder(place.endpoint(), place.field())
                : new SecretPlaceholder("", place.dotted());
    }
}
