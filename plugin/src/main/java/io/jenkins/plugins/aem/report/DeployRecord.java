package io.jenkins.plugins.aem.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.client.DeployCheckpoint;
import io.jenkins.plugins.aem.client.DeployOutcome;
import io.jenkins.plugins.aem.client.DeployTasksOutcome;
import io.jenkins.plugins.aem.client.ProgressFact;
import io.jenkins.plugins.aem.client.ReleasedTask;
import io.jenkins.plugins.aem.client.TaskRef;
import java.util.ArrayList;
import java.util.Comparator;
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
    /** The order of a set's rows. */
    private static final Comparator<DeployReport> BY_TASK = Comparator.comparing(DeployReport::getTask)
            .thenComparing(DeployReport::getServer);

    private final String definition;
    private final boolean dryRun;
    /** How many tasks the step deploys, or a set's estimate until its folder is read (0: not known yet). */
    private int tasks;
    /** A step over a set of tasks: shown as rows, however many it has. */
    private boolean set;
    /** In the order they came: a report's page, {@code report/N/}, is its place here, and never changes. */
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

    /**
     * The record of a release of a folder ({@code aemDeployTasks}): one row per task, however many; how many it takes
     * is told once its folder is read ({@link #expect}).
     *
     * @param tasks which tasks, in words
     * @param dir   the release folder, in words ({@code release/})
     */
    public static DeployRecord ofSet(String connection, String server, String tasks, String asked, String dir,
                                     boolean dryRun) {
        DeployRecord record = new DeployRecord(connection, server, tasks, asked, dir, dryRun, 1);
        record.tasks = 0;
        record.set = true;
        return record;
    }

    private Object readResolve() {
        for (int i = 0; i < reports.size(); i++) {
            reports.get(i).owner = this;
            reports.get(i).number = i + 1;
        }
        return this;
    }

    @Override
    public String getKind() {
        return read(() -> {
            int count = Math.max(tasks, reports.size());
            return !isSetLocked() ? Messages.DeployRecord_Kind()
                    : count == 0 ? Messages.DeployRecord_SetKindUnread() : Messages.DeployRecord_SetKind(count);
        });
    }

    /** A set's: {@code release of 2 task(s) from release/ to server 'Prod'}; which tasks is the step's Task line. */
    @Override
    public String getTitle() {
        return read(() -> isSetLocked() ? Messages.DeployRecord_SetTitle(getKind(), definition, getServer())
                : super.getTitle());
    }

    /** A set's title names its server already. */
    @Override
    public String getTitleWithServer() {
        return read(() -> isSetLocked() ? getTitle() : super.getTitleWithServer());
    }

    /** The room of one task's plan and steps taken, in characters: its share of {@link #ROOM}. */
    int room() {
        return Math.max(LEAST, Math.min(MOST, ROOM / Math.max(1, Math.max(tasks, reports.size())))) - REPORT_OVERHEAD;
    }

    /** A set's folder was read: it takes about this many tasks, which share the page's room. */
    public void expect(int count) {
        write(() -> tasks = Math.max(tasks, count), false);
    }

    @Override
    protected void accept(ProgressFact fact) {
        if (fact instanceof ProgressFact.DeployPlanned p) {
            report(p.task()).planned(p.plan(), room());
        } else if (fact instanceof ProgressFact.DeployAction a) {
            report(a.task()).acted(System.currentTimeMillis(), a.action(), room());
        } else if (fact instanceof ProgressFact.DeployEnded e) {
            report(e.task()).took(e.elapsed());
        }
    }

    private DeployReport report(TaskRef task) {
        for (DeployReport r : reports) {
            if (r.is(task.server(), task.task())) {
                return r;
            }
        }
        DeployReport r = new DeployReport(this, task.server(), task.task(), reports.size() + 1);
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

    /**
     * A task of a set ended as the release says: its word for the result ({@code DEPLOYED}, {@code NO_CHANGE},
     * {@code DRIFT}, {@code REFUSED}, {@code NOT_STARTED}, {@code FAILED}, {@code UNDONE}), and why, when it did not go
     * as asked. It stands over what an abort marked while the release was putting its tasks back.
     */
    public void taskEnded(TaskRef task, String result, @CheckForNull String why) {
        write(() -> report(task).ended(result, why), true);
    }

    /** A set's release ended as it should: its line says how many tasks it deployed, or, for a dry run, would change. */
    public void released(DeployTasksOutcome outcome) {
        int drift = outcome.with(ReleasedTask.Result.DRIFT).size();
        int deployed = outcome.with(ReleasedTask.Result.DEPLOYED).size();
        if (outcome.dryRun()) {
            succeeded(drift == 0 ? Messages.DeployRecord_SetMatches()
                    : Messages.DeployRecord_SetDrift(drift, outcome.tasks().size()));
        } else {
            succeeded(deployed == 0 ? Messages.DeployRecord_SetNoChange() : Messages.DeployRecord_SetDeployed(deployed,
                    outcome.with(ReleasedTask.Result.NO_CHANGE).size(), CommandRecord.seconds(outcome.elapsed())));
        }
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
        boolean single = !isSetLocked();
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
        return read(this::isSetLocked);
    }

    private boolean isSetLocked() {
        return set || tasks > 1;
    }

    /**
     * The tasks' reports by task name (as the release's plan and outcome list them), not in the order their plans
     * came, which parallel planning makes random. Each keeps the number of its page, given as it came.
     */
    public List<DeployReport> getReports() {
        return read(() -> reports.stream().sorted(BY_TASK).toList());
    }

    /** The single deploy's report, shown on the step's page itself; {@code null} for a set, or before the plan. */
    @CheckForNull
    public DeployReport getSingle() {
        return read(() -> !isSetLocked() && reports.size() == 1 ? reports.get(0) : null);
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
