package io.jenkins.plugins.aem.bench.soak.deploy;

import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.ServerRepository;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A task as the simulator really has it, whatever any client was told.
 *
 * @param exists     the task exists (visible to reads or not yet)
 * @param definition its stored definition, normalised (secrets as fingerprints), or {@code null}
 * @param state      its state, or {@code null} when it does not exist or reads do not show it yet
 * @param running    the definition its last run started with, or {@code null} when it never ran here
 */
record TaskTruth(boolean exists, String definition, String state, String running) {

    static TaskTruth of(AemSimulator sim, String server, String task) {
        ServerRepository repo = sim.repository(server);
        String state;
        try {
            state = sim.task(server, task).state();
        } catch (NoSuchElementException notVisible) {
            state = null;
        }
        return new TaskTruth(repo.taskExists(task), repo.definition(task).orElse(null), state,
                repo.runningDefinition(task).orElse(null));
    }

    /** The same definition and state: the task is as it was. */
    boolean sameAs(TaskTruth other) {
        return exists == other.exists && Objects.equals(definition, other.definition) && Objects.equals(state, other.state);
    }

    boolean isRunning() {
        return "RUNNING".equals(state);
    }

    /** What differs from {@code before}, for a report line. */
    String differenceFrom(TaskTruth before) {
        if (exists != before.exists) {
            return exists ? "the task exists, and did not before" : "the task is gone";
        }
        if (!Objects.equals(state, before.state)) {
            return "the task is " + state + ", and was " + before.state;
        }
        if (!Objects.equals(definition, before.definition)) {
            return "definition differs: " + DefinitionTree.firstDifference(DefinitionTree.parse(before.definition),
                    DefinitionTree.parse(definition));
        }
        return "nothing";
    }
}
