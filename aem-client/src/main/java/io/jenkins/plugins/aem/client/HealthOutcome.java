package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a health wait ended when the conditions held: the read that showed it.
 *
 * @param status     the task's status at that read, every health value included
 * @param conditions the conditions that held
 * @param elapsed    from the start of the wait (the first start, for a resumed wait)
 */
public record HealthOutcome(TaskStatus status, HealthConditions conditions, Duration elapsed) {

    /** The task. */
    public TaskRef task() {
        return status.task();
    }

    /**
     * The values by name, as {@link TaskStatus#toMap()} has them, then {@code conditions} (in words) and
     * {@code elapsedSeconds}.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(status.toMap());
        m.put("conditions", conditions.toString());
        m.put("elapsedSeconds", elapsed.toMillis() / 1000.0);
        return Collections.unmodifiableMap(m);
    }
}
