package io.jenkins.plugins.aem.report;

import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.client.TaskStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** A status read: the values it read, by the names the step returns them under. */
public final class StatusRecord extends StepRecord {

    private final LinkedHashMap<String, String> values = new LinkedHashMap<>();

    public StatusRecord(String connection, String server, String task) {
        super(connection, server, task, Messages.StatusRecord_Asked());
    }

    @Override
    public String getKind() {
        return Messages.StatusRecord_Kind();
    }

    /** The values read, a value AEM did not send as an empty text. */
    public Map<String, String> getValues() {
        return read(() -> new LinkedHashMap<>(values));
    }

    public void values(TaskStatus status) {
        write(() -> status.toMap().forEach((k, v) -> values.put(k, v == null ? "" : String.valueOf(v))), true);
        succeeded(status.rawState() + (status.message().isBlank() ? "" : " " + Messages.StepRecord_AemSays(status.message())));
    }
}
