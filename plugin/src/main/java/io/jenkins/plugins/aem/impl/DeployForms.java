package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.FormValidation;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.definition.Substitutions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The form checks of export and deploy, each by the client's own rule, and the pipeline's short forms of their lists. */
public final class DeployForms {

    private DeployForms() {
    }

    public static FormValidation checkPlaceholderName(@CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.error(Messages.DeployForms_NameRequired());
        }
        try {
            Substitutions.of(Map.of(value.strip(), ""));
            return FormValidation.ok();
        } catch (AemException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static FormValidation checkEndpoint(@CheckForNull String value) {
        return value == null || value.isBlank() ? FormValidation.error(Messages.DeployForms_EndpointRequired())
                : FormValidation.ok();
    }

    /** A workspace path: relative, inside the workspace. */
    public static FormValidation checkFile(@CheckForNull String value, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? FormValidation.error(Messages.DeployForms_DefinitionRequired()) : FormValidation.ok();
        }
        try {
            WorkspaceFiles.checkRelative(value, "file");
            return FormValidation.ok();
        } catch (AemException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /**
     * A list argument as the pipeline may give it: a map ({@code [ENV: 'PROD']}) becomes the list of maps the step's
     * data binding expects ({@code [[name: 'ENV', value: 'PROD']]}); anything else is left to the binding.
     */
    public static Object entries(Object argument, String keyName, String valueName) {
        if (!(argument instanceof Map<?, ?> map)) {
            return argument;
        }
        List<Map<String, Object>> list = new ArrayList<>();
        map.forEach((k, v) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(keyName, k == null ? null : k.toString());
            entry.put(valueName, v == null ? null : v.toString());
            list.add(entry);
        });
        return list;
    }
}
