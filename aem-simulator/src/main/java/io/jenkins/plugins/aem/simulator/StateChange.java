package io.jenkins.plugins.aem.simulator;

import java.time.Instant;

/**
 * One entry of a task's ground-truth history: the wire state it entered and when.
 *
 * @param at         when the change happened (simulator clock)
 * @param state      the state as GetTaskDetails shows it without lag (may be a transitional value like STARTING)
 * @param stopReason the task stop reason at that moment; kept for Compose too, although the wire shows NONE there
 */
public record StateChange(Instant at, String state, String stopReason) {
}
