package io.jenkins.plugins.aem.impl;

import io.jenkins.plugins.aem.client.TaskOutcome;
import java.util.LinkedHashMap;

/**
 * What a pipeline step returns: a plain map, so that scripts (sandboxed ones too) can read {@code result.state} with
 * no extra approvals, and the value survives a restart.
 */
public final class OutcomeMap {

    private OutcomeMap() {
    }

    /**
     * The keys are {@code state} (as AEM spells it), {@code stopReason}, {@code message}, {@code elapsedSeconds},
     * {@code server} and {@code task}.
     */
    public static LinkedHashMap<String, Object> of(TaskOutcome outcome) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("state", outcome.rawState());
        map.put("stopReason", outcome.stopReason().name());
        map.put("message", outcome.message());
        map.put("elapsedSeconds", outcome.elapsed().toMillis() / 1000.0);
        map.put("server", outcome.task().server());
        map.put("task", outcome.task().task());
        return map;
    }
}
