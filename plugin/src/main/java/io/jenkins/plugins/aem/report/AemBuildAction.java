package io.jenkins.plugins.aem.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.aem.Messages;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;

/**
 * The "AEM" page of a build that ran an AEM step: its link in the build's sidebar, a short summary on the build's own
 * page ({@code summary.jelly}), and the list of every AEM step of the build in order ({@code index.jelly}), each step's
 * own page at {@code aem/step/N/}. It keeps nothing in {@code build.xml} but its presence: the records are in the
 * build's {@value StepRecords#FILE_NAME}, read when a page first needs them.
 */
public final class AemBuildAction implements RunAction2 {

    private static final Logger LOGGER = Logger.getLogger(AemBuildAction.class.getName());

    /** How many steps the build's own page lists; the AEM page lists them all. */
    static final int SUMMARY_STEPS = 5;

    private transient Run<?, ?> run;
    private transient volatile StepRecords records;

    private AemBuildAction(Run<?, ?> run) {
        this.run = run;
    }

    /** The build's action, added (and the build saved, so that a restart finds it) by the build's first AEM step. */
    static AemBuildAction of(Run<?, ?> run) {
        synchronized (run) {
            AemBuildAction action = run.getAction(AemBuildAction.class);
            if (action != null) {
                return action;
            }
            action = new AemBuildAction(run);
            run.addAction(action);
            try {
                run.save();
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Cannot save " + run + " with its AEM page", e);
            }
            return action;
        }
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** The records, read from the build's folder the first time. */
    StepRecords records() {
        StepRecords r = records;
        if (r == null) {
            synchronized (this) {
                r = records;
                if (r == null) {
                    r = StepRecords.load(run);
                    records = r;
                }
            }
        }
        return r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    /** Every AEM step of the build, in the order they started. */
    public List<StepRecord> getSteps() {
        return records().steps();
    }

    /** The first steps, for the build's own page. */
    public List<StepRecord> getFirstSteps() {
        List<StepRecord> all = getSteps();
        return all.subList(0, Math.min(SUMMARY_STEPS, all.size()));
    }

    /** The step at {@code aem/step/N/}, or {@code null} (a 404). */
    @CheckForNull
    public StepRecord getStep(String id) {
        try {
            return records().step(Integer.parseInt(id));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** How many steps ran past the {@value StepRecords#MAX_STEPS} a build keeps; the page says so. */
    public int getNotKept() {
        return records().notKept();
    }

    /** What the page says of the steps not kept. */
    public String getNotKeptText() {
        return Messages.StepRecord_NotKept(getNotKept(), StepRecords.MAX_STEPS);
    }

    /** How many steps failed (interrupted and aborted ones included). */
    public long getFailedCount() {
        return getSteps().stream().filter(s -> s.getStatus() != StepRecord.Status.SUCCESS
                && s.getStatus() != StepRecord.Status.RUNNING).count();
    }

    @Override
    public String getIconFileName() {
        return "symbol-aem plugin-qlik-enterprise-manager";
    }

    @Override
    public String getDisplayName() {
        return Messages.AemBuildAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "aem";
    }
}
