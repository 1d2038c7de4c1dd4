package io.jenkins.plugins.aem.impl;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.aem.AemConnection;
import io.jenkins.plugins.aem.AemGlobalConfiguration;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.RunOption;
import io.jenkins.plugins.aem.client.RunRequest;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.client.Timeouts;
import io.jenkins.plugins.aem.client.TlsTrust;
import java.net.URI;
import jenkins.model.Jenkins;

/**
 * The form checks and lists of every descriptor. Each check applies the client's own rule and shows its message, so a
 * form refuses exactly what a build would.
 */
public final class TaskForms {

    private TaskForms() {
    }

    /**
     * Refuses users who may not configure here: the job when the form belongs to one, else Jenkins itself.
     *
     * @throws org.springframework.security.access.AccessDeniedException (HTTP 403)
     */
    public static void checkConfigure(@CheckForNull Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    /** Whether the user may configure here (see {@link #checkConfigure}). */
    public static boolean canConfigure(@CheckForNull Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    public static FormValidation checkUrl(@CheckForNull String value, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? FormValidation.error(Messages.TaskForms_UrlRequired()) : FormValidation.ok();
        }
        try {
            URI url = ConnectionSettings.parseUrl(value);
            return "http".equals(url.getScheme()) ? FormValidation.warning(Messages.TaskForms_PlainHttp()) : FormValidation.ok();
        } catch (AemException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static FormValidation checkTimeout(@CheckForNull String value, boolean optional) {
        if (value == null || value.isBlank()) {
            return optional ? FormValidation.ok(Messages.TaskForms_TimeoutDefault()) : FormValidation.error(Messages.TaskForms_TimeoutRequired());
        }
        try {
            Timeouts.ofSeconds(Long.parseLong(value.strip()));
            return FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error(Messages.TaskForms_TimeoutNotANumber(value.strip()));
        } catch (AemException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static FormValidation checkOption(@CheckForNull String value) {
        try {
            RunOption.parse(value);
            return FormValidation.ok();
        } catch (AemException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static FormValidation checkCdcPosition(@CheckForNull String option, @CheckForNull String value) {
        RunOption parsed;
        try {
            parsed = RunOption.parse(option);
        } catch (AemException e) {
            return FormValidation.ok(); // the option field shows that error
        }
        try {
            // RunRequest holds the rule for a position given without an option; the names are placeholders.
            new RunRequest(TaskRef.of("server", "task", null), parsed, value, false, null);
            return FormValidation.ok();
        } catch (AemException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static FormValidation checkCaBundle(@CheckForNull String value, @CheckForNull String tlsMode) {
        if (!TlsTrust.Mode.SYSTEM_AND_CA_BUNDLE.name().equals(tlsMode)) {
            return value == null || value.isBlank() ? FormValidation.ok() : FormValidation.warning(Messages.TaskForms_CaBundleIgnored());
        }
        try {
            int count = new TlsTrust(TlsTrust.Mode.SYSTEM_AND_CA_BUNDLE, value).caCertificates().size();
            return FormValidation.ok(Messages.TaskForms_CaBundleOk(count));
        } catch (AemException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /**
     * A global connection's name: it must exist, and not be combined with a URL given in the step. Neither given is not
     * an error here, though a build refuses it: a step just added starts so, and Jenkins may answer its first, queued
     * check after the user has chosen a connection, which would leave a stale error under the choice.
     */
    public static FormValidation checkConnection(@CheckForNull String value, @CheckForNull String url) {
        boolean hasUrl = url != null && !url.isBlank();
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        if (hasUrl) {
            return FormValidation.error(Messages.TaskForms_ConnectionAndUrl());
        }
        try {
            ConnectionResolver.globalConnection(value);
            return FormValidation.ok();
        } catch (AemException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static ListBoxModel connectionItems() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.TaskForms_InlineConnection(), "");
        for (AemConnection c : AemGlobalConfiguration.get().getConnections()) {
            items.add(c.getName() + " (" + c.getUrl() + ")", c.getName());
        }
        return items;
    }

    public static ListBoxModel optionItems() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.TaskForms_DefaultOption(), "");
        for (RunOption option : RunOption.values()) {
            items.add(option.name() + ": " + option.displayName(), option.name());
        }
        return items;
    }

    /**
     * The credentials a user may choose for AEM at this URL: those the job can use, or the controller's for a global
     * connection. Callers check permission first and otherwise show {@link #currentValueOnly}.
     */
    public static ListBoxModel credentialsItems(@CheckForNull Item item, @CheckForNull String url, @CheckForNull String current) {
        StandardListBoxModel items = new StandardListBoxModel();
        items.includeEmptyValue();
        if (item == null) {
            items.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, AemCredentials.requirements(url),
                    AemCredentials.USABLE);
        } else {
            items.includeMatchingAs(item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2,
                    item, StandardCredentials.class, AemCredentials.requirements(url), AemCredentials.USABLE);
        }
        return items.includeCurrentValue(current == null ? "" : current);
    }

    /** What a user who may not see the credentials gets: the value already saved, nothing more. */
    public static ListBoxModel currentValueOnly(@CheckForNull String current) {
        return new StandardListBoxModel().includeCurrentValue(current == null ? "" : current);
    }
}
