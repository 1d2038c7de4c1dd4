package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.Parallelism;
import io.jenkins.plugins.aem.client.definition.Substitutions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;

/**
 * The form checks of export and deploy, of one task or of a set, each by the client's own rule, and the pipeline's
 * short forms of their lists.
 */
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

    /** A release folder: required, relative, inside the workspace. */
    public static FormValidation checkDir(@CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.error(Messages.DeployForms_DirRequired());
        }
        try {
            WorkspaceFiles.checkRelative(value, "dir");
            return FormValidation.ok();
        } catch (AemException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** How many tasks at once: empty for the default, else a whole number the client takes. */
    public static FormValidation checkParallel(@CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            Parallelism.check(Integer.parseInt(value.strip()));
            return FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error(Messages.DeployForms_ParallelNotANumber(value.strip()));
        } catch (AemException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** A drift setting: empty for SUCCESS, else one of the three. */
    public static FormValidation checkOnDrift(@CheckForNull String value) {
        try {
            OnDrift.parse(value);
            return FormValidation.ok();
        } catch (AemException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static ListBoxModel onDriftItems() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.DeployForms_DriftSuccess(), "");
        items.add(Messages.DeployForms_DriftUnstable(), OnDrift.UNSTABLE.name());
        items.add(Messages.DeployForms_DriftFailure(), OnDrift.FAILURE.name());
        return items;
    }

    /** The run options of a task a deploy stopped: the default is RESUME_PROCESSING. */
    public static ListBoxModel runOptionItems() {
        ListBoxModel items = TaskForms.optionItems();
        items.get(0).name = Messages.DeployForms_DefaultRunOption();
        return items;
    }

    /**
     * The pipeline's short forms of the deploy and release steps' lists, made the lists their data binding expects:
     * {@code substitutions} and {@code values} as maps ({@code [ENV: 'PROD']}), {@code endpointCredentials} as a map
     * ({@code ['Oracle-Src': 'oracle-prod']}), and {@code tasks} as one text (a name a line).
     */
    public static Map<String, Object> shortForms(Map<String, Object> arguments) {
        Map<String, Object> args = new LinkedHashMap<>(arguments);
        args.computeIfPresent("substitutions", (k, v) -> entries(v, "name", "value"));
        args.computeIfPresent("values", (k, v) -> entries(v, "name", "value"));
        args.computeIfPresent("endpointCredentials", (k, v) -> entries(v, "endpoint", "credentialsId"));
        args.computeIfPresent("tasks", (k, v) -> v instanceof String text ? lines(text) : v);
        return args;
    }

    /** A form's text area of tasks ({@code tasksText}, one a line) as the step's list {@code tasks}. */
    public static JSONObject tasksFromForm(JSONObject formData) {
        JSONObject form = JSONObject.fromObject(formData);
        Object text = form.remove("tasksText");
        if (text != null) {
            form.put("tasks", JSONArray.fromObject(lines(text.toString())));
        }
        return form;
    }

    /** The lines of a text, each stripped, blank ones left out. */
    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
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
