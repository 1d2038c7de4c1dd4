package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.HealthConditions;
import io.jenkins.plugins.aem.client.TaskState;
import java.time.Duration;

/** The form checks of a health wait: each applies the client's own rule, so a form refuses what a build would. */
public final class HealthForms {

    private HealthForms() {
    }

    public static ListBoxModel stateItems() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.HealthForms_AnyState(), "");
        items.add(TaskState.RUNNING.name(), TaskState.RUNNING.name());
        items.add(TaskState.STOPPED.name(), TaskState.STOPPED.name());
        return items;
    }

    /** The latency with the state it may not be combined with; a blank value is no latency condition. */
    public static FormValidation checkMaxLatency(@CheckForNull String value, @CheckForNull String state) {
        return check(value, "maxLatency", seconds -> new HealthConditions(HealthConditions.state(state), false,
                Duration.ofSeconds(seconds), null, false));
    }

    /** The hold with the latency it needs. */
    public static FormValidation checkLatencyHeldFor(@CheckForNull String value, @CheckForNull String maxLatency) {
        return check(value, "latencyHeldFor", seconds -> new HealthConditions(null, false,
                parse(maxLatency) == null ? null : Duration.ofSeconds(parse(maxLatency)), Duration.ofSeconds(seconds), false));
    }

    private interface Rule {
        void apply(long seconds);
    }

    private static FormValidation check(@CheckForNull String value, String field, Rule rule) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        Long seconds = parse(value);
        if (seconds == null) {
            return FormValidation.error(Messages.HealthForms_NotSeconds(field, value.strip()));
        }
        try {
            rule.apply(seconds);
            return FormValidation.ok();
        } catch (AemException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    @CheckForNull
    private static Long parse(@CheckForNull String value) {
        try {
            return value == null || value.isBlank() ? null : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
