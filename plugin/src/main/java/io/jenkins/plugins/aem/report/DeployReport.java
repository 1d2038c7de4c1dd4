package io.jenkins.plugins.aem.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.client.DeployOutcome;
import io.jenkins.plugins.aem.client.definition.DeployPlan;
import io.jenkins.plugins.aem.client.definition.PlanChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jenkins.security.stapler.StaplerAccessibleType;

/**
 * The deploy of one task, as its page shows it: the plan as a table, the values before and after each change as a
 * diff, the backup archived with the build, the steps taken with their times, and the result. A single deploy's
 * record has one; a set's has one per task, each a row of the set's table that opens this page. It keeps at most
 * the room its record gives it ({@link DeployRecord#room()}): the plan's lines first, then the values of as many
 * changes as fit, and the steps taken, so that a set of hundreds of tasks stays small.
 */
@StaplerAccessibleType // its page is reached through a getter: aem/step/N/, report/N/
public final class DeployReport {

    private final String server;
    private final String task;
    private String result;
    private final List<PlanRow> plan = new ArrayList<>();
    private boolean planned;
    private int changesNotKept;
    private int valuesNotKept;
    private int actionsNotKept;
    /** The characters of the room taken so far. */
    private int spent;
    private final List<TimedLine> actions = new ArrayList<>();
    private String backup;
    private boolean restarted;
    private String failure;
    private long elapsed = -1;
    /** The endpoints TestEndpoint found connected before the task ran again. */
    private List<String> tested;
    /** The endpoints whose secrets the deploy rotated (updateSecrets). */
    private List<String> rotated;
    /** How a deploy Jenkins stopped during was taken up, and how it ended. */
    private String resumed;
    transient DeployRecord owner;
    /** Its page's number in its record, {@code report/N/}: the order reports came in, which the record keeps. */
    transient int number;

    DeployReport(DeployRecord owner, String server, String task, int number) {
        this.owner = owner;
        this.server = server;
        this.task = task;
        this.number = number;
    }

    boolean is(String server, String task) {
        return this.server.equals(server) && this.task.equals(task);
    }

    /**
     * Takes the plan within two thirds of {@code room} (the rest is for the steps taken): every line that fits, then
     * the values of the changes that fit.
     */
    void planned(DeployPlan p, int room) {
        plan.clear();
        planned = true;
        changesNotKept = 0;
        valuesNotKept = 0;
        int left = room * 2 / 3;
        List<PlanChange> kept = new ArrayList<>();
        for (PlanChange c : p.changes()) {
            if (PlanRow.cost(c) > left) {
                changesNotKept++;
                continue;
            }
            left -= PlanRow.cost(c);
            kept.add(c);
            plan.add(PlanRow.of(c));
        }
        for (int i = 0; i < kept.size(); i++) {
            int cost = PlanRow.valuesCost(kept.get(i));
            if (cost == 0) {
                continue;
            }
            if (cost > left) {
                valuesNotKept++;
                continue;
            }
            left -= cost;
            plan.get(i).keepValues(kept.get(i));
        }
        spent = room * 2 / 3 - left;
    }

    /** A step taken, kept while the room lasts (a restore that retries may take many). */
    void acted(long at, String text, int room) {
        int cost = text.length() + PlanRow.OVERHEAD;
        if (spent + cost > room) {
            actionsNotKept++;
            return;
        }
        spent += cost;
        actions.add(new TimedLine(at, text));
    }

    void rotated(List<String> endpoints) {
        rotated = endpoints.isEmpty() ? null : new ArrayList<>(endpoints);
    }

    void takenUp(String how) {
        resumed = how;
    }

    void backup(String artifact) {
        backup = artifact;
    }

    /** The deploy of this task ended well; a plan not yet told (never, by this client) is taken from the outcome. */
    void finished(DeployOutcome outcome, int room) {
        if (!planned) {
            planned(outcome.plan(), room);
        }
        result = outcome.result().name();
        restarted = outcome.restarted();
        tested = outcome.testedEndpoints().isEmpty() ? null : new ArrayList<>(outcome.testedEndpoints());
        if (outcome.resumed() != null) {
            resumed = outcome.resumed();
        }
        elapsed = outcome.elapsed().toMillis();
    }

    /** The deploy of this task ended, however, after {@code took}: a set's row shows it. */
    void took(Duration took) {
        elapsed = took.toMillis();
    }

    /** The deploy of this task failed, was refused or aborted: {@code why} as the console said it. */
    void failed(String how, @CheckForNull String why) {
        if (result == null) {
            result = how;
            failure = why;
        }
    }

    /** A task of a set ended as its release says, over whatever was marked before. */
    void ended(String how, @CheckForNull String why) {
        result = how;
        failure = why;
    }

    public String getServer() {
        return server;
    }

    public String getTask() {
        return task;
    }

    /** Its page's number: {@code report/N/} of its step's page. */
    public int getNumber() {
        return number;
    }

    /** DEPLOYED, NO_CHANGE, DRY_RUN, FAILED or ABORTED; {@code null} while the deploy runs. */
    @CheckForNull
    public String getResult() {
        return owner.read(() -> result);
    }

    /** Whether the plan is known yet. */
    public boolean isPlanned() {
        return owner.read(() -> planned);
    }

    public List<PlanRow> getPlan() {
        return owner.read(() -> List.copyOf(plan));
    }

    /** How many changes the plan has, notes left out. */
    public long getChangeCount() {
        return owner.read(() -> plan.stream().filter(PlanRow::isChange).count() + changesNotKept);
    }

    /** What the page left out for room, in words, or {@code null} when it keeps the whole plan. */
    @CheckForNull
    public String getNotKept() {
        return owner.read(() -> changesNotKept + valuesNotKept + actionsNotKept == 0 ? null
                : Messages.DeployReport_NotKept(changesNotKept, valuesNotKept, actionsNotKept,
                Math.max(1, owner.room() / 1024)));
    }

    public List<TimedLine> getActions() {
        return owner.read(() -> List.copyOf(actions));
    }

    /** The backup's path among the build's artifacts, or {@code null} when there is none (no change, a new task). */
    @CheckForNull
    public String getBackup() {
        return owner.read(() -> backup);
    }

    public boolean isRestarted() {
        return owner.read(() -> restarted);
    }

    /** The endpoints TestEndpoint found connected before the task ran again, named, or {@code null} (none tested). */
    @CheckForNull
    public String getTestedEndpoints() {
        return owner.read(() -> names(tested));
    }

    /** The endpoints whose secrets the deploy rotates, named, or {@code null} (no rotation asked). */
    @CheckForNull
    public String getRotatedEndpoints() {
        return owner.read(() -> names(rotated));
    }

    @CheckForNull
    private static String names(@CheckForNull List<String> endpoints) {
        return endpoints == null ? null : "'" + String.join("', '", endpoints) + "'";
    }

    /** How the deploy was taken up after Jenkins stopped during it, or {@code null} (it was not interrupted). */
    @CheckForNull
    public String getResumed() {
        return owner.read(() -> resumed);
    }

    @CheckForNull
    public String getFailure() {
        return owner.read(() -> failure);
    }

    /**
     * The result in a line: {@code DEPLOYED in 3.1 s; the task runs again}, {@code DRY_RUN}, or {@code ...} while the
     * deploy runs.
     */
    public String getResultLine() {
        return owner.read(() -> result == null ? "..." : result
                + (elapsed < 0 || !"DEPLOYED".equals(result) ? ""
                : " " + Messages.DeployReport_Took(CommandRecord.seconds(Duration.ofMillis(elapsed))))
                + (restarted ? "; " + Messages.DeployReport_RunsAgain() : ""));
    }

    /** The time the deploy of this task took, in seconds, or {@code null} when it did not end well. */
    @CheckForNull
    public String getSeconds() {
        return owner.read(() -> elapsed < 0 ? null : CommandRecord.seconds(Duration.ofMillis(elapsed)));
    }

    /** A moment of this deploy as the page shows it, from the step's start. */
    public String since(long at) {
        return owner.since(at);
    }

    public Run<?, ?> getRun() {
        return owner.getRun();
    }

    /** The step this deploy is part of. */
    public DeployRecord getRecord() {
        return owner;
    }
}
