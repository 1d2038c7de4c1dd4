package io.jenkins.plugins.aem.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.client.DeployCheckpoint;
import io.jenkins.plugins.aem.client.DeployOutcome;
import io.jenkins.plugins.aem.client.ProgressFact;
import io.jenkins.plugins.aem.client.TaskRef;
import java.util.ArrayList;
import java.util.List;

/**
 * A deploy of one task or of a set: one {@link DeployReport} per task, fed by the client's facts as each deploy plans
 * and acts (routed by task, so a set's deploys may run at once), and by each outcome. A single deploy's page shows its
 * report; a set's shows a row per task, each opening its report at {@code report/N/}. The step keeps about
 * {@link #ROOM} characters for all its tasks together, so that a set of hundreds stays small.
 */
public final class DeployRecord extends StepRecord {

    /** What the step's tasks may take of the build's file together, in characters. */
    static final int ROOM = 320 * 1024;
    /** Each task takes at least this much, however large the set; at most {@link #MOST}. */
    static final int LEAST = 1024;
    static final int MOST = 64 * 1024;
    /** What a task's report takes of its share before its plan and steps: its names, result and counts. */
    static final int REPORT_OVERHEAD = 400;

    private final String definition;
    private final boolean dryRun;
    private final int tasks;
    private final List<DeployReport> reports = new ArrayList<>();

    /**
     * @param definition the definition file (or a set's folder), as the step named it
     * @param dryRun     whether the step only plans
     * @param tasks      how many tasks the step deploys: 1, or the set's size
     */
    public DeployRecord(String connection, String server, String task, String asked, String definition, boolean dryRun,
                        int tasks) {
        super(connection, server, task, asked);
        this.definition = definition;
        this.dryRun = dryRun;
        this.tasks = Math.max(1, tasks);
    }

    private Object readResolve() {
        reports.forEach(r -> r.owner = this);
        return this;
    }

    @Override
    public String getKind() {
        return tasks > 1 ? Messages.DeployRecord_SetKind(tasks) : Messages.DeployRecord_Kind();
    }

    /** The room of one task's plan and steps taken, in characters: its share of {@link #ROOM}. */
    int room() {
        return Math.max(LEAST, Math.min(MOST, ROOM / Math.max(tasks, reports.size()))) - REPORT_OVERHEAD;
    }

    @Override
    protected void accept(ProgressFact fact) {
        if (fact instanceof ProgressFact.DeployPlanned p) {
            report(p.task()).planned(p.plan(), room());
        } else if (fact instanceof ProgressFact.DeployAction a) {
            report(a.task()).acted(System.currentTimeMillis(), a.action(), room());
        }
    }

    private DeployReport report(TaskRef task) {
        for (DeployReport r : reports) {
            if (r.is(task.server(), task.task())) {
                return r;
            }
        }
        DeployReport r = new DeployReport(this, task.server(), task.task());
        reports.add(r);
        return r;
    }

    /** The backup of {@code task} was archived with the build as {@code artifact}. */
    public void backupKept(TaskRef task, String artifact) {
        write(() -> report(task).backup(artifact), true);
    }

    /**
     * The deploy of a task handed out a checkpoint: the endpoints whose secrets it rotates (through PatchEndpoint, or,
     * when it rotates with its import, those the import writes).
     */
    public void checkpointed(DeployCheckpoint checkpoint, boolean updateSecrets) {
        if (updateSecrets) {
            List<String> rotated = checkpoint.endpointsRotated().isEmpty() ? checkpoint.endpointsWritten()
                    : checkpoint.endpointsRotated();
            write(() -> report(checkpoint.taskRef()).rotated(rotated), false);
        }
    }

    /** The deploy of {@code task} was taken up after Jenkins stopped during it: {@code how}, in words. */
    public void takenUp(TaskRef task, String how) {
        write(() -> report(task).takenUp(how), true);
    }

    /** The deploy of one task of the step ended well. */
    public void taskDeployed(DeployOutcome outcome) {
        write(() -> report(outcome.task()).finished(outcome, room()), true);
    }

    /** The deploy of one task of a set failed, or was not done: {@code why} as the console said it. */
    public void taskFailed(TaskRef task, String how, @CheckForNull String why) {
        write(() -> report(task).failed(how, why), true);
    }

    /** A single deploy ended well: its task's report and the step's outcome line. */
    public void deployed(DeployOutcome outcome) {
        taskDeployed(outcome);
        long changes = outcome.plan().changes().stream().filter(c -> c.kind().isChange()).count();
        succeeded(switch (outcome.result()) {
            case DEPLOYED -> Messages.DeployRecord_Deployed(changes, CommandRecord.seconds(outcome.elapsed()))
                    + (outcome.restarted() ? " " + Messages.DeployRecord_Restarted() : "");
            case NO_CHANGE -> Messages.DeployRecord_NoChange();
            case DRY_RUN -> Messages.DeployRecord_DryRun(changes);
        });
    }

    /** A step that ended badly marks the tasks still without a result as such. */
    @Override
    protected void ending(Status how, @CheckForNull String why) {
        if (how == Status.SUCCESS) {
            return;
        }
        boolean single = tasks == 1;
        reports.forEach(r -> r.failed(how == Status.ABORTED ? "ABORTED" : "FAILED", single ? why : null));
    }

    public String getDefinition() {
        return definition;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** A set, shown as one row per task. */
    public boolean isSet() {
        return tasks > 1;
    }

    public List<DeployReport> getReports() {
        return read(() -> List.copyOf(reports));
    }

    /** The single deploy's report, shown on the step's page itself; {@code null} for a set, or before the plan. */
    @CheckForNull
    public DeployReport getSingle() {
        return read(() -> tasks == 1 && reports.size() == 1 ? reports.get(0) : null);
    }

    /** A task's page, {@code report/N/} (from 1), or {@code null} (a 404). */
    @CheckForNull
    public DeployReport getReport(String number) {
        try {
            int n = Integer.parseInt(number);
            return read(() -> n >= 1 && n <= reports.size() ? reports.get(n - 1) : null);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
