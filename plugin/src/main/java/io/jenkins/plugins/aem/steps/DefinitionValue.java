package io.jenkins.plugins.aem.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.impl.DeployForms;
import io.jenkins.plugins.aem.impl.TaskForms;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A value for a definition file's <code>${NAME}</code> placeholder on a deploy, per environment for example. Not for
 * secrets: plans show the values. In a pipeline, {@code substitutions: [ENV: 'PROD']} is the short form of
 * {@code substitutions: [[name: 'ENV', value: 'PROD']]}.
 */
public final class DefinitionValue extends AbstractDescribableImpl<DefinitionValue> {

    private final String name;
    private final String value;

    @DataBoundConstructor
    public DefinitionValue(String name, String value) {
        this.name = name == null ? "" : name.strip();
        this.value = value == null ? "" : value;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    /** The values by name, with build variables expanded in each value. */
    public static Map<String, String> byName(List<DefinitionValue> values, UnaryOperator<String> expand) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach(v -> out.put(v.getName(), expand.apply(v.getValue())));
        return out;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<DefinitionValue> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.DefinitionValue_DisplayName();
        }

        @POST
        public FormValidation doCheckName(@AncestorInPath Item item, @QueryParameter String value) {
            TaskForms.checkConfigure(item);
            return DeployForms.checkPlaceholderName(value);
        }
    }
}
