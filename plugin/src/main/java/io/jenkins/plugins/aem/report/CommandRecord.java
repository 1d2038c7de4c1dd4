package io.jenkins.plugins.aem.report;

import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.client.ProgressFact;
import io.jenkins.plugins.aem.client.TaskOutcome;
import java.util.ArrayList;
import java.util.List;

/** A run or a stop: the states the wait saw, each with when it saw it, and the state reached. */
public final class CommandRecord extends StepRecord {

    /** A state changes a few times in a wait; a task flapping for hours keeps its first this-many. */
    static final int MAX_STATES = 100;

    private final boolean stop;
    private final List<TimedLine> states = new ArrayList<>();

    public CommandRecord(boolean stop, String connection, String server, String task, String asked) {
        super(connection, server, task, asked);
        this.stop = stop;
    }

    @Override
    public String getKind() {
        return stop ? Messages.CommandRecord_Stop() : Messages.CommandRecord_Run();
    }

    @Override
    protected void accept(ProgressFact fact) {
        if (fact instanceof ProgressFact.StateSeen seen) {
            saw(System.currentTimeMillis(), seen.rawState());
        }
    }

    private void saw(long at, String state) {
        if (states.size() < MAX_STATES) {
            states.add(new TimedLine(at, state));
        }
    }

    /** The states seen, in order. */
    public List<TimedLine> getStates() {
        return read(() -> List.copyOf(states));
    }

    /** The run or stop reached its state. */
    public void reached(TaskOutcome outcome) {
        write(() -> {
            if (states.isEmpty() || !states.get(states.size() - 1).text().equals(outcome.rawState())) {
                saw(System.currentTimeMillis(), outcome.rawState());
            }
        }, true);
        succeeded(Messages.CommandRecord_Reached(outcome.rawState(), seconds(outcome.elapsed()))
                + (outcome.message().isBlank() ? "" : " " + Messages.StepRecord_AemSays(outcome.message())));
    }

    static String seconds(java.time.Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
