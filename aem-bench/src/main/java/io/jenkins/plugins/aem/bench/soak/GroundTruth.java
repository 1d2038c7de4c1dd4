package io.jenkins.plugins.aem.bench.soak;

import io.jenkins.plugins.aem.simulator.CommandRecord;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.StateChange;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * What really happened to one task during one operation's window, from the simulator: its state history (without
 * status lag), the commands that reached it, and the journal's requests about it.
 *
 * @param history  the task's whole history, oldest first
 * @param commands commands that reached the task within the window
 * @param requests journal entries within the window that concern this task, plus logins and server-list reads
 *                 (shared by all operations, so any of them may have been this operation's)
 * @param posts    run/stop POSTs for the task from the operation's start until the next operation on the task,
 *                 except those AEM refused for the session (HTTP 401): the refused call was not carried out
 */
record GroundTruth(List<StateChange> history, List<CommandRecord> commands, List<JournalEntry> requests,
                   long posts) {

    /** The change in force at {@code t}: the last one at or before it. */
    StateChange at(Instant t) {
        StateChange current = history.get(0);
        for (StateChange c : history) {
            if (c.at().isAfter(t)) {
                break;
            }
            current = c;
        }
        return current;
    }

    /** The first change in [from, to] that satisfies the predicate, or {@code null}. */
    StateChange firstChange(Predicate<StateChange> p, Instant from, Instant to) {
        for (StateChange c : history) {
            if (!c.at().isBefore(from) && !c.at().isAfter(to) && p.test(c)) {
                return c;
            }
        }
        return null;
    }

    /** {@code true} when the predicate held without interruption from {@code from} to {@code to}. */
    boolean heldThroughout(Predicate<StateChange> p, Instant from, Instant to) {
        if (!p.test(at(from))) {
            return false;
        }
        return history.stream().noneMatch(c -> c.at().isAfter(from) && !c.at().isAfter(to) && !p.test(c));
    }

    /** Error codes AEM answered to commands in the window, except {@code *_TIMEOUT} (which accept the command). */
    List<String> commandErrors() {
        return commands.stream().map(CommandRecord::errorCode)
                .filter(code -> code != null && !code.endsWith("_TIMEOUT")).toList();
    }

    /** Requests that met a transport fault: no answer (reset, hang) or a proxy's HTML 502/503 page. */
    long faulted() {
        return requests.stream().filter(e -> e.status() == 0 || e.status() == 502 || e.status() == 503).count();
    }

    /** Reads answered with an AEM error (HTTP 500 with an {@code AEM_*} code), as failNext(READ) produces. */
    long readErrors() {
        return requests.stream().filter(e -> !e.isLogin() && e.kind().name().equals("READ") && e.status() == 500)
                .count();
    }

    /** Requests AEM refused for the session (HTTP 401). */
    long sessionRefusals() {
        return requests.stream().filter(e -> !e.isLogin() && e.status() == 401).count();
    }

    /** Run/stop POSTs of the operation that AEM did not refuse for the session. */
    long commandPosts() {
        return posts;
    }

    static boolean isError(StateChange c) {
        return "ERROR".equals(c.state()) || "FATAL_ERROR".equals(c.stopReason());
    }
}
